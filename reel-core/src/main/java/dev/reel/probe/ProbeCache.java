package dev.reel.probe;

import dev.reel.media.FileFacts;
import dev.reel.media.ProbeDepth;
import dev.reel.media.ProbeOutcome;

/**
 * Results of earlier probes, valid while a file keeps its size and modification time. A job opens
 * one {@link Session} per run; lookups come from the workers, results to remember from the thread
 * that emits them.
 */
public interface ProbeCache {
  /** No cache: every file is probed. */
  ProbeCache NONE = (depth, folders) -> Session.NONE;

  /**
   * Opens a run's session.
   *
   * @param folders the folders the run walks; the cache may read their entries ahead
   */
  Session session(ProbeDepth depth, java.util.List<java.nio.file.Path> folders);

  /** One run's use of the cache. Never throws: a cache that fails turns itself off. */
  interface Session extends AutoCloseable {
    Session NONE =
        new Session() {
          @Override
          public ProbeOutcome lookup(FileFacts file) {
            return null;
          }

          @Override
          public void remember(ProbeOutcome outcome) {}

          @Override
          public void close() {}
        };

    /** The remembered result for the file as it is now, or null. */
    ProbeOutcome lookup(FileFacts file);

    /** Remembers a fresh result (results that came from the cache are ignored). */
    void remember(ProbeOutcome outcome);

    /** Writes what is pending. */
    @Override
    void close();
  }
}
