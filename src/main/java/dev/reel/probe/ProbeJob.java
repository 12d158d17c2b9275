package dev.reel.probe;

import dev.reel.concurrent.ItemOutcome;
import dev.reel.concurrent.ParallelMap;
import dev.reel.media.FileFacts;
import dev.reel.media.MediaProbe;
import dev.reel.media.ProbeOutcome;
import dev.reel.progress.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Probes every media file below the requested paths, in parallel, and streams one outcome per file
 * to a sink in walk order. Results are not kept: memory stays flat however many files.
 */
public final class ProbeJob {
  private final MediaProbe probe;
  private final ProgressListener progress;
  private final Consumer<String> warnings;
  private final LongSupplier nanoClock;

  /**
   * @param warnings receives one line for each folder that could not be walked
   * @param nanoClock the clock for the summary's elapsed time
   */
  public ProbeJob(
      MediaProbe probe,
      ProgressListener progress,
      Consumer<String> warnings,
      LongSupplier nanoClock) {
    this.probe = probe;
    this.progress = progress;
    this.warnings = warnings;
    this.nanoClock = nanoClock;
  }

  public ProbeSummary run(ProbeRequest request, Consumer<ProbeOutcome> sink) {
    long start = nanoClock.getAsLong();
    List<Path> files =
        new MediaWalker(request.extensions(), request.includeHidden(), warnings)
            .walk(request.paths());
    long[] counts = new long[2]; // ok, failed: touched only under the parallel map's emit lock
    progress.start(files.size());
    try {
      new ParallelMap<Path, ProbeOutcome>(request.workers(), request.timeout(), true, "reel-probe")
          .run(
              files.iterator(),
              path -> probeOne(path, request),
              outcome -> {
                ProbeOutcome result = resolve(outcome);
                counts[result instanceof ProbeOutcome.Playable ? 0 : 1]++;
                sink.accept(result);
                progress.advance(counts[0] + counts[1], counts[1]);
              });
    } finally {
      progress.close();
    }
    return new ProbeSummary(
        files.size(), counts[0], counts[1], Duration.ofNanos(nanoClock.getAsLong() - start));
  }

  private ProbeOutcome probeOne(Path path, ProbeRequest request) {
    FileFacts facts;
    try {
      facts = readFacts(path);
    } catch (IOException e) {
      return new ProbeOutcome.Unreadable(
          new FileFacts(path, 0, Instant.EPOCH), "cannot read: " + MediaWalker.reason(e));
    }
    if (Files.isDirectory(path)) {
      return new ProbeOutcome.Unreadable(facts, "is a folder");
    }
    return probe.probe(facts, request.depth(), request.timeout());
  }

  private static FileFacts readFacts(Path path) throws IOException {
    BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
    return new FileFacts(path, a.isDirectory() ? 0 : a.size(), a.lastModifiedTime().toInstant());
  }

  private static ProbeOutcome resolve(ItemOutcome<Path, ProbeOutcome> outcome) {
    return switch (outcome) {
      case ItemOutcome.Done<Path, ProbeOutcome> d -> d.value();
      case ItemOutcome.Failed<Path, ProbeOutcome> f ->
          new ProbeOutcome.Unreadable(
              facts(f.item()),
              "internal error: "
                  + f.error().getClass().getSimpleName()
                  + (f.error().getMessage() == null ? "" : ": " + f.error().getMessage()));
      case ItemOutcome.TimedOut<Path, ProbeOutcome> t ->
          new ProbeOutcome.TimedOut(facts(t.item()), t.after());
    };
  }

  /** What the file system says now, for an item whose probe never came back. */
  private static FileFacts facts(Path path) {
    try {
      return readFacts(path);
    } catch (IOException e) {
      return new FileFacts(path, 0, Instant.EPOCH);
    }
  }
}
