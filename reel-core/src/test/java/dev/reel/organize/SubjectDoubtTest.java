package dev.reel.organize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.identify.Identifier;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Organize's doubtful files are the ones identify's confidence calls doubtful. */
class SubjectDoubtTest {
  private final Identifier id = new Identifier(LocalDate.of(2026, 12, 1));

  private String doubt(String name) {
    return Subject.of(id.identify(name)).doubt().orElse(null);
  }

  @Test
  void sureNamesHaveNoDoubt() {
    assertThat(doubt("The.Office.US.S02E03.720p.HDTV.x264-CTU.mkv")).isNull();
    assertThat(doubt("Heat.1995.1080p.BluRay.x264.mkv")).isNull();
    assertThat(doubt("Some Show/Season 1/05.mkv")).isNull();
  }

  @Test
  void theDoubtsAreTheConfidencesOwn() {
    assertThat(doubt("Heat.mkv")).isEqualTo("a movie without a year");
    assertThat(doubt("1080p.x264.mkv")).isEqualTo("no title");
    assertThat(doubt("Some Show/Season 1/Take (05).mkv"))
        .isEqualTo("a show without an episode number");
    assertThat(doubt("Some Movie zq123 2019.mkv")).isEqualTo("a word like a tag in the title");
  }
}
