package dev.reel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What organize does when the disk, the journal or the files go wrong. */
class OrganizeSafetyTest {
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

  private static List<JsonNode> lines(String out) throws IOException {
    return OrganizeFixture.jsonLines(out);
  }

  @Test
  void aFileThatVanishesOrIsBlockedAfterThePlanIsSkippedAndUndoPutsBackTheRest()
      throws IOException {
    Map<String, String> before = OrganizeFixture.contents(in);
    Path plan = dir.resolve("plan.json");
    assertThat(
            reel("organize", in.toString(), "--into", lib.toString(), "--report", plan.toString())
                .code())
        .isZero();
    Path gone = in.resolve("Heat.1995.Directors.Cut.mkv");
    byte[] heat = Files.readAllBytes(gone);
    Files.delete(gone);
    Path blocked = lib.resolve("Another Show/Season 02/Another Show - s02e03-e04.mkv");
    Files.createDirectories(blocked.getParent());
    Files.writeString(blocked, "not ours");
    var r = reel("organize", "--apply", "--plan", plan.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    List<JsonNode> done = lines(r.out());
    assertThat(done)
        .anyMatch(
            o ->
                o.get("source").asText().equals(gone.toString())
                    && o.get("state").asText().equals("skipped")
                    && o.get("why").asText().contains("gone"));
    assertThat(done)
        .anyMatch(
            o ->
                o.get("target").asText().equals(blocked.toString())
                    && o.get("state").asText().equals("skipped")
                    && o.get("why").asText().contains("holds another file"));
    assertThat(Files.readString(blocked)).isEqualTo("not ours");
    var undo = reel("undo");
    assertThat(undo.code()).as(undo.err()).isZero();
    Files.write(gone, heat);
    assertThat(OrganizeFixture.contents(in)).isEqualTo(before);
    assertThat(OrganizeFixture.entries(lib))
        .containsExactly(
            "Another Show",
            "Another Show/Season 02",
            "Another Show/Season 02/Another Show - s02e03-e04.mkv");
  }

  @Test
  void aJournalOfAnotherFormatIsRefusedAndANewerStoreStopsApplyBeforeAnythingMoves()
      throws Exception {
    Map<String, String> before = OrganizeFixture.contents(in);
    assertThat(reel("organize", in.toString(), "--into", lib.toString(), "--apply").code())
        .isZero();
    Path db = cache.resolve("reel.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE organize_runs SET format = 99");
    }
    var undo = reel("undo");
    assertThat(undo.code()).isEqualTo(3);
    assertThat(undo.err()).contains("journal format 99").contains("this reel reads format 1");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE organize_runs SET format = 1");
    }
    assertThat(reel("undo").code()).isZero();
    assertThat(OrganizeFixture.contents(in)).isEqualTo(before);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.executeUpdate("PRAGMA user_version = 99");
    }
    var apply = reel("organize", in.toString(), "--into", lib.toString(), "--apply");
    assertThat(apply.code()).isEqualTo(3);
    assertThat(apply.err()).contains("cannot apply without the journal").contains("newer");
    assertThat(OrganizeFixture.contents(in)).isEqualTo(before);
    assertThat(lib).doesNotExist();
  }

  @Test
  void aTargetThatCannotBeWrittenStopsTheRunBeforeAnythingMoves() throws IOException {
    Map<String, String> before = OrganizeFixture.contents(in);
    Path file = dir.resolve("a-file");
    Files.writeString(file, "x");
    var r = reel("organize", in.toString(), "--into", file.resolve("lib").toString(), "--apply");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("cannot write to").contains("nothing was changed");
    assertThat(OrganizeFixture.contents(in)).isEqualTo(before);
    if (!"root".equals(System.getProperty("user.name"))) {
      Files.createDirectories(lib);
      lib.toFile().setWritable(false);
      try {
        var ro = reel("organize", in.toString(), "--into", lib.toString(), "--apply");
        assertThat(ro.code()).isEqualTo(3);
        assertThat(OrganizeFixture.contents(in)).isEqualTo(before);
      } finally {
        lib.toFile().setWritable(true);
      }
    }
  }

  @Test
  void movedFilesKeepTheirProbeResults() throws IOException {
    assertThat(reel("organize", in.toString(), "--into", lib.toString(), "--apply").code())
        .isZero();
    var again = reel("organize", lib.toString(), "--into", lib.toString(), "--in-place", "--json");
    assertThat(again.code()).as(again.err()).isZero();
    var stats = ProbeCommandTest.run("cache", "stats", "--json", "--cache", cache.toString());
    JsonNode probe = null;
    for (JsonNode run : new ObjectMapper().readTree(stats.out()).get("last_runs")) {
      if (run.get("cache").asText().equals("probe")) {
        probe = run;
      }
    }
    assertThat(probe).as(stats.out()).isNotNull();
    assertThat(probe.get("misses").asLong()).as(stats.out()).isZero();
    assertThat(probe.get("hits").asLong()).isPositive();
  }

  @Test
  void quarantineAndVersions() throws IOException {
    Path q = dir.resolve("quarantine");
    var r =
        reel(
            "organize",
            in.toString(),
            "--into",
            lib.toString(),
            "--quarantine",
            q.toString(),
            "--keep-versions",
            "--json");
    List<JsonNode> plan = lines(r.out());
    JsonNode broken =
        plan.stream()
            .filter(o -> o.get("source").asText().endsWith("Broken.Film.2001.mkv"))
            .findFirst()
            .orElseThrow();
    assertThat(broken.get("action").asText()).isEqualTo("move");
    assertThat(broken.get("target").asText()).startsWith(q.toString());
    // with versions kept, the 720p and 1080p copies of one episode both go in, named by resolution
    assertThat(plan)
        .filteredOn(
            o ->
                o.get("kind").asText().equals("episode")
                    && o.get("target").asText().contains("s01e02"))
        .hasSize(2);
  }

  @Test
  void aMoveToAnotherFileSystemIsCopiedVerifiedAndUndone() throws IOException {
    Path shm = Path.of("/dev/shm");
    assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "no /dev/shm here");
    assumeTrue(
        !Files.getFileStore(shm).equals(Files.getFileStore(dir)),
        "/dev/shm is the same file system");
    Path other = Files.createTempDirectory(shm, "reel-test-");
    try {
      Map<String, String> before = OrganizeFixture.contents(in);
      Path l = other.resolve("lib");
      var r = reel("organize", in.toString(), "--into", l.toString(), "--apply");
      assertThat(r.code()).as(r.err()).isZero();
      Path ep = l.resolve("Show Name/Season 01/Show Name - s01e01 - Pilot.mkv");
      assertThat(ep).exists();
      assertThat(
              in.resolve(
                  "Show.Name.S01.720p.HDTV.x264-GRP/Show.Name.S01E01.Pilot.720p.HDTV.x264-GRP.mkv"))
          .doesNotExist();
      assertThat(OrganizeFixture.entries(l))
          .noneMatch(e -> e.contains(".reel-") && e.endsWith(".part"));
      assertThat(reel("undo").code()).isZero();
      assertThat(OrganizeFixture.contents(in)).isEqualTo(before);
      assertThat(l).doesNotExist();
    } finally {
      try (var s = Files.walk(other)) {
        for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  @Test
  void aDiskThatFillsMidCopyLeavesTheSourceAndNoPartialFile() throws Exception {
    // a file size limit (ulimit -f) makes writes past 2 MiB fail as a full disk does
    Path src = dir.resolve("src");
    Files.createDirectories(src);
    Random r = new Random(3);
    byte[] big = new byte[6 << 20];
    r.nextBytes(big);
    Files.write(src.resolve("big.mkv"), big);
    Files.writeString(src.resolve("small.mkv"), "small");
    Path plan = dir.resolve("copy.json");
    ObjectMapper m = new ObjectMapper();
    ObjectNode doc =
        m.createObjectNode()
            .put("reel_plan", 1)
            .put("library", lib.toString())
            .put("action", "copy");
    ArrayNode actions = doc.putArray("actions");
    for (String n : List.of("big.mkv", "small.mkv")) {
      Path p = src.resolve(n);
      actions
          .addObject()
          .put("kind", "movie")
          .put("action", "copy")
          .put("source", p.toString())
          .put("target", lib.resolve("X/" + n).toString())
          .put("size_bytes", Files.size(p))
          .put("modified", Files.getLastModifiedTime(p).toInstant().toString());
    }
    Files.writeString(plan, m.writeValueAsString(doc));
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cmd =
        "ulimit -f 2048; exec '"
            + javaBin
            + "' -Xshare:auto -cp '"
            + System.getProperty("java.class.path")
            + "' dev.reel.Main organize --apply --plan '"
            + plan
            + "' --json -q --cache '"
            + cache
            + "'";
    Process p =
        new ProcessBuilder("bash", "-c", cmd)
            .redirectError(dir.resolve("err.txt").toFile())
            .start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out + Files.readString(dir.resolve("err.txt"))).isEqualTo(1);
    JsonNode failed =
        lines(out).stream()
            .filter(o -> o.get("source").asText().endsWith("big.mkv"))
            .findFirst()
            .orElseThrow();
    assertThat(failed.get("state").asText()).isEqualTo("failed");
    assertThat(failed.get("why").asText()).containsIgnoringCase("too large");
    assertThat(Files.readAllBytes(src.resolve("big.mkv"))).isEqualTo(big);
    assertThat(OrganizeFixture.entries(lib)).containsExactly("X", "X/small.mkv");
  }
}
