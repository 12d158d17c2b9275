package dev.reel.spark.highlights;

import dev.reel.concurrent.StopToken;
import dev.reel.highlights.FileOutcome;
import dev.reel.highlights.HighlightsJob;
import dev.reel.highlights.LoudnessAnalyzer;
import dev.reel.highlights.ResultLines;
import dev.reel.highlights.ReviewPage;
import dev.reel.media.ffmpeg.FfmpegAudioDecoder;
import dev.reel.media.ffmpeg.FfmpegClipCutter;
import dev.reel.progress.ProgressModel;
import dev.reel.spark.ExecutorPaths;
import dev.reel.spark.OrderedPartitions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One partition of a highlights batch, on an executor: the local {@link HighlightsJob} over the
 * partition's recordings, each in the folder the driver chose for it (unique across the whole
 * batch), writing clips and per-file outputs into the shared output folder. The batch's overview
 * page is the driver's. A recording this executor cannot read fails alone, naming the executor.
 */
record HighlightsPartition(HighlightsPlan plan)
    implements OrderedPartitions.PartitionWork<HighlightsPartition.Input, ArrayList<FileLine>> {

  /** A recording and its output folder, as text. */
  record Input(String file, String folder) implements java.io.Serializable {}

  @Override
  public ArrayList<FileLine> run(int partition, Iterator<Input> inputs) throws Exception {
    List<Input> all = new ArrayList<>();
    inputs.forEachRemaining(all::add);
    FileLine[] lines = new FileLine[all.size()];
    List<Path> readable = new ArrayList<>();
    Map<Path, Path> folders = new HashMap<>();
    Map<Path, Integer> at = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      Path file = Path.of(all.get(i).file());
      try {
        Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
        readable.add(file);
        folders.put(file, Path.of(all.get(i).folder()));
        at.put(file, i);
      } catch (IOException e) {
        FileOutcome failed = new FileOutcome.Failed(file, ExecutorPaths.unreadable(e));
        lines[i] = line(failed);
      }
    }
    if (!readable.isEmpty()) {
      var request = plan.request(readable);
      ExecutorService ranges =
          Executors.newFixedThreadPool(
              request.workers() * request.parts(),
              r -> Thread.ofPlatform().name("reel-decode").daemon().unstarted(r));
      try {
        new HighlightsJob(
                new LoudnessAnalyzer(new FfmpegAudioDecoder(), ranges, request.parts()),
                new FfmpegClipCutter(),
                w -> {})
            .run(
                request,
                folders,
                false,
                f -> lines[at.get(f.file())] = line(f),
                new StopToken(),
                new ProgressModel("highlights", "files", System::nanoTime));
      } finally {
        ranges.shutdownNow();
      }
    }
    return new ArrayList<>(List.of(lines));
  }

  private static FileLine line(FileOutcome f) {
    return new FileLine(
        ResultLines.json(f),
        ResultLines.table(f),
        HighlightsJob.failed(f),
        f instanceof FileOutcome.Done d ? ReviewPage.OverviewRow.of(d.result()) : null);
  }
}
