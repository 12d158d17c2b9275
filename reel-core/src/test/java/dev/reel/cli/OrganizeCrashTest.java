package dev.reel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child {@code reel organize --apply} with SIGKILL at 50 points of its run, then resumes
 * (or directly undoes) the run and undoes it: every source file must come back byte for byte and
 * nothing may be left in the library.
 */
class OrganizeCrashTest {
  private static final int FILES = 600;
  @TempDir Path dir;

  /** The library as a reviewed plan would have it: files in show and season folders. */
  private record Layout(Map<String, byte[]> sources, List<String[]> moves) {}

  private Layout layout(Random r, Path in, Path lib) {
    Map<String, byte[]> sources = new TreeMap<>();
    List<String[]> moves = new ArrayList<>();
    for (int i = 0; i < FILES; i++) {
      // a few big ones, so that a kill can land inside a copy
      byte[] b = new byte[i % 150 == 7 ? 3_000_000 : 200 + r.nextInt(3000)];
      r.nextBytes(b);
      String src = "Pack " + (i % 7) + "/Show.Name.S0" + (i % 3 + 1) + "E" + i + ".mkv";
      String tgt = "Show " + (i % 11) + "/Season 0" + (i % 3 + 1) + "/Show - s01e" + i + ".mkv";
      sources.put(src, b);
      moves.add(new String[] {in.resolve(src).toString(), lib.resolve(tgt).toString()});
    }
    return new Layout(sources, moves);
  }

  private void writeSources(Path in, Layout l) throws IOException {
    Instant t = Instant.parse("2024-03-14T10:00:00Z");
    for (Map.Entry<String, byte[]> e : l.sources().entrySet()) {
      Path p = in.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.write(p, e.getValue());
      Files.setLastModifiedTime(p, FileTime.from(t));
    }
  }

  private Path planFile(Path file, Layout l, String verb) throws IOException {
    ObjectMapper m = new ObjectMapper();
    ObjectNode doc = m.createObjectNode();
    doc.put("reel_plan", 1);
    doc.put("library", Path.of(l.moves().get(0)[1]).getParent().getParent().getParent().toString());
    doc.put("action", verb);
    ArrayNode actions = doc.putArray("actions");
    for (String[] mv : l.moves()) {
      ObjectNode a = actions.addObject();
      a.put("kind", "episode");
      a.put("action", verb);
      a.put("source", mv[0]);
      a.put("target", mv[1]);
      a.put("size_bytes", Files.size(Path.of(mv[0])));
      a.put("modified", Files.getLastModifiedTime(Path.of(mv[0])).toInstant().toString());
    }
    Files.writeString(file, m.writeValueAsString(doc));
    return file;
  }

  @Test
  void killedAtFiftyPointsResumeAndUndoGiveBackEveryFile() throws Exception {
    Path in = dir.resolve("in");
    Path lib = dir.resolve("lib");
    Layout l = layout(new Random(7), in, lib);
    writeSources(in, l);
    Map<String, String> pristine = OrganizeFixture.contents(in);
    Path movePlan = planFile(dir.resolve("move.json"), l, "move");
    Path copyPlan = planFile(dir.resolve("copy.json"), l, "copy");
    Random points = new Random(42);
    int killedMidRun = 0;
    for (int i = 0; i < 50; i++) {
      String verb = i % 5 == 4 ? "copy" : "move";
      Path cache = dir.resolve("cache-" + i);
      int after = 1 + points.nextInt(FILES - 1);
      Process p =
          child(
              "organize",
              "--apply",
              "--plan",
              (verb.equals("copy") ? copyPlan : movePlan).toString(),
              "--json",
              "-q",
              "--cache",
              cache.toString());
      int lines = 0;
      try (BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        while (lines < after && out.readLine() != null) {
          lines++;
        }
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        p.waitFor();
      }
      String err = Files.readString(dir.resolve("err.txt"));
      assertThat(lines)
          .as("point %d: the child got to its %d-th action: %s", i, after, err)
          .isEqualTo(after);
      if (p.exitValue() != 0) {
        killedMidRun++;
      }
      boolean resume = i % 4 != 3; // every fourth run is undone straight after the kill
      if (resume) {
        var r =
            ProbeCommandTest.run(
                "organize", "--apply", "--resume", "-q", "--cache", cache.toString());
        assertThat(r.code()).as("resume after point %d: %s", i, r.err()).isIn(0, 2);
        if (r.code() == 0) {
          for (String[] mv : l.moves()) {
            assertThat(Path.of(mv[1])).as("point %d", i).isRegularFile();
            if (verb.equals("move")) {
              assertThat(Path.of(mv[0])).as("point %d", i).doesNotExist();
            }
          }
        }
      }
      var u = ProbeCommandTest.run("undo", "-q", "--cache", cache.toString());
      assertThat(u.code()).as("undo after point %d: %s", i, u.err()).isZero();
      assertThat(OrganizeFixture.contents(in)).as("sources after point %d", i).isEqualTo(pristine);
      assertThat(OrganizeFixture.entries(lib)).as("library after point %d", i).isEmpty();
    }
    // most kills must land while the child was still working, or the test proves little
    assertThat(killedMidRun).isGreaterThan(25);
  }

  @Test
  void ctrlCStopsBetweenFilesAndResumeFinishes() throws Exception {
    Path in = dir.resolve("in");
    Path lib = dir.resolve("lib");
    Layout l = layout(new Random(11), in, lib);
    writeSources(in, l);
    Map<String, String> pristine = OrganizeFixture.contents(in);
    Path plan = planFile(dir.resolve("move.json"), l, "move");
    Path cache = dir.resolve("cache");
    Process p =
        child(
            "organize",
            "--apply",
            "--plan",
            plan.toString(),
            "--json",
            "--cache",
            cache.toString());
    int lines = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      while (lines < 20 && out.readLine() != null) {
        lines++;
      }
      assertThat(new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor())
          .isZero();
      while (out.readLine() != null) {
        lines++;
      }
    }
    assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    String err = Files.readString(dir.resolve("err.txt"));
    if (lines < FILES) { // the stop came before the last file (it nearly always does)
      assertThat(p.exitValue()).as(err).isEqualTo(130);
      assertThat(err).contains("stopping").contains("stopped");
      var runs = ProbeCommandTest.run("runs", "--json", "--cache", cache.toString());
      assertThat(runs.out()).contains("\"state\":\"stopped\"");
    }
    var r =
        ProbeCommandTest.run("organize", "--apply", "--resume", "-q", "--cache", cache.toString());
    if (lines < FILES) {
      assertThat(r.code()).as(r.err()).isZero();
    }
    for (String[] mv : l.moves()) {
      assertThat(Path.of(mv[1])).isRegularFile();
      assertThat(Path.of(mv[0])).doesNotExist();
    }
    assertThat(ProbeCommandTest.run("undo", "-q", "--cache", cache.toString()).code()).isZero();
    assertThat(OrganizeFixture.contents(in)).isEqualTo(pristine);
    assertThat(OrganizeFixture.entries(lib)).isEmpty();
  }

  private Process child(String... args) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.reel.Main"));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectError(dir.resolve("err.txt").toFile()).start();
  }
}
