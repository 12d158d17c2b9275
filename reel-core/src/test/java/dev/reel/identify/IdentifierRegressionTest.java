package dev.reel.identify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every kind of name issue #13 fixed, one case or more each (names written for this test, in the
 * shapes anime and scene releases use), with the properties that were wrong before.
 */
class IdentifierRegressionTest {
  private final Identifier id = new Identifier(LocalDate.of(2026, 12, 1));

  private void reads(String name, Map<String, Object> want) {
    Map<String, Object> got = id.identify(name).properties();
    want.forEach((k, v) -> assertThat(got.get(k)).as(name + ": " + k).isEqualTo(v));
  }

  @Test
  void cjkAndFullWidthBracketsAreDelimitersAndTheGroupInFrontIsTheGroup() {
    reads(
        "【極影字幕社】★ 進撃の巨人 第01話 1080P.mp4",
        Map.of("title", "進撃の巨人", "episode", 1, "release_group", "極影字幕社"));
    reads(
        "[Lilith-Raws] 葬送的芙莉莲 - 05 [Baha][WEB-DL][1080p][AVC AAC][CHT][MP4].mp4",
        Map.of(
            "title",
            "葬送的芙莉莲",
            "episode",
            5,
            "release_group",
            "Lilith-Raws",
            "subtitle_language",
            "zh"));
    assertThat(id.identify("[ANi] 我推的孩子 - 01 [1080P][Baha][WEB-DL].mp4").properties())
        .doesNotContainKey("episode_title"); // [Baha] is a tag, not the episode's title
    reads(
        "［Group］ Title （2020） ［１０８０Ｐ］.mkv",
        Map.of("title", "Title", "year", 2020, "screen_size", "1080p", "release_group", "Group"));
  }

  @Test
  void bracketedNumbersAndTitlesOfAnimeReleases() {
    reads(
        "[Sakurato] Some Show [07][AVC-8bit 1080p AAC][CHS].mp4",
        Map.of("title", "Some Show", "episode", 7, "release_group", "Sakurato"));
    reads(
        "[DBD-Raws][鬼灭之刃 游郭篇][03][1080P][BDRip][HEVC-10bit][FLAC].mkv",
        Map.of("title", "鬼灭之刃 游郭篇", "episode", 3, "release_group", "DBD-Raws"));
    reads(
        "[Taka]_Some_Show_(2009)_04_[720p][40F2A957].mp4",
        Map.of("title", "Some Show", "year", 2009, "episode", 4));
  }

  @Test
  void airingTagsAndRunsOfBracketsInChineseReleases() {
    reads(
        "【幻樱字幕组】【4月新番】【鬼灭之刃 Kimetsu no Yaiba】【01】【BIG5_MP4】【1920X1080】.mp4",
        Map.of("title", "鬼灭之刃 Kimetsu no Yaiba", "episode", 1, "release_group", "幻樱字幕组"));
    reads(
        "[SweetSub][间谍过家家][SPY×FAMILY][25][WebRip][1080P][AVC 8bit][简日双语].mp4",
        Map.of("title", "间谍过家家", "episode", 25, "release_group", "SweetSub"));
    reads(
        "[FASubs & TTF] Inuyasha - 099 [DVD] [B15AA1AC].mkv",
        Map.of("title", "Inuyasha", "episode", 99, "release_group", "FASubs & TTF"));
    reads(
        "[HorribleSubs] Some Show - 10_(XviD_AnimeSenshi).mkv",
        Map.of("episode", 10, "release_group", "HorribleSubs"));
    reads("[HorribleSubs] Some Show - 01+02 [720p].mkv", Map.of("episode", List.of(1, 2)));
    reads(
        "[Jumonji-Giri]_[Shinsen-Subs][ASF]_Some_Show_Ep01_(a1fc58a7).mkv",
        Map.of("title", "Some Show", "episode", 1, "release_group", "Jumonji-Giri"));
    reads(
        "[AnimeRG] Some Show (TV) - 02 [720p] [Xcelent].mkv",
        Map.of("episode", 2, "release_group", "AnimeRG"));
  }

  @Test
  void tagsTheSceneWritesOtherwise() {
    reads("Movie.2010.720p.French-English.mkv", Map.of("language", List.of("fr", "en")));
    reads(
        "[UTW-THORA] Evangelion 3.33 You Can Redo [BD][1080p,x264,flac][F2060CF5].mkv",
        Map.of("title", "Evangelion 3.33 You Can Redo", "release_group", "UTW-THORA"));
    reads("Evangelion.3.33.2012.1080p.mkv", Map.of("title", "Evangelion 3 33"));
    reads("Some.Movie.2019.720hd.BluRay.mkv", Map.of("screen_size", "720p"));
    reads(
        "Dark Phoenix (2019) (1080p BluRay x265 HEVC 10bit AAC 7.1 Tigole) [QxR].mkv",
        Map.of("release_group", "Tigole QxR"));
    reads(
        "Adventure.Time.S08E16.Elements.Part.1.Skyhooks.720p.WEB-DL.AAC2.0.H.264-RTN.mkv",
        Map.of("episode_title", "Elements Part 1 Skyhooks", "release_group", "RTN"));
    reads("Something.1xAll-FlexGet", Map.of("season", 1, "other", "Complete"));
    reads(
        "The Late Show 14 March 2024 Guest.mkv",
        Map.of("title", "The Late Show", "date", LocalDate.of(2024, 3, 14)));
    reads("Show.Mar.14.2024.720p.mkv", Map.of("date", LocalDate.of(2024, 3, 14)));
  }

  @Test
  void seasonMarkersInOtherScriptsAndWords() {
    reads(
        "[SweetSub] 葬送的芙莉莲 第2季 - 03 [WebRip][1080P].mp4",
        Map.of("title", "葬送的芙莉莲", "season", 2, "episode", 3));
    reads("[Group] 나 혼자만 레벨업 시즌2 - 1화 [1080p].mkv", Map.of("season", 2, "episode", 1));
    reads(
        "[gg]_Some_Show_2nd_Season_-_05_[BF735BC4].mkv",
        Map.of("title", "Some Show", "season", 2, "episode", 5));
    reads("Some Show 3rd Season 12 (BD 1080p).mkv", Map.of("season", 3, "episode", 12));
    reads(
        "[Hatsuyuki]_Some_Show_S3_-_01_[720p].mkv",
        Map.of("title", "Some Show", "season", 3, "episode", 1));
  }

  @Test
  void versionsOnEpisodeMarkers() {
    reads(
        "[Judas] Some Show - S01E06v2.mkv",
        Map.of("title", "Some Show", "season", 1, "episode", 6, "version", 2));
    reads("Some_Show_Ep05v2_[720p].mkv", Map.of("episode", 5, "version", 2));
  }

  @Test
  void sitesInFrontEditionsAndLibraryTags() {
    reads(
        "site.com_The.Office.US.S05E10.mkv",
        Map.of("title", "The Office", "website", "site.com", "season", 5, "episode", 10));
    reads(
        "[ www.Speed.Cd ] -Sons.of.Anarchy.S07E07.720p.HDTV.X264-DIMENSION.mkv",
        Map.of(
            "title", "Sons of Anarchy", "website", "www.Speed.Cd", "release_group", "DIMENSION"));
    reads(
        "Blade.Runner.1982.The.Final.Cut.1080p.BluRay.x264-GRP.mkv",
        Map.of("title", "Blade Runner", "year", 1982, "edition", "Final Cut"));
    reads("The.Final.Cut.2004.1080p.BluRay.x264-GRP.mkv", Map.of("title", "The Final Cut"));
    reads(
        "Avatar (2009) {edition-Extended Collector's Edition} {tmdb-19995} [1080p].mkv",
        Map.of("title", "Avatar", "year", 2009, "edition", "Extended Collector's Edition"));
    reads("Heat (1995) [tmdbid-949].mkv", Map.of("title", "Heat", "year", 1995));
    reads(
        "Dune.Part.Two.2024.2160p.WEB-DL.DDP5.1.H.265-GRP.mkv",
        Map.of("title", "Dune", "part", 2, "year", 2024));
  }

  @Test
  void groupsAfterReposterNamesDashesAndVersions() {
    reads(
        "Some.Show.S01E01.1080p.WEB.H264-GRP-Rakuv02",
        Map.of("release_group", "GRP", "other", "Repost"));
    reads("Some.Movie.2019.1080p.BluRay.x264-GRP-4P", Map.of("release_group", "GRP"));
    reads(
        "Some.Show.S02E03.720p.HDTV.x264-Grp.-.Dual.Audio.-.Dublado",
        Map.of("release_group", "Grp", "episode", 3));
    reads(
        "Some Show - S01E01 - HDTV-720p Proper - x264 AC3 - GROUP - [2011-09-19].mkv",
        Map.of("release_group", "GROUP"));
    reads(
        "Some_Movie_(2004)_[1080p,BluRay,flac,x264]_-_GRP v2.mkv",
        Map.of("release_group", "GRP", "year", 2004));
    reads(
        "Some Show S2 - 09 (Some Anime) [BD841253].mkv",
        Map.of("release_group", "Some Anime", "episode", 9, "season", 2));
    reads(
        "Some_Show_-_01_[Black_Sheep][HDTV_H264_AAC][803DA487].mkv",
        Map.of("release_group", "Black_Sheep", "episode", 1));
  }

  @Test
  void tagsInsideBracketsSubtitleKindsAndChannelsAfterAProfile() {
    reads(
        "[Grp] Some Show 312v1 [720p/MKV]",
        Map.of("episode", 312, "version", 1, "title", "Some Show", "release_group", "Grp"));
    reads(
        "Some.Show.S01.2160p.UHD.BluRay.DTS-HD.MA5.1.x265-GRP",
        Map.of("audio_profile", "Master Audio", "audio_channels", "5.1"));
    reads("Some.Show.S02E11.2160p.WebUHD.x264-GRP", Map.of("source", "Web"));
    reads(
        "Some.Show.(2013).Season.3.-.Eng.Soft.Subtitles.720p.WEBRip.x264",
        Map.of("subtitle_language", "en"));
    reads(
        "Some.Show.1x24.Some.Title.720p.HDTV.x264.CZ-SDTV",
        Map.of("release_group", "SDTV", "source", "HDTV", "language", "cs"));
    reads(
        "Some.Show.12x08.A.Bas.Le.Sergent.Skinner.FR.avi",
        Map.of("episode_title", "A Bas Le Sergent Skinner", "language", "fr"));
  }

  @Test
  void reversedNamesDaysInFrontAnimationsAndCompleteSeasons() {
    reads(
        "Some.Show.S02E01.1080p.WEB-DL-GRP/PRG-LD-BEW.p0801.10E20S.wohS.emoS.mkv",
        Map.of("title", "Some Show", "season", 2, "episode", 1, "release_group", "GRP"));
    reads(
        "09.03.08.Some.Film.(1991).BDRip.720p.mkv",
        Map.of(
            "type", "movie", "title", "Some Film", "year", 1991, "date", LocalDate.of(2008, 3, 9)));
    reads(
        "[Grp] Some Show ONA v2 [540p][128BAC43].mkv",
        Map.of("type", "episode", "title", "Some Show", "other", "Original Net Animation"));
    reads(
        "Some Show The Complete Seasons 1 to 5 720p BluRay x265",
        Map.of("title", "Some Show", "other", "Complete", "season", List.of(1, 2, 3, 4, 5)));
    reads(
        "Some_Film--Another_Name.mkv",
        Map.of("title", "Some Film", "alternative_title", "Another Name"));
  }

  @Test
  void animeKindWordsStayInTheTitle() {
    reads(
        "[Grp]_Some_Show_ED2_(704x480_DVD_AAC)_[3B65D1E6].mkv",
        Map.of("title", "Some Show ED", "episode", 2));
    reads(
        "[Grp]_Some_Show_-_EX01_[BD][h264-720p_AAC][3E56EE18].mkv",
        Map.of("title", "Some Show", "alternative_title", "EX", "episode", 1));
    reads(
        "[Grp]_Some_Show_OVA_-_01_[BD][6730D40A].mkv",
        Map.of("title", "Some Show OVA", "episode", 1, "other", "Original Video Animation"));
    reads("[Grp] Some Show 100% OVA[DVD][E9F43685].mkv", Map.of("title", "Some Show 100% OVA"));
    reads(
        "Some Show Second Season OVA - 01",
        Map.of("title", "Some Show", "season", 2, "episode", 1));
    reads( // the version marks the release: the title ends before the kind word
        "[Grp] Some Show ONA v2 [540p][128BAC43].mkv", Map.of("title", "Some Show", "version", 2));
  }

  @Test
  void rangesAndHalfEpisodesOfAnimeReleases() {
    reads(
        "[Grp] Some Show - 01v2-04 [BDRip h264 1080p]",
        Map.of("episode", List.of(1, 2, 3, 4), "version", 2));
    reads(
        "[Grp] Some Show (Black) #1-4 (BS11 1280x720 x264 AAC).mp4",
        Map.of("title", "Some Show (Black)", "episode", List.of(1, 2, 3, 4)));
    reads(
        "Some_Show_Movies_8_&_10_[720p,BluRay,DTS,x264]_-_GRP",
        Map.of("title", "Some Show Movies", "episode", List.of(8, 10)));
    reads(
        "[Grp] Some Show - 07.5 - Drinking Party (BD 1080p AAC) [F7DF16F7].mkv",
        Map.of("episode", 7, "episode_title", "Drinking Party"));
    reads(
        "[Grp].Some.Show.-.02.5.(Special).[BD.1080p]",
        Map.of("episode", 2, "episode_details", "Special"));
  }

  @Test
  void theBracketInFrontIsTheTitleWhenNothingElseIs() {
    reads(
        "[Some Show].148.[Xvid.mp3].[FE68D5F1].avi", Map.of("title", "Some Show", "episode", 148));
    reads(
        "[Some Show HD REMASTER][07][Big5][720p][AVC_AAC][encoded by GRP].mp4",
        Map.of("title", "Some Show", "episode", 7, "release_group", "encoded by GRP"));
    reads("[Grp]No.6 01 [720p][H264][A956075C].mkv", Map.of("release_group", "Grp"));
    reads(
        "[Grp]_Some_Class_5-2_-_04.avi",
        Map.of("title", "Some Class 5-2", "episode", 4, "release_group", "Grp"));
    reads(
        "[Grp]_009-1_-_02_(H264)_[36D2444D].mkv",
        Map.of("title", "009-1", "episode", 2, "release_group", "Grp"));
  }

  @Test
  void twoTitlesBroadcastDaysAndSitesOfOtherCountries() {
    reads( // a slash between spaces joins two titles: no file system has it in a folder's name
        "[Grp] 葬送的芙莉莲 / Sousou no Frieren - 12 [WebRip 1080p HEVC-10bit AAC][简繁内封字幕].mkv",
        Map.of("title", "葬送的芙莉莲 / Sousou no Frieren", "episode", 12, "release_group", "Grp"));
    reads(
        "사랑의 불시착.E01.191214.1080p-NEXT.mp4",
        Map.of("episode", 1, "date", LocalDate.of(2019, 12, 14), "release_group", "NEXT"));
    reads(
        "Torrent9.cz - Some.Show.S03E01.FRENCH.WEBRip.x264.mkv",
        Map.of("title", "Some Show", "website", "Torrent9.cz", "season", 3));
    reads(
        "Star.Wars.Episode.IV.A.New.Hope.1977.1080p.BluRay.x264-GRP",
        Map.of("title", "Star Wars Episode IV A New Hope", "year", 1977));
    reads("Some.Movie.2019.720p.BluRay.x264-[YTS.LT].mp4", Map.of("release_group", "YTS.LT"));
    reads(
        "Some.Movie.1999.Special.Extended.Edition.1080p.BluRay.x264-GRP",
        Map.of("type", "movie", "edition", List.of("Special", "Extended")));
    Map<String, Object> got =
        id.identify("[Grp][葬送的芙莉莲][Sousou no Frieren][01][WebRip][1080P][简日双语]").properties();
    assertThat(got).containsEntry("episode", 1).doesNotContainKey("language"); // "no" is a word
  }

  @Test
  void tagsOfAnimeEncodersAndTheirBrackets() {
    reads(
        "[Grp] Some Show [01][Ma10p_1080p][x265_flac].mkv",
        Map.of("episode", 1, "video_profile", "Main 10", "screen_size", "1080p"));
    assertThat(id.identify("[Grp] Some Show [01][Ma10p_1080p][x265_flac].mkv").properties())
        .doesNotContainKey("episode_title");
    reads(
        "[Grp][Some_Show][49][GB][1080P][x264_AAC].mp4",
        Map.of("episode", 49, "subtitle_language", "zh", "title", "Some Show"));
    reads(
        "[Grp]Some Show_-_01_(Dual Audio_10bit_BD1080p_x265).mkv",
        Map.of("screen_size", "1080p", "source", "Blu-ray", "episode", 1));
    reads( // HR is also a tag: a word alone in front is still the group
        "[HR] Some Show 2nd Season - 11 [1080p][HEVC].mkv",
        Map.of("release_group", "HR", "title", "Some Show", "season", 2, "episode", 11));
    reads(
        "[Grp] Some Show Season 2 [05][AVC-8bit 1080p AAC][CHS].mp4",
        Map.of("season", 2, "episode", 5));
    reads(
        "[Grp] Some Show - 28 END [1080p] [AMZN].mkv",
        Map.of("episode", 28, "episode_details", "Final"));
  }

  @Test
  void releaseFoldersSpellBetterThanTheirLowerCaseFiles() {
    reads(
        "/dl/Some.Show.S02.1080p.WEB.h264-GRPNAME/some.show.s02e05.1080p.web.h264-grpname.mkv",
        Map.of("title", "Some Show", "release_group", "GRPNAME", "episode", 5));
    reads("/dl/Some Show S01/05.mkv", Map.of("title", "Some Show", "season", 1, "episode", 5));
    reads( // a number alone in a film's folder stays the film's title
        "/movies/21 (2008)/21.mkv", Map.of("type", "movie", "title", "21", "year", 2008));
  }

  @Test
  void volumesAndTheTitlesOwnBrackets() {
    reads(
        "[Grp] Some Show Vol.1&2 (BD 1080p 10bit FLAC)",
        Map.of("title", "Some Show", "volume", List.of(1, 2)));
    reads(
        "[Grp] Some Show Vol. 1v2 & Vol. 2 (BD 1280x720 x264 AAC)",
        Map.of("title", "Some Show", "volume", List.of(1, 2), "version", 2));
    reads(
        "Some_Film_1.11_You_Are_(Not)_Alone_(2009)_[1080p,BluRay,x264]_-_GRP.mkv",
        Map.of("title", "Some Film 1.11 You Are (Not) Alone", "year", 2009));
    reads("[Grp]Mezzo(DSA)_-_05_-_[x264_ogg]_[585d9971].mkv", Map.of("title", "Mezzo(DSA)"));
    reads("Show-A (US) - Episode Title S02E09 hdtv", Map.of("title", "Show-A", "country", "US"));
    reads("[Grp] Some Show (TV) - 02 [720p].mkv", Map.of("title", "Some Show", "episode", 2));
  }

  @Test
  void absoluteEpisodeNumbers() {
    reads("One Piece - 1071 [1080p].mkv", Map.of("title", "One Piece", "episode", 1071));
    assertThat(id.identify("One Piece - 1071 [1080p].mkv").properties())
        .doesNotContainKey("season");
    reads(
        "Naruto Shippuden 123 - 124.mkv",
        Map.of("title", "Naruto Shippuden", "episode", List.of(123, 124)));
  }

  @Test
  void theDayIsAnInputAndTheOnlyUseOfTheCalendar() {
    // DD.MM.YY, unless that day is still to come: then YY.MM.DD
    String name = "Show.25.06.30.mkv";
    assertThat(new Identifier(LocalDate.of(2026, 12, 1)).identify(name).date())
        .isEqualTo(LocalDate.of(2025, 6, 30));
    assertThat(new Identifier(LocalDate.of(2031, 1, 1)).identify(name).date())
        .isEqualTo(LocalDate.of(2030, 6, 25));
  }

  @Test
  void confidenceNamesItsDoubts() {
    Confidence sure = id.identify("Breaking.Bad.S01E02.720p.HDTV.x264-CTU.mkv").confidence();
    assertThat(sure.value()).isEqualTo(1.0);
    assertThat(sure.doubts()).isEmpty();
    Confidence movie = id.identify("Heat.mkv").confidence();
    assertThat(movie.value()).isLessThan(1.0);
    assertThat(movie.doubts()).containsExactly("a movie without a year");
    Confidence none = id.identify("1080p.x264.mkv").confidence();
    assertThat(none.value()).isLessThan(movie.value());
    assertThat(none.doubts()).contains("no title");
    assertThat(id.identify("[Group] Show [01].mkv").confidence().doubts())
        .containsExactly("an episode number without a season");
    assertThat(List.of(sure, movie, none)).allMatch(c -> c.value() >= 0 && c.value() <= 1);
  }
}
