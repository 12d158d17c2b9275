package dev.reel.identify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentifierTest {
  private final Identifier id = new Identifier(java.time.LocalDate.of(2026, 12, 1));

  private Identity of(String name) {
    return id.identify(name);
  }

  @Test
  void readsASceneEpisodeRelease() {
    Identity i = of("The.Office.US.S02E03.720p.HDTV.x264-CTU.mkv");
    assertThat(i.properties())
        .containsEntry("type", "episode")
        .containsEntry("title", "The Office")
        .containsEntry("country", "US")
        .containsEntry("season", 2)
        .containsEntry("episode", 3)
        .containsEntry("screen_size", "720p")
        .containsEntry("source", "HDTV")
        .containsEntry("video_codec", "H.264")
        .containsEntry("release_group", "CTU")
        .containsEntry("container", "mkv");
  }

  @Test
  void takesTheShowFromFoldersAndTheEpisodeTitleFromTheFile() {
    Identity i = of("Breaking Bad/Season 2/03 - Bit by a Dead Bee.mkv");
    assertThat(i.title()).isEqualTo("Breaking Bad");
    assertThat(i.seasons()).containsExactly(2);
    assertThat(i.episodes()).containsExactly(3);
    assertThat(i.properties()).containsEntry("episode_title", "Bit by a Dead Bee");
  }

  @Test
  void readsAnimeWithGroupNumberAndCrc() {
    Identity i = of("[SubGroup] Show - 147 [1080p][ABCD1234].mkv");
    assertThat(i.type()).isEqualTo("episode");
    assertThat(i.title()).isEqualTo("Show");
    assertThat(i.episodes()).containsExactly(147);
    assertThat(i.properties())
        .containsEntry("release_group", "SubGroup")
        .containsEntry("crc32", "ABCD1234")
        .containsEntry("screen_size", "1080p");
  }

  @Test
  void readsDailyShowsByDate() {
    Identity i = of("The.Daily.Show.2024.03.14.1080p.WEB.h264.mkv");
    assertThat(i.type()).isEqualTo("episode");
    assertThat(i.title()).isEqualTo("The Daily Show");
    assertThat(i.date()).isEqualTo(LocalDate.of(2024, 3, 14));
  }

  @Test
  void readsMultiEpisodeFiles() {
    assertThat(of("Show.S01E01-E03.mkv").episodes()).containsExactly(1, 2, 3);
    assertThat(of("Show.S01E01E02.mkv").episodes()).containsExactly(1, 2);
    assertThat(of("Show 1x01x02.mkv").episodes()).containsExactly(1, 2);
    assertThat(of("Show 1x01x02.mkv").seasons()).containsExactly(1);
  }

  @Test
  void keepsYearsThatArePartOfTheTitle() {
    Identity odyssey = of("2001.A.Space.Odyssey.1968.1080p.BluRay.mkv");
    assertThat(odyssey.title()).isEqualTo("2001 A Space Odyssey");
    assertThat(odyssey.year()).isEqualTo(1968);
    Identity blade = of("Blade Runner 2049 (2017).mkv");
    assertThat(blade.title()).isEqualTo("Blade Runner 2049");
    assertThat(blade.year()).isEqualTo(2017);
  }

  @Test
  void avoidsTheTrapsUsersReportInOtherParsers() {
    Identity open = of("Open Season 2 (2008).mkv");
    assertThat(open.type()).isEqualTo("movie");
    assertThat(open.title()).isEqualTo("Open Season 2");
    assertThat(open.year()).isEqualTo(2008);
    assertThat(of("True Detective S01E01.mkv").title()).isEqualTo("True Detective");
    Identity us = of("It Ends With Us (2024).mkv");
    assertThat(us.title()).isEqualTo("It Ends With Us");
    assertThat(us.properties()).doesNotContainKey("country");
    assertThat(of("12.Angry.Men.1957.mkv").title()).isEqualTo("12 Angry Men");
    assertThat(of("12.Angry.Men.1957.mkv").type()).isEqualTo("movie");
    assertThat(of("The.Final.Countdown.1980.mkv").title()).isEqualTo("The Final Countdown");
  }

  @Test
  void readsEditionsPartsAndDiscs() {
    Identity i = of("Movie.Name.2010.Directors.Cut.CD1.DVDRip.XviD.avi");
    assertThat(i.properties())
        .containsEntry("edition", "Director's Cut")
        .containsEntry("cd", 1)
        .containsEntry("source", "DVD");
    assertThat(of("Movie Name Part 2 (2011).mkv").properties()).containsEntry("part", 2);
  }

  @Test
  void tellsExtrasFromNamesAndFolders() {
    assertThat(of("Movie (2010)/Trailers/Movie.mkv").extra()).isEqualTo("trailer");
    assertThat(of("Movie (2010)/Behind The Scenes/Making it.mkv").extra())
        .isEqualTo("behind_the_scenes");
    assertThat(of("Movie (2010)/Movie-deleted.mkv").extra()).isEqualTo("deleted_scene");
    assertThat(of("Movie.2010.1080p.sample.mkv").extra()).isEqualTo("sample");
    assertThat(of("Movie (2010)/Movie (2010).mkv").extra()).isNull();
  }

  @Test
  void knownTitlesWinOverTheParser() {
    Hints hints = new Hints(null, List.of("Open Season 2"));
    Identity i = id.identify("Open.Season.2.2008.720p.BluRay.mkv", hints);
    assertThat(i.title()).isEqualTo("Open Season 2");
    assertThat(i.type()).isEqualTo("movie");
    assertThat(id.identify("Show.2x03.mkv", new Hints("movie", List.of())).type())
        .isEqualTo("movie");
  }

  @Test
  void readsLanguagesAndSubtitles() {
    Identity i = of("Movie.2010.FRENCH.1080p.BluRay.x264-GRP.mkv");
    assertThat(i.properties()).containsEntry("language", "fr");
    assertThat(of("Show.S01E01.VOSTFR.720p.mkv").properties())
        .containsEntry("subtitle_language", "fr");
  }
}
