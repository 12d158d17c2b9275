package dev.reel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.media.ffmpeg.FfmpegMediaEncoder;
import dev.reel.testmedia.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
  @TempDir static Path dir;

  @BeforeAll
  static void media() throws Exception {
    TestMedia.of("mp4")
        .seconds(8)
        .size(160, 120)
        .write(new FfmpegMediaEncoder(), dir.resolve("a.mp4"));
    Files.writeString(dir.resolve("t.csv"), "src,start,end\na.mp4,1,3\na.mp4,5,7\nnope.mp4,0,1\n");
  }

  private static ProbeCommandTest.Run reel(String... args) {
    return ProbeCommandTest.run(args);
  }

  @Test
  void dryRunPrintsTheTimelineAndRendersWriteOnce() throws Exception {
    String list = dir.resolve("t.csv").toString();
    var dry = reel("render", list, "--dry-run");
    assertThat(dry.code()).isEqualTo(1); // one clip's source is missing
    assertThat(dry.out())
        .contains("clip 1")
        .contains("clip 2")
        .contains("timeline: 2 of 3 clips, 4.000s");
    assertThat(dry.err()).contains("t.csv:4: skipped").contains("no such file");
    Path out = dir.resolve("out.mp4");
    var r = reel("render", list, "--out", out.toString(), "--mode", "copy", "-q");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(out).isRegularFile();
    var again = reel("render", list, "--out", out.toString(), "--mode", "copy", "-q");
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("exists: give --overwrite");
    var encode =
        reel(
            "render",
            list,
            "--out",
            dir.resolve("e.mp4").toString(),
            "--size",
            "320x180",
            "--fps",
            "30",
            "-q");
    assertThat(encode.code()).as(encode.err()).isZero();
    assertThat(encode.out()).contains("output: 320x180 at 30.000 fps");
    assertThat(dir.resolve("e.mp4")).isRegularFile();
    var copySize =
        reel(
            "render",
            list,
            "--out",
            dir.resolve("c.mp4").toString(),
            "--mode",
            "copy",
            "--size",
            "320x180");
    assertThat(copySize.code()).isEqualTo(2);
    // options that do not go together, each refused with a line naming them (exit 2)
    String[][] refused = {
      {"--mode", "copy", "--beats", list, "--out", dir.resolve("x.mp4").toString()},
      {"--mix", "0.3", "--out", dir.resolve("x.mp4").toString()},
      {"--mode", "copy", "--preset", "fast", "--out", dir.resolve("x.mp4").toString()},
      {"--music", dir.resolve("gone.mp3").toString(), "--out", dir.resolve("x.mp4").toString()},
      {"--preset", "quick", "--out", dir.resolve("x.mp4").toString()},
      {"--mode", "copy", "--title", "Hi", "--out", dir.resolve("x.mp4").toString()},
      {"--mode", "copy", "--crossfade", "1s", "--out", dir.resolve("x.mp4").toString()}
    };
    String[] says = {
      "--beats needs --mode encode",
      "--mix go with --music",
      "need --mode encode",
      "no such music file",
      "--preset must be one of",
      "--title needs --mode encode",
      "--crossfade needs --mode encode"
    };
    for (int i = 0; i < refused.length; i++) {
      String[] args = new String[refused[i].length + 2];
      args[0] = "render";
      args[1] = list;
      System.arraycopy(refused[i], 0, args, 2, refused[i].length);
      var bad = reel(args);
      assertThat(bad.code()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(bad.err()).contains(says[i]);
    }
    assertThat(dir.resolve("x.mp4")).doesNotExist();
    var missing = reel("render", dir.resolve("none.csv").toString(), "--out", out.toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no such edit list");
  }
}
