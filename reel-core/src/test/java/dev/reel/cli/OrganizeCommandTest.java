package dev.reel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrganizeCommandTest {
  @TempDir static Path base;
  @TempDir Path dir;
  private Path in;
  private Path lib;
  private Path cache;

  @BeforeAll
  static void media() {
    OrganizeFixture.base(base);
  }

  @BeforeEach
  void downloads() throws IOException {
    in = dir.resolve("Downloads");
    lib = dir.resolve("Media");
    cache = dir.resolve("cache");
    OrganizeFixture.downloads(in);
  }

  private ProbeCommandTest.Run reel(String... args) {
    return OrganizeFixture.reel(cache, args);
  }

  private static List<JsonNode> jsonLines(String out) throws IOException {
    return OrganizeFixture.jsonLines(out);
  }

  private JsonNode actionFor(List<JsonNode> plan, String sourceEnd) {
    return plan.stream()
        .filter(o -> o.get("source").asText().endsWith(sourceEnd))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no action for " + sourceEnd + " in " + plan));
  }

  private String target(List<JsonNode> plan, String sourceEnd) {
    JsonNode t = actionFor(plan, sourceEnd).get("target");
    return t.isNull() ? null : lib.relativize(Path.of(t.asText())).toString();
  }

  @Test
  void planNamesEverythingAsPlexDoesAndChangesNothing() throws IOException {
    Map<String, String> before = OrganizeFixture.contents(in);
    var r = reel("organize", in.toString(), "--into", lib.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    List<JsonNode> plan = jsonLines(r.out());
    assertThat(target(plan, "Show.Name.S01E01.Pilot.720p.HDTV.x264-GRP.mkv"))
        .isEqualTo("Show Name/Season 01/Show Name - s01e01 - Pilot.mkv");
    assertThat(target(plan, "Show.Name.S01E01.Pilot.720p.HDTV.x264-GRP.en.forced.srt"))
        .isEqualTo("Show Name/Season 01/Show Name - s01e01 - Pilot.en.forced.srt");
    // the 1080p copy of episode 2 wins; the 720p one is a duplicate
    assertThat(target(plan, "Show.Name.S01E02.1080p.WEB.mkv"))
        .isEqualTo("Show Name/Season 01/Show Name - s01e02.mkv");
    assertThat(actionFor(plan, "Show.Name.S01E02.720p.HDTV.x264-GRP.mkv").get("kind").asText())
        .isEqualTo("duplicate");
    assertThat(target(plan, "Show.Name.S01E02.720p.HDTV.x264-GRP.mkv"))
        .startsWith(".reel/duplicates/");
    assertThat(target(plan, "Another.Show.S02E03E04.mkv"))
        .isEqualTo("Another Show/Season 02/Another Show - s02e03-e04.mkv");
    assertThat(target(plan, "Show.Name.S00E05.Special.mkv"))
        .startsWith("Show Name/Season 00/Show Name - s00e05");
    assertThat(target(plan, "Daily.Show.2024.03.14.Guest.Name.720p.mkv"))
        .isEqualTo("Daily Show/Season 2024/Daily Show - 2024-03-14 - Guest Name.mkv");
    assertThat(target(plan, "Heat.1995.Directors.Cut.mkv"))
        .isEqualTo("Heat (1995)/Heat (1995) {edition-Director's Cut}.mkv");
    assertThat(
            target(
                plan,
                "The.Matrix.1999.1080p.BluRay.x264-XYZ/The.Matrix.1999.1080p.BluRay.x264-XYZ.mkv"))
        .isEqualTo("The Matrix (1999)/The Matrix (1999).mkv");
    assertThat(target(plan, "Featurettes/Making of.mkv"))
        .isEqualTo("The Matrix (1999)/Featurettes/Making of.mkv");
    assertThat(target(plan, "movie.nfo")).isEqualTo("The Matrix (1999)/The Matrix (1999).nfo");
    assertThat(target(plan, "poster.jpg")).isEqualTo("The Matrix (1999)/poster.jpg");
    assertThat(target(plan, "Subs/2_English.srt"))
        .isEqualTo("The Matrix (1999)/The Matrix (1999).en.srt");
    assertThat(actionFor(plan, "matrix copy.mkv").get("kind").asText()).isEqualTo("duplicate");
    assertThat(actionFor(plan, "matrix copy.mkv").get("detail").asText())
        .startsWith("same bytes as");
    assertThat(actionFor(plan, "Broken.Film.2001.mkv").get("kind").asText())
        .isEqualTo("unplayable");
    assertThat(actionFor(plan, "Broken.Film.2001.mkv").get("action").asText()).isEqualTo("none");
    assertThat(actionFor(plan, "sample.mkv").get("kind").asText()).isEqualTo("unknown");
    assertThat(OrganizeFixture.contents(in)).isEqualTo(before);
    assertThat(lib).doesNotExist();
  }

  @Test
  void jellyfinLayoutAndOwnFormats() throws IOException {
    var r =
        reel("organize", in.toString(), "--into", lib.toString(), "--json", "--layout", "jellyfin");
    List<JsonNode> plan = jsonLines(r.out());
    assertThat(target(plan, "Another.Show.S02E03E04.mkv"))
        .isEqualTo("Another Show/Season 02/Another Show S02E03-E04.mkv");
    assertThat(target(plan, "Heat.1995.Directors.Cut.mkv"))
        .isEqualTo("Heat (1995)/Heat (1995) - Director's Cut.mkv");
    assertThat(target(plan, "Featurettes/Making of.mkv"))
        .isEqualTo("The Matrix (1999)/featurettes/Making of.mkv");
    var own =
        reel(
            "organize",
            in.toString(),
            "--into",
            lib.toString(),
            "--json",
            "--movie-format",
            "Films/{title} [[{year}]][ - {resolution}]",
            "--episode-format",
            "TV/{title}/{season:3}x{episode_range:3}");
    List<JsonNode> p2 = jsonLines(own.out());
    assertThat(target(p2, "Heat.1995.Directors.Cut.mkv")).isEqualTo("Films/Heat [1995] - SD.mkv");
    assertThat(target(p2, "Another.Show.S02E03E04.mkv"))
        .isEqualTo("TV/Another Show/002x003-004.mkv");
    var bad =
        reel(
            "organize",
            in.toString(),
            "--into",
            lib.toString(),
            "--movie-format",
            "{title} ({yeer})");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("unknown token {yeer}");
  }

  @Test
  void applyThenUndoGivesBackEveryFileAndLeavesNothing() throws IOException {
    Map<String, String> before = OrganizeFixture.contents(in);
    var r = reel("organize", in.toString(), "--into", lib.toString(), "--apply");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(lib.resolve("Show Name/Season 01/Show Name - s01e01 - Pilot.mkv")).exists();
    assertThat(lib.resolve("The Matrix (1999)/The Matrix (1999).en.srt")).exists();
    assertThat(in.resolve("Broken.Film.2001.mkv")).exists();
    // a re-run finds nothing left to do
    var again = reel("organize", in.toString(), "--into", lib.toString(), "--json");
    assertThat(jsonLines(again.out())).allMatch(o -> o.get("action").asText().equals("none"));
    var runs = reel("runs", "--json");
    assertThat(jsonLines(runs.out())).hasSize(1);
    var undo = reel("undo");
    assertThat(undo.code()).as(undo.err()).isZero();
    assertThat(OrganizeFixture.contents(in)).isEqualTo(before);
    assertThat(lib).doesNotExist();
    assertThat(reel("undo").code()).isEqualTo(2); // nothing left to undo
  }

  @Test
  void copyAndLinksLeaveTheSourcesAndARerunChangesNothing() throws IOException {
    Map<String, String> before = OrganizeFixture.contents(in);
    for (String action : List.of("copy", "hardlink", "symlink")) {
      Path l = dir.resolve("lib-" + action);
      var r =
          reel("organize", in.toString(), "--into", l.toString(), "--apply", "--action", action);
      assertThat(r.code()).as(r.err()).isZero();
      Path ep = l.resolve("Show Name/Season 01/Show Name - s01e01 - Pilot.mkv");
      assertThat(ep).exists();
      assertThat(OrganizeFixture.contents(in)).isEqualTo(before);
      if (action.equals("symlink")) {
        assertThat(Files.isSymbolicLink(ep)).isTrue();
      }
      var again =
          reel("organize", in.toString(), "--into", l.toString(), "--json", "--action", action);
      assertThat(jsonLines(again.out()))
          .as(again.out())
          .allMatch(o -> o.get("action").asText().equals("none"));
      assertThat(reel("undo").code()).isZero();
      assertThat(l).doesNotExist();
      assertThat(OrganizeFixture.contents(in)).isEqualTo(before);
    }
  }

  @Test
  void existingTargetsAreNeverOverwritten() throws IOException {
    Path taken = lib.resolve("Heat (1995)/Heat (1995) {edition-Director's Cut}.mkv");
    Files.createDirectories(taken.getParent());
    Files.writeString(taken, "someone else's file");
    var skip = reel("organize", in.toString(), "--into", lib.toString(), "--json");
    assertThat(actionFor(jsonLines(skip.out()), "Heat.1995.Directors.Cut.mkv").get("kind").asText())
        .isEqualTo("conflict");
    var index =
        reel(
            "organize",
            in.toString(),
            "--into",
            lib.toString(),
            "--json",
            "--on-conflict",
            "index");
    assertThat(target(jsonLines(index.out()), "Heat.1995.Directors.Cut.mkv"))
        .isEqualTo("Heat (1995)/Heat (1995) {edition-Director's Cut} (2).mkv");
    var fail =
        reel(
            "organize",
            in.toString(),
            "--into",
            lib.toString(),
            "--apply",
            "--on-conflict",
            "fail");
    assertThat(fail.code()).isEqualTo(3);
    assertThat(fail.err()).contains("exists with other content").contains("nothing was changed");
    assertThat(in.resolve("Heat.1995.Directors.Cut.mkv")).exists();
    assertThat(Files.readString(taken)).isEqualTo("someone else's file");
    // identical content already there: a duplicate, moved aside
    Path heat = in.resolve("Heat.1995.Directors.Cut.mkv");
    Files.copy(heat, taken, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    var dup = reel("organize", in.toString(), "--into", lib.toString(), "--json");
    JsonNode a = actionFor(jsonLines(dup.out()), "Heat.1995.Directors.Cut.mkv");
    assertThat(a.get("kind").asText()).isEqualTo("duplicate");
    assertThat(a.get("detail").asText()).contains("already in the library");
  }

  @Test
  void reviewedPlanIsCarriedOutExactlyAndChangedSourcesAreRefused() throws IOException {
    Path planFile = dir.resolve("plan.json");
    var r =
        reel("organize", in.toString(), "--into", lib.toString(), "--report", planFile.toString());
    assertThat(r.code()).isZero();
    Path changed = in.resolve("Another.Show.S02E03E04.mkv");
    Files.writeString(changed, "edited", java.nio.file.StandardOpenOption.APPEND);
    var apply = reel("organize", "--apply", "--plan", planFile.toString(), "--json");
    assertThat(apply.code()).as(apply.err()).isZero();
    List<JsonNode> done = jsonLines(apply.out());
    JsonNode skipped = actionFor(done, "Another.Show.S02E03E04.mkv");
    assertThat(skipped.get("state").asText()).isEqualTo("skipped");
    assertThat(skipped.get("why").asText()).contains("changed since the plan");
    assertThat(changed).exists();
    assertThat(lib.resolve("Heat (1995)/Heat (1995) {edition-Director's Cut}.mkv")).exists();
    assertThat(reel("undo").code()).isZero();
  }

  @Test
  void nonsensePlansAndBadArgumentsAreOneLineAndMoveNothing() throws IOException {
    Map<String, String> before = OrganizeFixture.contents(in);
    Path nonsense = dir.resolve("nonsense.json");
    Files.writeString(
        nonsense, "{\"reel_plan\": 1, \"library\": \"/x\", \"actions\": [{\"kind\": \"movie\"}]}");
    var r = reel("organize", "--apply", "--plan", nonsense.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines().findFirst().orElseThrow())
        .contains("action 1")
        .contains("'action' is missing");
    Files.writeString(nonsense, "not json at all");
    assertThat(reel("organize", "--apply", "--plan", nonsense.toString()).code()).isEqualTo(2);
    Path relative = dir.resolve("relative.json");
    Files.writeString(
        relative,
        "{\"kind\":\"movie\",\"action\":\"move\",\"source\":\"/a/b.mkv\",\"target\":\"../etc/x.mkv\","
            + "\"size_bytes\":1,\"modified\":\"2024-01-01T00:00:00Z\"}\n");
    var rel = reel("organize", "--apply", "--plan", relative.toString(), "--into", lib.toString());
    assertThat(rel.code()).isEqualTo(2);
    assertThat(rel.err()).contains("absolute path");
    var missing = reel("organize", dir.resolve("nope").toString(), "--into", lib.toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file or folder");
    var self = reel("organize", in.toString(), "--into", in.toString());
    assertThat(self.code()).isEqualTo(2);
    assertThat(self.err()).contains("--in-place");
    assertThat(OrganizeFixture.contents(in)).isEqualTo(before);
  }

  @Test
  void libraryInsideTheSourceIsNotWalkedAndInPlaceIsANoOpWhenSorted() throws IOException {
    Path inner = in.resolve("Library");
    var r = reel("organize", in.toString(), "--into", inner.toString(), "--apply");
    assertThat(r.code()).as(r.err()).isZero();
    Map<String, String> sorted = OrganizeFixture.contents(inner);
    var again = reel("organize", in.toString(), "--into", inner.toString(), "--json");
    assertThat(jsonLines(again.out())).allMatch(o -> o.get("action").asText().equals("none"));
    var inPlace =
        reel("organize", inner.toString(), "--into", inner.toString(), "--in-place", "--json");
    assertThat(inPlace.code()).as(inPlace.err()).isZero();
    assertThat(jsonLines(inPlace.out()))
        .as(inPlace.out())
        .allMatch(o -> o.get("action").asText().equals("none"));
    assertThat(OrganizeFixture.contents(inner)).isEqualTo(sorted);
  }

  @Test
  void hostileNamesAndLinkLoops() throws IOException {
    Path odd = dir.resolve("odd");
    OrganizeFixture.video(odd.resolve("Sh\u00f6w \u6f22\u5b57.S01E01.mkv"));
    OrganizeFixture.video(odd.resolve("New\nLine.Show.S01E02.mkv"));
    OrganizeFixture.video(odd.resolve("--help.2010.mkv"));
    OrganizeFixture.video(odd.resolve("What If...? Movie: Part.2012.mkv"));
    OrganizeFixture.video(odd.resolve("... ..2013.mkv"));
    OrganizeFixture.video(odd.resolve("Dots..In..Name.2014.mkv"));
    OrganizeFixture.video(odd.resolve("L" + "o".repeat(240) + "ng.2015.mkv"));
    Files.createSymbolicLink(odd.resolve("loop"), odd);
    Map<String, String> before = OrganizeFixture.contents(odd);
    var r = reel("organize", odd.toString(), "--into", lib.toString(), "--json", "--apply");
    assertThat(r.code()).as(r.err()).isZero();
    for (String e : OrganizeFixture.entries(lib)) {
      for (String part : e.split("/")) {
        assertThat(part.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
            .isLessThanOrEqualTo(255);
        assertThat(part)
            .doesNotContain("\n")
            .doesNotContain(":")
            .doesNotContain("?")
            .doesNotEndWith(".")
            .doesNotEndWith(" ");
      }
    }
    assertThat(OrganizeFixture.entries(lib)).anyMatch(e -> e.contains("Sh\u00f6w \u6f22\u5b57"));
    assertThat(reel("undo").code()).isZero();
    assertThat(OrganizeFixture.contents(odd)).isEqualTo(before);
  }

  @Test
  void aWarmPlanIsTheColdPlanAndAChangedFileIsReadAgain() throws IOException {
    var cold = reel("organize", in.toString(), "--into", lib.toString(), "--json");
    var warm = reel("organize", in.toString(), "--into", lib.toString(), "--json");
    assertThat(warm.out()).isEqualTo(cold.out());
    // the same bytes under a new name: the name is read again, not taken from the cache
    Path heat = in.resolve("Heat.1995.Directors.Cut.mkv");
    Files.move(heat, in.resolve("Ronin.1998.mkv"));
    var renamed = reel("organize", in.toString(), "--into", lib.toString(), "--json");
    assertThat(target(jsonLines(renamed.out()), "Ronin.1998.mkv"))
        .isEqualTo("Ronin (1998)/Ronin (1998).mkv");
    // changed content under the same name: probed again (it no longer plays)
    Path special = in.resolve("Show.Name.S00E05.Special.mkv");
    Files.write(special, new byte[] {0, 1, 2, 3});
    var changed = reel("organize", in.toString(), "--into", lib.toString(), "--json");
    assertThat(
            actionFor(jsonLines(changed.out()), "Show.Name.S00E05.Special.mkv")
                .get("kind")
                .asText())
        .isEqualTo("unplayable");
  }

  @Test
  void reportsInEveryFormat() throws IOException {
    for (String ext : List.of("json", "csv", "md", "html")) {
      Path f = dir.resolve("plan." + ext);
      assertThat(
              reel("organize", in.toString(), "--into", lib.toString(), "--report", f.toString())
                  .code())
          .isZero();
      assertThat(Files.readString(f)).contains("The Matrix (1999)");
    }
    assertThat(Files.readString(dir.resolve("plan.csv"))).startsWith("kind,action,source,target");
    assertThat(
            reel("organize", in.toString(), "--into", lib.toString(), "--report", "x.txt").code())
        .isEqualTo(2);
  }
}
