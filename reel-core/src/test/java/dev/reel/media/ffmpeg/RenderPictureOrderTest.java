package dev.reel.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.concurrent.StopToken;
import dev.reel.media.ClipCutter;
import dev.reel.progress.ProgressModel;
import dev.reel.render.RenderJob;
import dev.reel.render.RenderRequest;
import dev.reel.render.TimelineClip;
import dev.reel.testmedia.TestMedia;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The picture half of the segment-order check: in the middle of every segment, the output shows the
 * picture of that clip's own source (each source has its own pattern), whichever segment's encoding
 * finished first.
 */
class RenderPictureOrderTest {
  @TempDir Path dir;

  /** The luma of picture {@code index} (counted from the file's start). */
  private static byte[] luma(Path f, int index) {
    try (PictureReader r = new PictureReader(f.toString())) {
      AVFrame p = null;
      for (int i = 0; i <= index; i++) {
        p = r.next();
      }
      byte[] out = new byte[p.width() * p.height()];
      for (int y = 0; y < p.height(); y++) {
        p.data(0).position((long) y * p.linesize(0)).get(out, y * p.width(), p.width());
      }
      return out;
    }
  }

  private static double difference(byte[] a, byte[] b) {
    long sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
    }
    return sum / (double) a.length;
  }

  @Test
  void everySegmentShowsItsOwnSourcesPictures() throws Exception {
    FfmpegMediaEncoder enc = new FfmpegMediaEncoder();
    List<Path> sources = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      sources.add(
          TestMedia.of("mkv")
              .seconds(6)
              .size(160, 120)
              .seed(11 + i * 7)
              // no audio: no AAC priming moves the file's start before zero, so picture n is at
              // n / 25 s, as the test counts (reel itself takes times from the file's start)
              .noAudio()
              .write(enc, dir.resolve("src" + i + ".mkv")));
    }
    // the first clip is the longest: on two workers it finishes last
    // times on whole frames at 25 fps, so that the picture to expect is not a rounding tie
    double[][] ranges = {{0.48, 4.48}, {1, 2}, {2, 3}, {1.6, 2.6}};
    int[] order = {2, 0, 3, 1};
    List<TimelineClip> clips = new ArrayList<>();
    for (int i = 0; i < order.length; i++) {
      clips.add(
          new TimelineClip(sources.get(order[i]), ranges[i][0], ranges[i][1], "clip " + (i + 1)));
    }
    Path out = dir.resolve("ordered.mkv");
    new RenderJob(dev.reel.render.FfmpegRenderParts.all(), w -> {})
        .run(
            new RenderRequest(
                "t",
                clips,
                out,
                false,
                2,
                Duration.ofSeconds(120),
                new RenderRequest.Output(ClipCutter.Mode.ENCODE, null, null, 25.0)),
            l -> {},
            new StopToken(),
            new ProgressModel("render", "clips", System::nanoTime));
    double at = 0;
    for (int i = 0; i < order.length; i++) {
      double length = ranges[i][1] - ranges[i][0];
      int outIndex = (int) Math.round((at + length / 2) * 25);
      int srcIndex = (int) Math.round((ranges[i][0] + length / 2) * 25);
      byte[] shown = luma(out, outIndex);
      double own = difference(shown, luma(sources.get(order[i]), srcIndex));
      for (int s = 0; s < sources.size(); s++) {
        if (s != order[i]) {
          assertThat(own)
              .as("segment %d: its source against source %d", i + 1, s)
              .isLessThan(difference(shown, luma(sources.get(s), srcIndex)) / 2);
        }
      }
      at += length;
    }
  }
}
