package dev.reel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LookupOptionsTest {
  @CommandLine.Command(name = "t")
  static final class Holder {
    @CommandLine.Mixin LookupOptions lookups = new LookupOptions();
  }

  private static LookupOptions parse(String... args) {
    Holder h = new Holder();
    new CommandLine(h).parseArgs(args);
    return h.lookups;
  }

  @Test
  void keepsAnswersAsLongAsAskedAndNotFoundOnesNoLonger() {
    assertThat(parse("--lookup", "tmdb").ttls())
        .containsExactly(Duration.ofDays(30), Duration.ofDays(1));
    assertThat(parse("--lookup", "tmdb", "--lookup-ttl", "7d,2h").ttls())
        .containsExactly(Duration.ofDays(7), Duration.ofHours(2));
    // a found answer kept for an hour: a "not found" is not kept longer
    assertThat(parse("--lookup", "tmdb", "--lookup-ttl", "1h").ttls())
        .containsExactly(Duration.ofHours(1), Duration.ofHours(1));
    assertThatThrownBy(() -> parse("--lookup", "tmdb", "--lookup-ttl", "soon").check())
        .hasMessageContaining("'soon'");
    assertThatThrownBy(() -> parse("--lookup", "tmdb", "--lookup-ttl", "1d,1d,1d").check())
        .hasMessageContaining("FOUND,MISSING");
    assertThatThrownBy(() -> parse("--ids").check()).hasMessageContaining("--ids needs --lookup");
  }
}
