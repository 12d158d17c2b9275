package dev.reel.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.media.FileFacts;
import dev.reel.media.ProbeDepth;
import dev.reel.media.ProbeOutcome;
import dev.reel.testmedia.Breakage;
import dev.reel.testmedia.TestMedia;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probing must not leak native memory. The probes run in a child JVM whose Java heap is fixed and
 * touched up front ({@code -Xms = -Xmx}, {@code AlwaysPreTouch}) and whose JIT is the quick C1
 * alone, so that growth of the resident set after the warm-up is native memory (FFmpeg's and
 * JavaCPP's), not a heap that grew or code that got compiled because other tests ran first.
 */
class NativeMemoryTest {
  @TempDir Path dir;

  @Test
  void probingTheSameFile20000TimesDoesNotGrowNativeMemory() throws Exception {
    FfmpegMediaEncoder encoder = new FfmpegMediaEncoder();
    Path good = TestMedia.of("mkv").seconds(0.5).write(encoder, dir.resolve("good.mkv"));
    Path bad =
        TestMedia.of("mp4")
            .seconds(0.5)
            .broken(new Breakage.Truncated(40))
            .write(encoder, dir.resolve("bad.mp4"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-Xms64m",
                "-Xmx64m",
                "-XX:+AlwaysPreTouch",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                Loop.class.getName(),
                good.toString(),
                bad.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(child.exitValue()).as(out).isZero();
    String last = out.strip().lines().reduce((a, b) -> b).orElse("");
    assertThat(last).as(out).startsWith("growth_kib=");
    long growthKiB = Long.parseLong(last.substring("growth_kib=".length()));
    System.out.println("native memory: resident growth over 20,000 probes " + growthKiB + " KiB");
    assertThat(growthKiB).as("resident growth in KiB over 20,000 probes").isLessThan(8 * 1024);
  }

  /** The child: warm up, then probe 20,000 times and print the resident growth. */
  static final class Loop {
    public static void main(String[] args) throws IOException {
      Path good = Path.of(args[0]);
      Path bad = Path.of(args[1]);
      FfmpegMediaProbe probe = new FfmpegMediaProbe();
      FileFacts goodFacts = new FileFacts(good, Files.size(good), Instant.EPOCH);
      FileFacts badFacts = new FileFacts(bad, Files.size(bad), Instant.EPOCH);
      Duration timeout = Duration.ofSeconds(10);
      Runnable round =
          () -> {
            for (int i = 0; i < 1_000; i++) {
              ProbeDepth depth = i % 10 == 0 ? ProbeDepth.DEEP : ProbeDepth.HEADER;
              if (!(probe.probe(goodFacts, depth, timeout) instanceof ProbeOutcome.Playable)) {
                throw new IllegalStateException("good file not playable");
              }
              if (i % 50 == 0
                  && !(probe.probe(badFacts, ProbeDepth.HEADER, timeout)
                      instanceof ProbeOutcome.Unreadable)) {
                throw new IllegalStateException("broken file not unreadable");
              }
            }
          };
      for (int i = 0; i < 5; i++) {
        round.run(); // warm up: C1, allocator arenas, JavaCPP's pointer bookkeeping
      }
      System.gc();
      long before = residentKiB();
      for (int i = 0; i < 20; i++) {
        round.run();
      }
      System.gc();
      System.out.println("growth_kib=" + (residentKiB() - before));
    }

    private static long residentKiB() throws IOException {
      List<String> status = Files.readAllLines(Path.of("/proc/self/status"));
      for (String line : status) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
      throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
  }
}
