package dev.reel.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.media.ffmpeg.FfmpegMediaEncoder;
import dev.reel.testmedia.EnvelopeText;
import dev.reel.testmedia.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reel spark highlights} on Spark local[2] against {@code reel highlights}. */
class SparkHighlightsCommandTest {
  @TempDir static Path dir;
  private static Path vods;

  @BeforeAll
  static void media() throws Exception {
    FfmpegMediaEncoder enc = new FfmpegMediaEncoder();
    vods = Files.createDirectories(dir.resolve("vods"));
    TestMedia.of("mkv")
        .seconds(30)
        .size(160, 120)
        .envelope(EnvelopeText.parse("tone:300:-30,burst:12+2:-4"))
        .write(enc, vods.resolve("a.mkv"));
    TestMedia.of("mp4")
        .seconds(30)
        .size(160, 120)
        .envelope(EnvelopeText.parse("noise:-50,burst:8+1:-8,burst:20+2:-5"))
        .write(enc, vods.resolve("b.mp4"));
    Files.createDirectories(vods.resolve("more"));
    TestMedia.of("mkv")
        .seconds(20)
        .size(160, 120)
        .envelope(EnvelopeText.parse("noise:-50,burst:10+1:-6"))
        .write(enc, vods.resolve("more/a.mkv"));
    TestMedia.of("mp4").seconds(2).noAudio().write(enc, vods.resolve("silent.mp4"));
  }

  @Test
  void theSameRecordingsGiveTheSameLinesClipsAndPages() throws Exception {
    Path localOut = dir.resolve("local");
    Path sparkOut = dir.resolve("spark");
    SparkProbeCommandTest.Run local =
        SparkProbeCommandTest.run(
            null,
            "highlights",
            vods.toString(),
            "--out",
            localOut.toString(),
            "--progress",
            "none");
    SparkProbeCommandTest.Run spark =
        SparkProbeCommandTest.run(
            new SparkCommand(),
            "highlights",
            vods.toString(),
            "--out",
            sparkOut.toString(),
            "--progress",
            "none",
            "--master",
            "local[2]",
            "--partitions",
            "3");
    assertThat(spark.code()).as(spark.err()).isEqualTo(local.code()).isEqualTo(1);
    assertThat(spark.out()).isEqualTo(local.out());
    assertThat(spark.out()).contains("failed: no audio stream").contains("highlights");
    // the same clips, indexes and pages, in the same folders ("a" and "a (2)" for two a.mkv)
    assertThat(tree(sparkOut)).isEqualTo(tree(localOut)).contains("a (2)/index.html", "index.html");
    assertThat(tree(sparkOut).stream().filter(f -> f.endsWith(".mkv") || f.endsWith(".mp4")))
        .hasSizeGreaterThan(2);
    assertThat(Files.readString(sparkOut.resolve("index.html")))
        .isEqualTo(Files.readString(localOut.resolve("index.html")));
  }

  @Test
  void topIsRefusedWithAClearMessage() {
    SparkProbeCommandTest.Run r =
        SparkProbeCommandTest.run(
            new SparkCommand(),
            "highlights",
            vods.toString(),
            "--out",
            dir.resolve("top").toString(),
            "--top",
            "2");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--top chooses across the whole batch");
  }

  private static List<String> tree(Path root) throws Exception {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .map(f -> root.relativize(f).toString())
          .sorted()
          .toList();
    }
  }
}
