package dev.reel.probe;

import dev.reel.media.FileFacts;
import dev.reel.media.ProbeDepth;
import dev.reel.media.ProbeOutcome;
import dev.reel.store.ProbeResults;
import dev.reel.store.Store;
import dev.reel.store.StoreFailedException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The probe cache in reel's SQLite store. What is remembered: playable and unplayable files, and
 * files that are not media; not timeouts, read errors or internal errors, which may pass.
 */
public final class StoredProbeCache implements ProbeCache {
  private final Store store;
  private final Consumer<String> warnings;

  /**
   * @param warnings receives one line if the cache fails during the run (it is then turned off)
   */
  public StoredProbeCache(Store store, Consumer<String> warnings) {
    this.store = store;
    this.warnings = warnings;
  }

  @Override
  public Session session(ProbeDepth depth, java.util.List<java.nio.file.Path> folders) {
    try {
      String d = depth.name().toLowerCase(Locale.ROOT);
      ProbeResults results = new ProbeResults(store);
      List<String> readAhead =
          folders.stream()
              .filter(java.nio.file.Files::isDirectory)
              .map(java.nio.file.Path::toString)
              .toList();
      return new StoredSession(results, d, readAhead);
    } catch (StoreFailedException e) {
      warnings.accept(e.getMessage() + "; running without the cache");
      return Session.NONE;
    }
  }

  private final class StoredSession implements Session {
    private final ProbeResults results;
    private final String depth;
    private final AtomicBoolean broken = new AtomicBoolean();
    // results that came from the cache: not written back (identity, so a fresh equal one is)
    private final Set<ProbeOutcome> fromCache =
        Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    private final List<String> readAhead;
    private final AtomicBoolean readAheadDone = new AtomicBoolean();

    StoredSession(ProbeResults results, String depth, List<String> readAhead) {
      this.results = results;
      this.depth = depth;
      this.readAhead = readAhead;
    }

    @Override
    public ProbeOutcome lookup(FileFacts file) {
      if (broken.get()) {
        return null;
      }
      try {
        if (readAheadDone.compareAndSet(false, true)) {
          // on the first lookup, not at the start: a run that asks nothing reads nothing
          results.readAhead(depth, readAhead);
        }
        var text = results.lookup(file.path().toString(), depth, file.sizeBytes(), file.modified());
        if (text.isEmpty()) {
          return null;
        }
        ProbeOutcome o = ProbeRecordCodec.decode(text.get(), file);
        fromCache.add(o);
        return o;
      } catch (StoreFailedException e) {
        fail(e);
        return null;
      } catch (IllegalArgumentException e) {
        return null; // a row this version cannot read: probe again, the new result replaces it
      }
    }

    @Override
    public void remember(ProbeOutcome outcome) {
      if (fromCache.remove(outcome) || broken.get() || !worthKeeping(outcome)) {
        return;
      }
      FileFacts f = outcome.file();
      try {
        results.put(
            new ProbeResults.Row(
                f.path().toString(),
                depth,
                f.sizeBytes(),
                f.modified(),
                ProbeRecordCodec.encode(outcome)));
      } catch (StoreFailedException e) {
        fail(e);
      }
    }

    @Override
    public void close() {
      if (broken.get()) {
        return;
      }
      try {
        results.flush();
      } catch (StoreFailedException e) {
        fail(e);
      }
    }

    private void fail(StoreFailedException e) {
      if (broken.compareAndSet(false, true)) {
        warnings.accept(e.getMessage() + "; the rest of the run goes without the cache");
      }
    }
  }

  static boolean worthKeeping(ProbeOutcome o) {
    return switch (o) {
      case ProbeOutcome.Playable p -> true;
      case ProbeOutcome.Unplayable u -> true;
      case ProbeOutcome.Unreadable u ->
          !u.error().startsWith("cannot read") && !u.error().startsWith("internal error");
      case ProbeOutcome.TimedOut t -> false;
    };
  }
}
