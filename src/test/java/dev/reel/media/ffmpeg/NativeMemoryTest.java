package dev.reel.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.media.FileFacts;
import dev.reel.media.ProbeDepth;
import dev.reel.media.ProbeOutcome;
import dev.reel.testmedia.Breakage;
import dev.reel.testmedia.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeMemoryTest {
  @TempDir Path dir;

  @Test
  void probingTheSameFile20000TimesDoesNotGrowResidentMemory() throws IOException {
    FfmpegMediaEncoder encoder = new FfmpegMediaEncoder();
    Path good = TestMedia.of("mkv").seconds(0.5).write(encoder, dir.resolve("good.mkv"));
    Path bad =
        TestMedia.of("mp4")
            .seconds(0.5)
            .broken(new Breakage.Truncated(40))
            .write(encoder, dir.resolve("bad.mp4"));
    FfmpegMediaProbe probe = new FfmpegMediaProbe();
    FileFacts goodFacts = new FileFacts(good, Files.size(good), java.time.Instant.EPOCH);
    FileFacts badFacts = new FileFacts(bad, Files.size(bad), java.time.Instant.EPOCH);
    Duration timeout = Duration.ofSeconds(10);
    Runnable round =
        () -> {
          for (int i = 0; i < 1_000; i++) {
            assertThat(
                    probe.probe(
                        goodFacts, i % 10 == 0 ? ProbeDepth.DEEP : ProbeDepth.HEADER, timeout))
                .isInstanceOf(ProbeOutcome.Playable.class);
            if (i % 50 == 0) {
              assertThat(probe.probe(badFacts, ProbeDepth.HEADER, timeout))
                  .isInstanceOf(ProbeOutcome.Unreadable.class);
            }
          }
        };
    for (int i = 0; i < 3; i++) {
      round.run(); // warm up: JIT, allocator arenas, JavaCPP's pointer bookkeeping
    }
    System.gc();
    long before = residentKiB();
    for (int i = 0; i < 20; i++) {
      round.run();
    }
    System.gc();
    long after = residentKiB();
    assertThat(after - before).as("VmRSS growth in KiB over 20,000 probes").isLessThan(8 * 1024);
  }

  private static long residentKiB() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }
}
