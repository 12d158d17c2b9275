package dev.reel.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.media.ClipCutter;
import dev.reel.media.Overlay;
import dev.reel.media.SegmentFormat;
import dev.reel.render.TitleCard;
import dev.reel.testmedia.TestMedia;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A title card is drawn over the pictures it covers, and only over those. */
class OverlayPainterTest {
  @TempDir Path dir;

  /** Mean luma of rows {@code [from, to)} of every picture, in order. */
  private static List<Double> rowLuma(Path f, int from, int to) {
    List<Double> out = new ArrayList<>();
    try (PictureReader r = new PictureReader(f.toString())) {
      byte[] row = new byte[r.input().raw().streams(0).codecpar().width()];
      for (AVFrame p = r.next(); p != null; p = r.next()) {
        long sum = 0;
        for (int y = from; y < to; y++) {
          p.data(0).position((long) y * p.linesize(0)).get(row, 0, p.width());
          for (int x = 0; x < p.width(); x++) {
            sum += row[x] & 0xff;
          }
        }
        out.add(sum / (double) ((to - from) * p.width()));
      }
    }
    return out;
  }

  @Test
  void theTitleDarkensItsBandForItsSecondsAndLeavesTheRestAlone() {
    Path src =
        TestMedia.of("mkv")
            .seconds(4)
            .size(320, 180)
            .write(new FfmpegMediaEncoder(), dir.resolve("s.mkv"));
    SegmentFormat fmt = new SegmentFormat(320, 180, 25, 1, 48_000, 2);
    Overlay title = TitleCard.of("Hello", 320, 180, 1.0);
    Path plain = dir.resolve("plain.mkv");
    Path titled = dir.resolve("titled.mkv");
    for (Path out : new Path[] {plain, titled}) {
      ClipCutter.Result r =
          EncodedCut.cut(
              src,
              0.5,
              3.0,
              out,
              out, // written straight to the target: no rename in this test
              Duration.ofSeconds(60),
              fmt,
              out == titled ? title : null);
      assertThat(r).as(r.toString()).isInstanceOf(ClipCutter.Result.Cut.class);
    }
    // the band's rows (around the middle) and the top rows, which the title never covers
    List<Double> bandPlain = rowLuma(plain, 80, 100);
    List<Double> bandTitled = rowLuma(titled, 80, 100);
    List<Double> topPlain = rowLuma(plain, 0, 20);
    List<Double> topTitled = rowLuma(titled, 0, 20);
    assertThat(bandTitled).hasSameSizeAs(bandPlain).hasSize(63); // 2.5 s at 25 fps
    // fully shown from 0.3 s to 0.7 s: pictures 8..17
    for (int i = 8; i < 17; i++) {
      assertThat(bandTitled.get(i)).as("picture %d", i).isLessThan(bandPlain.get(i) - 15);
      assertThat(topTitled.get(i))
          .isCloseTo(topPlain.get(i), org.assertj.core.api.Assertions.within(3.0));
    }
    // gone after a second
    for (int i = 30; i < 63; i++) {
      assertThat(bandTitled.get(i))
          .as("picture %d", i)
          .isCloseTo(bandPlain.get(i), org.assertj.core.api.Assertions.within(3.0));
    }
  }
}
