package dev.reel.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PlainProgressLinesTest {
  @Test
  void printsALineAtMostEveryIntervalWithRateAndEta() {
    AtomicLong clock = new AtomicLong();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PlainProgressLines p =
        new PlainProgressLines(
            "probe",
            "files",
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            clock::get,
            2_000_000_000L);
    p.start(1000);
    clock.set(1_000_000_000L);
    p.advance(100, 0); // 1 s in: too soon
    clock.set(2_000_000_000L);
    p.advance(200, 3); // 2 s in: a line
    clock.set(3_000_000_000L);
    p.advance(300, 3); // too soon again
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out.lines())
        .containsExactly("probe: 200/1000 files (3 failed), 100 files/s, eta 8.0s");
  }
}
