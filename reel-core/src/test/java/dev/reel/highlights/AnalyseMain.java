package dev.reel.highlights;

import dev.reel.media.ffmpeg.FfmpegAudioDecoder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Analyses one file and prints what it found: for tests that run the analysis in a child JVM. */
public final class AnalyseMain {
  private AnalyseMain() {}

  public static void main(String[] args) {
    ExecutorService pool =
        Executors.newFixedThreadPool(2, r -> Thread.ofPlatform().daemon().unstarted(r));
    LoudnessAnalyzer.Outcome o =
        new LoudnessAnalyzer(new FfmpegAudioDecoder(), pool, 2)
            .analyse(Path.of(args[0]), Duration.ofMillis(30), () -> false);
    if (o instanceof LoudnessAnalyzer.Outcome.Analysed a) {
      var found =
          new HighlightDetector(DetectorSettings.seed(a.profile().autoThreshold()))
              .detect(a.profile());
      System.out.println(
          a.profile().levels().length
              + " "
              + found.size()
              + " "
              + (found.isEmpty() ? -1 : found.get(0).startSeconds()));
    } else {
      System.out.println("failed " + o);
    }
    pool.shutdownNow();
  }
}
