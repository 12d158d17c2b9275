package dev.reel.spark.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reel.media.ProbeDepth;
import dev.reel.media.ffmpeg.FfmpegMediaEncoder;
import dev.reel.testmedia.TestMedia;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One partition's work on an executor, without Spark around it. */
class ProbePartitionTest {
  @TempDir Path dir;

  @Test
  void aPathTheExecutorCannotReadIsOneFailedLineNamingTheExecutorAndTheOthersKeepTheirOrder()
      throws Exception {
    FfmpegMediaEncoder enc = new FfmpegMediaEncoder();
    Path a = dir.resolve("a.mkv");
    Path c = dir.resolve("c.mp4");
    TestMedia.of("mkv").seconds(0.4).write(enc, a);
    TestMedia.of("mp4").seconds(0.4).write(enc, c);
    Path gone = dir.resolve("b-only-on-the-driver.mkv");
    List<String> lines =
        new ProbePartition(ProbeDepth.HEADER, Duration.ofSeconds(30), 2)
            .run(0, List.of(a.toString(), gone.toString(), c.toString()).iterator());
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> nodes = lines.stream().map(l -> read(json, l)).toList();
    assertThat(nodes)
        .extracting(n -> n.get("path").asText())
        .containsExactly(a.toString(), gone.toString(), c.toString());
    assertThat(nodes.get(0).get("playable").asBoolean()).isTrue();
    assertThat(nodes.get(2).get("playable").asBoolean()).isTrue();
    assertThat(nodes.get(1).get("playable").asBoolean()).isFalse();
    assertThat(nodes.get(1).get("error").asText())
        .startsWith("cannot read it on executor ")
        .contains("no such file")
        .contains("every executor must see the same paths");
  }

  private static JsonNode read(ObjectMapper json, String line) {
    try {
      return json.readTree(line);
    } catch (Exception e) {
      throw new AssertionError(line, e);
    }
  }
}
