package dev.reel.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {
  @Test
  void parsesTheUnitsUsersType() {
    assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(DurationText.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(DurationText.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(DurationText.parse("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(DurationText.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(DurationText.parse("30d")).isEqualTo(Duration.ofDays(30));
    assertThat(DurationText.parse("45")).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void rejectsNonsenseWithTheBadValue() {
    assertThatThrownBy(() -> DurationText.parse("soon")).hasMessageContaining("'soon'");
    assertThatThrownBy(() -> DurationText.parse("-3s")).hasMessageContaining("positive");
    assertThatThrownBy(() -> DurationText.parse("0")).hasMessageContaining("positive");
  }

  @Test
  void printsCompactly() {
    assertThat(DurationText.format(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(DurationText.format(Duration.ofSeconds(30))).isEqualTo("30s");
    assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(DurationText.format(Duration.ofSeconds(125))).isEqualTo("2m05s");
  }
}
