package dev.reel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reel.media.ffmpeg.FfmpegMediaEncoder;
import dev.reel.testmedia.TestMedia;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT to a child reel process) on probe and identify: the output so far is whole JSON
 * lines, the summary says "stopped", the JSON progress ends with a stopped end event, exit 130.
 */
class CtrlCTest {
  @TempDir Path dir;
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void probeStopsWithWholeLinesAStoppedSummaryAndExit130() throws Exception {
    Path lib = Files.createDirectories(dir.resolve("lib"));
    FfmpegMediaEncoder enc = new FfmpegMediaEncoder();
    TestMedia.of("mkv").seconds(0.3).write(enc, lib.resolve("a.mkv"));
    TestMedia.of("mp4").seconds(0.3).write(enc, lib.resolve("b.mp4"));
    // a FIFO with no writer: its probe blocks in open() until the stop's grace period ends
    Path fifo = lib.resolve("c.mkv");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    TestMedia.of("mkv").seconds(0.3).write(enc, lib.resolve("d.mkv"));
    Process p =
        reel(
            "probe",
            "--json",
            "--workers",
            "1",
            "--no-cache",
            "--progress",
            "json",
            lib.resolve("a.mkv").toString(),
            lib.resolve("b.mp4").toString(),
            fifo.toString(), // named: a walk skips what is not a regular file
            lib.resolve("d.mkv").toString());
    try {
      BufferedReader out = reader(p);
      List<String> lines = new ArrayList<>();
      lines.add(out.readLine());
      lines.add(out.readLine()); // a and b are out: the worker is now stuck on the FIFO
      interrupt(p);
      for (String l; (l = out.readLine()) != null; ) {
        lines.add(l);
      }
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String err = Files.readString(dir.resolve("err.txt"));
      assertThat(p.exitValue()).as(err).isEqualTo(130);
      assertThat(lines).hasSize(2);
      for (String l : lines) {
        assertThat(json.readTree(l).get("playable").asBoolean()).isTrue();
      }
      assertThat(err).contains("probe: stopping").contains("; stopped, ");
      JsonNode end = lastJsonEvent(err);
      assertThat(end.get("event").asText()).isEqualTo("end");
      assertThat(end.get("stopped").asBoolean()).isTrue();
      assertThat(end.get("done").asLong()).isEqualTo(2);
    } finally {
      p.destroyForcibly();
      // frees a stuck open, if one is left; read-write never blocks on a FIFO (Linux)
      new RandomAccessFile(fifo.toFile(), "rw").close();
    }
  }

  @Test
  void identifyStopsWhileWaitingOnStdin() throws Exception {
    Process p = reel("identify", "--json", "--from", "-");
    try {
      OutputStream in = p.getOutputStream();
      in.write("The.Office.US.S02E03.720p.HDTV.x264-CTU.mkv\nHeat.1995.1080p.mkv\n".getBytes());
      in.flush(); // stdin stays open: identify waits for more
      BufferedReader out = reader(p);
      List<String> lines = new ArrayList<>(List.of(out.readLine(), out.readLine()));
      interrupt(p);
      for (String l; (l = out.readLine()) != null; ) {
        lines.add(l);
      }
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String err = Files.readString(dir.resolve("err.txt"));
      assertThat(p.exitValue()).as(err).isEqualTo(130);
      assertThat(lines).hasSize(2);
      assertThat(json.readTree(lines.get(1)).get("title").asText()).isEqualTo("Heat");
      assertThat(err).contains("identify: 2 names, 2 ok").contains("; stopped");
    } finally {
      p.destroyForcibly();
    }
  }

  private Process reel(String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.reel.Main"));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectError(dir.resolve("err.txt").toFile()).start();
  }

  private static BufferedReader reader(Process p) {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
  }

  private static void interrupt(Process p) throws Exception {
    assertThat(new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor())
        .isZero();
  }

  private JsonNode lastJsonEvent(String err) throws Exception {
    JsonNode last = null;
    for (String l : err.lines().toList()) {
      if (l.startsWith("{")) {
        last = json.readTree(l);
      }
    }
    assertThat(last).as(err).isNotNull();
    return last;
  }
}
