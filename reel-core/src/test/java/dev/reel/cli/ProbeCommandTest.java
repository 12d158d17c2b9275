package dev.reel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reel.media.ffmpeg.FfmpegMediaEncoder;
import dev.reel.testmedia.Breakage;
import dev.reel.testmedia.TestMedia;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeCommandTest {
  @TempDir static Path dir;
  private static Path good;
  private static Path mixed;

  @BeforeAll
  static void makeFiles() throws IOException {
    FfmpegMediaEncoder enc = new FfmpegMediaEncoder();
    good = Files.createDirectories(dir.resolve("good"));
    TestMedia.of("mkv").seconds(0.4).write(enc, good.resolve("a.mkv"));
    TestMedia.of("mp4").seconds(0.4).write(enc, good.resolve("b.mp4"));
    mixed = Files.createDirectories(dir.resolve("mixed"));
    TestMedia.of("mkv").seconds(0.4).languages("eng", "jpn").write(enc, mixed.resolve("a.mkv"));
    TestMedia.of("mp4")
        .seconds(0.4)
        .broken(new Breakage.Truncated(50))
        .write(enc, mixed.resolve("b.mp4"));
  }

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        ReelCommand.run(
            args,
            new StdStreams(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false,
                false));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void jsonLinesHaveTheDocumentedFieldsAndTheSummaryGoesToStderr() throws IOException {
    Run r = run("probe", "--json", mixed.toString());
    assertThat(r.code()).isEqualTo(1);
    List<JsonNode> lines = new ArrayList<>();
    for (String line : r.out().strip().split("\n")) {
      lines.add(new ObjectMapper().readTree(line));
    }
    assertThat(lines).hasSize(2);
    JsonNode ok = lines.get(0);
    assertThat(fieldNames(ok))
        .containsExactly(
            "path",
            "size_bytes",
            "modified",
            "container",
            "duration_seconds",
            "bit_rate",
            "chapters",
            "playable",
            "error",
            "streams");
    assertThat(ok.get("playable").asBoolean()).isTrue();
    assertThat(ok.get("error").isNull()).isTrue();
    List<String> common =
        List.of("index", "type", "codec", "profile", "language", "title", "default");
    JsonNode video = ok.get("streams").get(0);
    assertThat(fieldNames(video))
        .containsExactlyElementsOf(
            concat(
                common,
                "width",
                "height",
                "frame_rate",
                "pixel_format",
                "bit_depth",
                "hdr",
                "rotation"));
    JsonNode audio = ok.get("streams").get(1);
    assertThat(fieldNames(audio))
        .containsExactlyElementsOf(concat(common, "sample_rate", "channels", "channel_layout"));
    assertThat(audio.get("language").asText()).isEqualTo("jpn");
    JsonNode bad = lines.get(1);
    assertThat(bad.get("playable").asBoolean()).isFalse();
    assertThat(bad.get("error").asText()).startsWith("truncated");
    assertThat(bad.get("container").isNull()).isTrue();
    assertThat(bad.get("streams")).isEmpty();
    assertThat(r.out()).doesNotContain("probe:");
    assertThat(r.err()).contains("probe: 2 files, 1 ok, 1 failed, 0 skipped in ");
  }

  @Test
  void allGoodFilesExitZeroWithATable() {
    Run r = run("probe", "--deep", "--workers", "1", "--timeout", "5s", good.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out().lines()).hasSize(3);
    assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("NAME").contains("STATUS");
    assertThat(r.out()).contains("a.mkv").contains("b.mp4").contains("320x240").contains("ok");
  }

  @Test
  void quietPrintsNoSummary() {
    Run r = run("probe", "--quiet", good.toString());
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
  }

  @Test
  void aMissingPathIsAUsageError() {
    Run r = run("probe", dir.resolve("nope").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines().findFirst().orElseThrow())
        .isEqualTo("reel probe: no such file or folder: " + dir.resolve("nope"));
    assertThat(r.err()).contains("see 'reel probe --help'").doesNotContain("Usage:");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void anUnknownOptionIsAOneLineErrorWithUsage() {
    Run r = run("probe", "--frobnicate", good.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines().findFirst().orElseThrow())
        .contains("Unknown option: '--frobnicate'");
    assertThat(r.err()).contains("Usage: reel probe");
  }

  @Test
  void aBadTimeoutIsAUsageError() {
    Run r = run("probe", "--timeout", "soon", good.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--timeout").contains("'soon'");
  }

  @Test
  void versionAndHelp() {
    Run v = run("--version");
    assertThat(v.code()).isZero();
    assertThat(v.out()).startsWith("reel ").contains("FFmpeg 7.");
    Run h = run("help", "probe");
    assertThat(h.code()).isZero();
    assertThat(h.out()).contains("Usage: reel probe").contains("--deep").contains("--json");
    Run none = run();
    assertThat(none.code()).isEqualTo(2);
  }

  @Test
  void makeMediaWritesAFileAndNeverOverwrites() throws IOException {
    Path target = dir.resolve("made.webm");
    Run r = run("dev", "make-media", target.toString(), "--seconds", "0.5", "--size", "160x120");
    assertThat(r.code()).isZero();
    long size = Files.size(target);
    assertThat(size).isPositive();
    Run again = run("dev", "make-media", target.toString(), "--seconds", "0.5");
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("will not overwrite");
    assertThat(Files.size(target)).isEqualTo(size);
  }

  private static List<String> concat(List<String> head, String... tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(List.of(tail));
    return all;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    Iterator<String> it = node.fieldNames();
    it.forEachRemaining(names::add);
    return names;
  }

  @Test
  void aSecondProbeOfAnUnchangedFolderComesFromTheCache() throws Exception {
    Path cache = dir.resolve("cache");
    Path lib = Files.createDirectories(dir.resolve("cached"));
    FfmpegMediaEncoder enc = new FfmpegMediaEncoder();
    TestMedia.of("mkv").seconds(0.4).write(enc, lib.resolve("a.mkv"));
    TestMedia.of("mp4").seconds(0.4).write(enc, lib.resolve("b.mp4"));
    Files.writeString(lib.resolve("c.avi"), "not a video");
    Run first = run("probe", "--json", "-q", "--cache", cache.toString(), lib.toString());
    assertThat(first.code()).isEqualTo(1);
    JsonNode stats1 = cacheStats(cache);
    assertThat(stats1.get("probe_results").asLong()).isEqualTo(3);
    assertThat(stats1.at("/last_runs/0/misses").asLong()).isEqualTo(3);

    Run second = run("probe", "--json", "-q", "--cache", cache.toString(), lib.toString());
    assertThat(second.out()).isEqualTo(first.out());
    assertThat(second.code()).isEqualTo(1);
    JsonNode stats2 = cacheStats(cache);
    assertThat(stats2.at("/last_runs/0/hits").asLong()).isEqualTo(3);
    assertThat(stats2.at("/last_runs/0/misses").asLong()).isZero();

    Files.setLastModifiedTime(
        lib.resolve("a.mkv"), java.nio.file.attribute.FileTime.fromMillis(1_000_000));
    Run third = run("probe", "--json", "-q", "--cache", cache.toString(), lib.toString());
    JsonNode stats3 = cacheStats(cache);
    assertThat(stats3.at("/last_runs/0/hits").asLong()).isEqualTo(2);
    assertThat(stats3.at("/last_runs/0/misses").asLong()).isEqualTo(1);

    Run deep = run("probe", "--json", "-q", "--deep", "--cache", cache.toString(), lib.toString());
    assertThat(deep.code()).isEqualTo(1);
    assertThat(cacheStats(cache).at("/last_runs/0/misses").asLong()).isEqualTo(3);

    Run cleared = run("cache", "clear", "--cache", cache.toString());
    assertThat(cleared.code()).isZero();
    assertThat(cleared.err()).contains("removed 6 probe results");
    assertThat(cacheStats(cache).get("probe_results").asLong()).isZero();
    Run off =
        run("probe", "--json", "-q", "--no-cache", "--cache", cache.toString(), lib.toString());
    assertThat(off.out()).isEqualTo(third.out());
    assertThat(cacheStats(cache).get("probe_results").asLong()).isZero();
  }

  @Test
  void aCorruptCacheIsOneLineAndTheProbeGoesOn() throws Exception {
    Path cache = Files.createDirectories(dir.resolve("corrupt-cache"));
    Files.writeString(cache.resolve("reel.db"), "garbage ".repeat(500));
    Run r = run("probe", "--json", "--cache", cache.toString(), good.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out().lines()).hasSize(2);
    assertThat(r.err()).contains("reel probe: cache " + cache.resolve("reel.db"));
    assertThat(r.err()).contains("running without it").doesNotContain("Exception");
  }

  private static JsonNode cacheStats(Path cache) throws IOException {
    Run stats = run("cache", "stats", "--json", "--cache", cache.toString());
    assertThat(stats.code()).as(stats.err()).isZero();
    return new ObjectMapper().readTree(stats.out());
  }
}
