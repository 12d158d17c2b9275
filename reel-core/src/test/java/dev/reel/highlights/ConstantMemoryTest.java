package dev.reel.highlights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reel.media.ffmpeg.FfmpegMediaEncoder;
import dev.reel.testmedia.EnvelopeText;
import dev.reel.testmedia.TestMedia;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three hours of audio analysed in a child JVM whose heap is 48 MB. */
class ConstantMemoryTest {
  @TempDir Path dir;

  @Test
  void threeHoursAnalyseIn48MegabytesOfHeap() throws Exception {
    // 8 kHz mono PCM: 173 MB on disk, made in seconds; the decoder streams it whatever its length
    Path f =
        TestMedia.of("wav")
            .seconds(3 * 3600)
            .audio(8_000, 1)
            .envelope(EnvelopeText.parse("noise:-50,burst:7200+2:-6"))
            .write(new FfmpegMediaEncoder(), dir.resolve("3h.wav"));
    Process p =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx48m",
                    "-XX:TieredStopAtLevel=1",
                    "--enable-native-access=ALL-UNNAMED",
                    "-cp",
                    System.getProperty("java.class.path"),
                    AnalyseMain.class.getName(),
                    f.toString()))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(240, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    String[] last = out.strip().lines().reduce((a, b) -> b).orElse("").split(" ");
    assertThat(last).as(out).hasSize(3);
    assertThat(Integer.parseInt(last[0])).isEqualTo(360_000); // 3 h of 30 ms windows
    assertThat(Integer.parseInt(last[1])).isEqualTo(1);
    assertThat(Double.parseDouble(last[2])).isCloseTo(7200, within(0.1));
  }
}
