package dev.reel.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.cli.ReelCommand;
import dev.reel.cli.StdStreams;
import dev.reel.media.ffmpeg.FfmpegMediaEncoder;
import dev.reel.testmedia.Breakage;
import dev.reel.testmedia.TestLibrary;
import dev.reel.testmedia.TestMedia;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reel spark probe} on Spark local[2] against {@code reel probe} on the same files. */
class SparkProbeCommandTest {
  @TempDir static Path dir;

  @BeforeAll
  static void makeFiles() throws IOException {
    FfmpegMediaEncoder enc = new FfmpegMediaEncoder();
    TestLibrary.make(enc, dir.resolve("lib"), 60, 0.4, 160, 120, 2, n -> {});
    TestMedia.of("mp4")
        .seconds(0.4)
        .broken(new Breakage.Truncated(50))
        .write(enc, dir.resolve("lib/000/broken.mp4"));
    Files.writeString(dir.resolve("lib/000/notes.txt"), "not a video");
  }

  record Run(int code, String out, String err) {}

  static Run run(Object root, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    StdStreams streams =
        new StdStreams(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false,
            false);
    int code = root == null ? ReelCommand.run(args, streams) : ReelCommand.run(root, args, streams);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theSameFilesGiveTheSameJsonLinesInTheSameOrderAndTheSameSummary() {
    String lib = dir.resolve("lib").toString();
    Run local = run(null, "probe", lib, "--json", "--progress", "none", "--no-cache");
    Run spark =
        run(
            new SparkCommand(),
            "probe",
            lib,
            "--json",
            "--progress",
            "none",
            "--master",
            "local[2]",
            "--partitions",
            "7");
    assertThat(local.out().lines().count()).isEqualTo(61);
    assertThat(spark.out()).isEqualTo(local.out());
    assertThat(spark.code()).isEqualTo(local.code()).isEqualTo(1);
    assertThat(spark.err()).contains("probe: 61 files, 60 ok, 1 failed, 0 skipped");
  }

  @Test
  void aPathThatIsNotThereIsAUsageError() {
    Run r = run(new SparkCommand(), "probe", dir.resolve("nowhere").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no such file or folder").contains("nowhere");
  }
}
