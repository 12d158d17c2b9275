package dev.reel.probe;

import dev.reel.concurrent.ItemOutcome;
import dev.reel.concurrent.ParallelMap;
import dev.reel.concurrent.StopToken;
import dev.reel.job.JobSummary;
import dev.reel.job.Outcome;
import dev.reel.media.FileFacts;
import dev.reel.media.MediaProbe;
import dev.reel.media.ProbeDepth;
import dev.reel.media.ProbeOutcome;
import dev.reel.progress.ProgressModel;
import dev.reel.walk.FolderWalker;
import dev.reel.walk.WalkedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Probes every media file below the requested paths, in parallel, and streams one outcome per file
 * to a sink in walk order. The walk is lazy and results are not kept: memory stays flat however
 * many files. A {@link ProbeCache} answers for files that have not changed since they were last
 * probed; a stop lets running probes finish for the grace period and drops the rest.
 */
public final class ProbeJob {
  /** How long running probes may go on after a stop. */
  public static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private final MediaProbe probe;
  private final ProbeCache cache;
  private final Consumer<String> warnings;

  /**
   * @param cache earlier results ({@link ProbeCache#NONE} for none)
   * @param warnings receives one line for each folder that could not be walked
   */
  public ProbeJob(MediaProbe probe, ProbeCache cache, Consumer<String> warnings) {
    this.probe = probe;
    this.cache = cache;
    this.warnings = warnings;
  }

  public JobSummary run(
      ProbeRequest request, Consumer<ProbeOutcome> sink, StopToken stop, ProgressModel progress) {
    Iterator<WalkedFile> files =
        new FolderWalker(
                FolderWalker.extensions(request.extensions()), request.includeHidden(), warnings)
            .walk(request.paths());
    long dropped =
        probeEach(
            files,
            request.paths(),
            request.depth(),
            request.timeout(),
            request.workers(),
            (file, outcome) -> null,
            probed -> {
              sink.accept(probed.outcome());
              status(probed.outcome()).countIn(progress);
            },
            stop,
            progress);
    return JobSummary.of(progress.snapshot(), dropped, stop.isStopped());
  }

  /**
   * A probed file and what the caller made of it on the worker thread.
   *
   * @param extra what {@code then} returned (null for a probe that never came back)
   */
  public record Probed<T>(WalkedFile file, ProbeOutcome outcome, T extra) {}

  /**
   * Probes files in parallel (cached results first) and streams them to {@code sink} in walk order;
   * {@code then} runs on the worker right after each probe, so per-file work the caller needs
   * (identifying the name) runs in parallel too. The walk's count goes to {@code progress}'s total;
   * the caller counts outcomes.
   *
   * @param roots the folders {@code files} come from (the cache may read their entries ahead)
   * @return how many files were dropped by a stop
   */
  public <T> long probeEach(
      Iterator<WalkedFile> files,
      List<Path> roots,
      ProbeDepth depth,
      Duration timeout,
      int workers,
      BiFunction<WalkedFile, ProbeOutcome, T> then,
      Consumer<Probed<T>> sink,
      StopToken stop,
      ProgressModel progress) {
    Iterator<WalkedFile> counted =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            boolean more = files.hasNext();
            if (!more) {
              progress.totalComplete();
            }
            return more;
          }

          @Override
          public WalkedFile next() {
            progress.addTotal(1);
            return files.next();
          }
        };
    try (ProbeCache.Session session = cache.session(depth, roots)) {
      return new ParallelMap<WalkedFile, Probed<T>>(workers, timeout, true, "reel-probe")
          .run(
              counted,
              file -> {
                ProbeOutcome o = probeOne(file, depth, timeout, session);
                return new Probed<>(file, o, then.apply(file, o));
              },
              outcome -> {
                Probed<T> p = resolve(outcome);
                session.remember(p.outcome());
                sink.accept(p);
              },
              stop,
              STOP_GRACE);
    }
  }

  /** How a probe result counts: playable is ok, anything else failed. */
  public static Outcome status(ProbeOutcome o) {
    return switch (o) {
      case ProbeOutcome.Playable p -> Outcome.OK;
      case ProbeOutcome.Unplayable u -> new Outcome.Failed(u.error());
      case ProbeOutcome.Unreadable u -> new Outcome.Failed(u.error());
      case ProbeOutcome.TimedOut t -> new Outcome.Failed(t.error());
    };
  }

  private ProbeOutcome probeOne(
      WalkedFile file, ProbeDepth depth, Duration timeout, ProbeCache.Session cached) {
    FileFacts facts = new FileFacts(file.path(), file.sizeBytes(), file.modified());
    ProbeOutcome known = cached.lookup(facts);
    if (known != null) {
      return known;
    }
    return probe.probe(facts, depth, timeout);
  }

  private static <T> Probed<T> resolve(ItemOutcome<WalkedFile, Probed<T>> outcome) {
    return switch (outcome) {
      case ItemOutcome.Done<WalkedFile, Probed<T>> d -> d.value();
      case ItemOutcome.Failed<WalkedFile, Probed<T>> f ->
          new Probed<>(
              f.item(),
              new ProbeOutcome.Unreadable(
                  facts(f.item().path()),
                  "internal error: "
                      + f.error().getClass().getSimpleName()
                      + (f.error().getMessage() == null ? "" : ": " + f.error().getMessage())),
              null);
      case ItemOutcome.TimedOut<WalkedFile, Probed<T>> t ->
          new Probed<>(
              t.item(), new ProbeOutcome.TimedOut(facts(t.item().path()), t.after()), null);
    };
  }

  /** What the file system says now, for an item whose probe never came back. */
  private static FileFacts facts(Path path) {
    try {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
      return new FileFacts(
          path, a.isRegularFile() ? a.size() : 0, a.lastModifiedTime().toInstant());
    } catch (IOException e) {
      return new FileFacts(path, 0, Instant.EPOCH);
    }
  }
}
