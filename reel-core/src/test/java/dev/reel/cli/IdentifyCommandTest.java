package dev.reel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentifyCommandTest {
  @TempDir Path dir;

  @Test
  void jsonLinesInInputOrderFromArgumentsAndAFile() throws IOException {
    Path names = dir.resolve("names.txt");
    Files.write(names, List.of("Blade Runner 2049 (2017).mkv", "", "Show.S01E02.mkv"));
    ProbeCommandTest.Run r =
        ProbeCommandTest.run(
            "identify", "--json", "The.Office.US.S02E03.mkv", "--from", names.toString());
    assertThat(r.code()).isZero();
    List<String> lines = r.out().strip().lines().toList();
    assertThat(lines).hasSize(4);
    ObjectMapper json = new ObjectMapper();
    JsonNode first = json.readTree(lines.get(0));
    assertThat(first.fieldNames().next()).isEqualTo("input");
    assertThat(first.get("input").asText()).isEqualTo("The.Office.US.S02E03.mkv");
    assertThat(first.get("episode").asInt()).isEqualTo(3);
    assertThat(json.readTree(lines.get(1)).get("year").asInt()).isEqualTo(2017);
    assertThat(json.readTree(lines.get(2)).get("input").asText()).isEmpty();
    assertThat(json.readTree(lines.get(3)).get("type").asText()).isEqualTo("episode");
  }

  @Test
  void readableLinesWithoutJson() {
    ProbeCommandTest.Run r =
        ProbeCommandTest.run("identify", "The.Office.US.S02E03.720p.HDTV.x264-CTU.mkv");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("episode")
        .contains("The Office")
        .contains("S02E03")
        .contains("-CTU");
  }

  @Test
  void usageErrors() {
    assertThat(ProbeCommandTest.run("identify").code()).isEqualTo(2);
    ProbeCommandTest.Run missing =
        ProbeCommandTest.run("identify", "--from", dir.resolve("nope.txt").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file");
    assertThat(ProbeCommandTest.run("identify", "--type", "show", "x.mkv").code()).isEqualTo(2);
  }

  @Test
  void typeHintAndKnownTitles() throws IOException {
    ProbeCommandTest.Run r =
        ProbeCommandTest.run(
            "identify", "--json", "--title", "Open Season 2", "Open.Season.2.720p.mkv");
    JsonNode node = new ObjectMapper().readTree(r.out().strip());
    assertThat(node.get("title").asText()).isEqualTo("Open Season 2");
    assertThat(node.get("type").asText()).isEqualTo("movie");
  }
}
