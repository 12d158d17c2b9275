package dev.reel.probe;

import dev.reel.concurrent.ItemOutcome;
import dev.reel.concurrent.ParallelMap;
import dev.reel.concurrent.StopToken;
import dev.reel.job.JobSummary;
import dev.reel.job.Outcome;
import dev.reel.media.FileFacts;
import dev.reel.media.MediaProbe;
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
    long dropped;
    try (ProbeCache.Session session = cache.session(request.depth())) {
      dropped =
          new ParallelMap<WalkedFile, ProbeOutcome>(
                  request.workers(), request.timeout(), true, "reel-probe")
              .run(
                  counted,
                  file -> probeOne(file, request, session),
                  outcome -> {
                    ProbeOutcome result = resolve(outcome);
                    session.remember(result);
                    sink.accept(result);
                    status(result).countIn(progress);
                  },
                  stop,
                  STOP_GRACE);
    }
    return JobSummary.of(progress.snapshot(), dropped, stop.isStopped());
  }

  /** How a probe result counts: playable is ok, anything else failed. */
  static Outcome status(ProbeOutcome o) {
    return switch (o) {
      case ProbeOutcome.Playable p -> Outcome.OK;
      case ProbeOutcome.Unplayable u -> new Outcome.Failed(u.error());
      case ProbeOutcome.Unreadable u -> new Outcome.Failed(u.error());
      case ProbeOutcome.TimedOut t -> new Outcome.Failed(t.error());
    };
  }

  private ProbeOutcome probeOne(WalkedFile file, ProbeRequest request, ProbeCache.Session cached) {
    FileFacts facts = new FileFacts(file.path(), file.sizeBytes(), file.modified());
    ProbeOutcome known = cached.lookup(facts);
    if (known != null) {
      return known;
    }
    return probe.probe(facts, request.depth(), request.timeout());
  }

  private static ProbeOutcome resolve(ItemOutcome<WalkedFile, ProbeOutcome> outcome) {
    return switch (outcome) {
      case ItemOutcome.Done<WalkedFile, ProbeOutcome> d -> d.value();
      case ItemOutcome.Failed<WalkedFile, ProbeOutcome> f ->
          new ProbeOutcome.Unreadable(
              facts(f.item().path()),
              "internal error: "
                  + f.error().getClass().getSimpleName()
                  + (f.error().getMessage() == null ? "" : ": " + f.error().getMessage()));
      case ItemOutcome.TimedOut<WalkedFile, ProbeOutcome> t ->
          new ProbeOutcome.TimedOut(facts(t.item().path()), t.after());
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
