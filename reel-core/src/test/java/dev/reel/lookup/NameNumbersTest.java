package dev.reel.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A model's numbers held to the name's own. */
class NameNumbersTest {
  private static String contradiction(String name, Integer year, Integer season, Integer... eps) {
    return new NameNumbers(name)
        .contradiction(new AiAnswer("episode", "T", year, season, List.of(eps), null))
        .orElse(null);
  }

  @Test
  void markedSeasonsAndEpisodesMustBeTheAnswers() {
    assertThat(contradiction("Show.S02E05.720p.x264.mkv", null, 2, 5)).isNull();
    assertThat(contradiction("Show.S02E05.720p.x264.mkv", null, 3, 5)).contains("season 3");
    assertThat(contradiction("Show.S02E05.720p.x264.mkv", null, 2, 6)).contains("episode 6");
    assertThat(contradiction("Show.S02E05.720p.x264.mkv", null, 2, 264)).contains("episode 264");
    assertThat(contradiction("Show 2x05.mkv", null, 2, 5)).isNull();
    assertThat(contradiction("Show 2x05.mkv", null, 1, 5)).contains("season 1");
    assertThat(contradiction("Show.S01E01-E03.mkv", null, 1, 1, 2, 3)).isNull();
    assertThat(contradiction("Show.S01E01-03.mkv", null, 1, 1, 2, 3)).isNull();
    assertThat(contradiction("Show/Season 2/Episode 7.mkv", null, 2, 7)).isNull();
    assertThat(contradiction("Show/Season 2/Episode 7.mkv", null, 2, 8)).contains("episode 8");
  }

  @Test
  void unmarkedNumbersMustBeInTheName() {
    assertThat(contradiction("in/Breaking Bad/Season 2/03.mkv", null, 2, 3)).isNull();
    assertThat(contradiction("[Group] Show - 05 [1080p].mkv", null, 1, 5)).isNull();
    assertThat(contradiction("[Group] Show - 05 [1080p].mkv", null, null, 5)).isNull();
    assertThat(contradiction("[Group] Show - 05 [1080p].mkv", null, 1, 6)).contains("episode 6");
    assertThat(contradiction("[Group] Show - 05 [1080p].mkv", null, 4, 5)).contains("season 4");
    assertThat(contradiction("show.205.hdtv.mkv", null, 2, 5)).isNull();
    assertThat(contradiction("show.1012.hdtv.mkv", null, 10, 12)).isNull();
    assertThat(contradiction("show.1012.hdtv.mkv", null, 1, 12)).contains("episode 12");
    assertThat(contradiction("Show - 01-03.mkv", null, 1, 1, 2, 3)).isNull();
    assertThat(contradiction("Show - 01.mkv", null, 1, 1, 2)).contains("episode 2");
  }

  @Test
  void specialsNeedAWordAndAYearMustBeTheNamesWhenItHasOne() {
    assertThat(contradiction("Show - Special 1.mkv", null, 0, 1)).isNull();
    assertThat(contradiction("Show - 01.mkv", null, 0, 1)).contains("season 0");
    assertThat(contradiction("Show.2004.S01E01.mkv", 2004, 1, 1)).isNull();
    assertThat(contradiction("Show.2004.S01E01.mkv", 2005, 1, 1)).contains("year 2005");
    assertThat(contradiction("Show.S01E01.1080p.mkv", 2008, 1, 1)).isNull();
  }
}
