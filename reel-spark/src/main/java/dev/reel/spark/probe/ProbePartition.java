package dev.reel.spark.probe;

import dev.reel.concurrent.StopToken;
import dev.reel.media.FileFacts;
import dev.reel.media.ProbeDepth;
import dev.reel.media.ProbeOutcome;
import dev.reel.media.ffmpeg.FfmpegMediaProbe;
import dev.reel.probe.ProbeCache;
import dev.reel.probe.ProbeJob;
import dev.reel.probe.ProbeRecordCodec;
import dev.reel.progress.ProgressModel;
import dev.reel.spark.ExecutorPaths;
import dev.reel.spark.OrderedPartitions;
import dev.reel.walk.WalkedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One partition's probes, on an executor: the local job's {@link ProbeJob#probeEach} (one FFmpeg
 * worker pool) over the partition's paths, each result as its JSON line, in the partition's order.
 * A path this executor cannot read becomes an unreadable result that names the executor's host:
 * every executor must see the same paths (a shared mount).
 *
 * @param workers probes at once within the partition
 */
record ProbePartition(ProbeDepth depth, Duration timeout, int workers)
    implements OrderedPartitions.PartitionWork<String, ArrayList<String>> {

  @Override
  public ArrayList<String> run(int partition, Iterator<String> paths) {
    List<String> all = new ArrayList<>();
    paths.forEachRemaining(all::add);
    String[] lines = new String[all.size()];
    List<WalkedFile> readable = new ArrayList<>(all.size());
    int[] at = new int[all.size()];
    for (int i = 0; i < all.size(); i++) {
      Path p = Path.of(all.get(i));
      try {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        at[readable.size()] = i;
        readable.add(
            new WalkedFile(p, p, a.size(), a.lastModifiedTime().toInstant(), true, a.fileKey()));
      } catch (IOException e) {
        lines[i] =
            ProbeRecordCodec.encode(
                new ProbeOutcome.Unreadable(
                    new FileFacts(p, 0, Instant.EPOCH), ExecutorPaths.unreadable(e)));
      }
    }
    int[] next = {0};
    new ProbeJob(new FfmpegMediaProbe(), ProbeCache.NONE, w -> {})
        .probeEach(
            readable.iterator(),
            List.of(),
            depth,
            timeout,
            workers,
            (file, outcome) -> null,
            probed -> lines[at[next[0]++]] = ProbeRecordCodec.encode(probed.outcome()),
            new StopToken(),
            new ProgressModel("probe", "files", System::nanoTime));
    return new ArrayList<>(List.of(lines));
  }
}
