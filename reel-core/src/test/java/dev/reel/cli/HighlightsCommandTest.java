package dev.reel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reel.media.ffmpeg.FfmpegMediaEncoder;
import dev.reel.testmedia.EnvelopeText;
import dev.reel.testmedia.TestMedia;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HighlightsCommandTest {
  @TempDir static Path dir;
  private static Path stream;
  private static Path batch;

  @BeforeAll
  static void media() throws Exception {
    FfmpegMediaEncoder enc = new FfmpegMediaEncoder();
    stream =
        TestMedia.of("mp4")
            .seconds(90)
            .size(320, 240)
            .envelope(EnvelopeText.parse("noise:-45,burst:20+2:-6,burst:50+1:-3,burst:75+3:-10"))
            .write(enc, dir.resolve("stream.mp4"));
    batch = Files.createDirectories(dir.resolve("vods"));
    TestMedia.of("mkv")
        .seconds(40)
        .size(160, 120)
        .envelope(EnvelopeText.parse("tone:300:-30,burst:12+2:-4"))
        .write(enc, batch.resolve("a.mkv"));
    TestMedia.of("mkv")
        .seconds(40)
        .size(160, 120)
        .envelope(EnvelopeText.parse("noise:-50,burst:30+1:-8"))
        .write(enc, batch.resolve("b.mkv"));
    TestMedia.of("mp4").seconds(2).noAudio().write(enc, batch.resolve("silent.mp4"));
    Files.write(batch.resolve("broken.mkv"), new byte[] {1, 2, 3});
  }

  private static ProbeCommandTest.Run reel(String... args) {
    return ProbeCommandTest.run(args);
  }

  @Test
  void findsEveryBurstCutsClipsAndWritesTheIndexes() throws Exception {
    Path out = dir.resolve("clips");
    var r =
        reel(
            "highlights", stream.toString(), "--out", out.toString(), "--clip-length", "10s", "-q");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode index = new ObjectMapper().readTree(out.resolve("index.json").toFile());
    JsonNode hs = index.get("highlights");
    assertThat(hs).hasSize(3);
    double[] starts = {20, 50, 75};
    for (int i = 0; i < 3; i++) {
      assertThat(hs.get(i).get("start").asDouble()).isCloseTo(starts[i], within(0.1));
      assertThat(hs.get(i).get("clip").asText())
          .matches("00h0\\dm\\d\\ds_-\\d+\\.\\ddB_00" + (i + 1) + "\\.mp4");
      assertThat(out.resolve(hs.get(i).get("clip").asText())).isRegularFile();
    }
    try (Stream<Path> s = Files.list(out)) {
      assertThat(
              s.map(p -> p.getFileName().toString())
                  .filter(n -> n.endsWith(".mp4"))
                  .sorted()
                  .toList())
          .hasSize(3)
          .isSorted();
    }
    JsonNode otio = new ObjectMapper().readTree(out.resolve("highlights.otio").toFile());
    assertThat(otio.get("OTIO_SCHEMA").asText()).isEqualTo("Timeline.1");
    JsonNode track = otio.at("/tracks/children/0");
    assertThat(track.get("OTIO_SCHEMA").asText()).isEqualTo("Track.1");
    assertThat(track.get("children")).hasSize(3);
    assertThat(track.at("/children/0/OTIO_SCHEMA").asText()).isEqualTo("Clip.2");
    assertThat(track.at("/children/0/source_range/start_time/OTIO_SCHEMA").asText())
        .isEqualTo("RationalTime.1");
    assertThat(Files.readString(out.resolve("highlights.edl")))
        .contains("FCM: NON-DROP FRAME")
        .contains("* FROM CLIP NAME: stream.mp4");
    assertThat(Files.readString(out.resolve("highlights.csv")).lines()).hasSize(4);
    assertThat(Files.readString(out.resolve("loudness.svg")))
        .contains("class=\"threshold\"")
        .contains("class=\"hl\"");
    assertThat(Files.readAllBytes(out.resolve("loudness.png")))
        .startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    // a second run keeps the clips it finds
    var again =
        reel("highlights", stream.toString(), "--out", out.toString(), "--clip-length", "10s");
    assertThat(again.code()).isZero();
    assertThat(again.err()).contains("kept the existing clip");
  }

  @Test
  void encodedClipsAndLoudnessInLufs() throws Exception {
    Path out = dir.resolve("encoded");
    var r =
        reel(
            "highlights",
            stream.toString(),
            "--out",
            out.toString(),
            "--clip-length",
            "6s",
            "--cut",
            "encode",
            "--measure",
            "lufs",
            "--max-clips",
            "2",
            "--post",
            "2s",
            "-q");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode index = new ObjectMapper().readTree(out.resolve("index.json").toFile());
    assertThat(index.get("measure").asText()).isEqualTo("lufs");
    assertThat(index.get("highlights")).hasSize(2);
    for (JsonNode h : index.get("highlights")) {
      // frame-accurate: the clip starts where it was placed
      assertThat(h.get("clip_cut_start").asDouble())
          .isCloseTo(h.get("clip_start").asDouble(), within(0.001));
      assertThat(out.resolve(h.get("clip").asText())).isRegularFile();
      // --post 2s of a 6 s clip: 4 s before the peak
      assertThat(h.get("clip_start").asDouble())
          .isCloseTo(h.get("peak").asDouble() - 4, within(0.001));
    }
    // the two loudest of the three bursts (-6 and -3 dB at 20 s and 50 s) are kept
    assertThat(index.at("/highlights/0/start").asDouble()).isCloseTo(20, within(0.5));
    assertThat(index.at("/highlights/1/start").asDouble()).isCloseTo(50, within(0.5));
  }

  @Test
  void aBatchGoesOnPastBadFilesAndSaysWhichFailed() throws Exception {
    Path out = dir.resolve("batch-out");
    var r =
        reel("highlights", batch.toString(), "--out", out.toString(), "--no-clips", "--json", "-q");
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    List<JsonNode> lines = OrganizeFixture.jsonLines(r.out());
    assertThat(lines).hasSize(4);
    assertThat(lines).filteredOn(o -> o.get("status").asText().equals("ok")).hasSize(2);
    assertThat(lines)
        .anyMatch(
            o ->
                o.get("file").asText().endsWith("silent.mp4")
                    && o.get("error").asText().equals("no audio stream"));
    assertThat(lines)
        .anyMatch(
            o ->
                o.get("file").asText().endsWith("broken.mkv")
                    && o.get("status").asText().equals("failed"));
    assertThat(out.resolve("a/index.json")).isRegularFile();
    assertThat(out.resolve("b/index.json")).isRegularFile();
    assertThat(out.resolve("index.html")).isRegularFile();
    // --top 1 over the batch keeps the single best highlight of all files
    var top =
        reel(
            "highlights",
            batch.resolve("a.mkv").toString(),
            batch.resolve("b.mkv").toString(),
            "--out",
            dir.resolve("top").toString(),
            "--no-clips",
            "--top",
            "1",
            "--json",
            "-q");
    List<JsonNode> t = OrganizeFixture.jsonLines(top.out());
    assertThat(t.stream().mapToInt(o -> o.get("highlights").asInt()).sum()).isEqualTo(1);
  }

  @Test
  void badInputIsOneLine() throws Exception {
    Path out = dir.resolve("x");
    var glob = reel("highlights", dir.resolve("nothing-*.mkv").toString(), "--out", out.toString());
    assertThat(glob.code()).isEqualTo(2);
    assertThat(glob.err()).contains("no file matches");
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    var outFile = reel("highlights", stream.toString(), "--out", file.toString());
    assertThat(outFile.code()).isEqualTo(2);
    assertThat(outFile.err()).contains("is a file");
    var plus = reel("highlights", stream.toString(), "--out", out.toString(), "-t", "+5");
    assertThat(plus.code()).isEqualTo(2);
    assertThat(plus.err()).contains("above full scale");
    var levels = reel("highlights", stream.toString(), "--levels", "--json");
    assertThat(levels.code()).isZero();
    JsonNode l = new ObjectMapper().readTree(levels.out());
    assertThat(l.get("balanced_db").asDouble()).isLessThan(l.get("conservative_db").asDouble());
    assertThat(l.get("aggressive_db").asDouble()).isLessThan(l.get("balanced_db").asDouble());
  }

  @Test
  void theReviewPageShowsTheHighlightsInARealBrowser() throws Exception {
    String chromium = null;
    for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
      if (Files.isExecutable(Path.of(c))) {
        chromium = c;
      }
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(
        chromium != null, "no Chromium here (.ci/run installs it)");
    Path out = dir.resolve("review");
    assertThat(
            reel(
                    "highlights",
                    stream.toString(),
                    "--out",
                    out.toString(),
                    "--clip-length",
                    "8s",
                    "-q")
                .code())
        .isZero();
    Path page = out.resolve("index.html");
    Process p =
        new ProcessBuilder(
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--dump-dom",
                page.toUri().toString())
            .redirectError(dir.resolve("chromium.err").toFile())
            .start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    // the page's script ran: it counted the clickable highlights on the picture
    assertThat(dom).contains("data-ready=\"3\"");
    assertThat(dom.split("<video", -1)).hasSize(4);
    assertThat(dom).contains("class=\"threshold\"");
    Path shot = dir.resolve("review.png");
    Process s =
        new ProcessBuilder(
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--window-size=1280,900",
                "--screenshot=" + shot,
                page.toUri().toString())
            .redirectErrorStream(true)
            .start();
    s.getInputStream().readAllBytes();
    assertThat(s.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(shot).isRegularFile();
    assertThat(Files.size(shot)).isGreaterThan(10_000);
  }
}
