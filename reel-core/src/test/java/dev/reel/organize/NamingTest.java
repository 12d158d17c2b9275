package dev.reel.organize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.identify.Identifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamingTest {
  private static final Identifier ID = new Identifier(java.time.LocalDate.of(2026, 12, 1));

  private static String plex(String name) {
    return plex(name, false);
  }

  private static String plex(String name, boolean versions) {
    Subject s = Subject.of(ID.identify(name));
    Quality q = new Quality(true, 1080, false, "hevc", 8_000_000, 6, 1);
    return new TargetNamer(Naming.of(Layout.PLEX, SafeNames.WINDOWS, versions))
        .mainTarget(s, q, Sidecars.ext(name));
  }

  @Test
  void plexNamesEpisodesAndMoviesAsItsGuideSays() {
    assertThat(plex("Show.Name.2010.S01E02.Title.Here.720p.mkv"))
        .isEqualTo("Show Name (2010)/Season 01/Show Name (2010) - s01e02 - Title Here.mkv");
    assertThat(plex("Show.S01E02E03.mkv")).isEqualTo("Show/Season 01/Show - s01e02-e03.mkv");
    assertThat(plex("Show.S00E05.mkv")).startsWith("Show/Season 00/Show - s00e05");
    assertThat(plex("Daily.Show.2024.03.14.Guest.mkv"))
        .isEqualTo("Daily Show/Season 2024/Daily Show - 2024-03-14 - Guest.mkv");
    assertThat(plex("Movie.2010.Part.2.mkv")).isEqualTo("Movie (2010)/Movie (2010) - pt2.mkv");
    assertThat(plex("Movie.2010.EXTENDED.mkv"))
        .isEqualTo("Movie (2010)/Movie (2010) {edition-Extended}.mkv");
    assertThat(plex("Movie.2010.mkv", true)).isEqualTo("Movie (2010)/Movie (2010) - 1080p.mkv");
  }

  @Test
  void templatesPadDropEmptyPartsAndEscapeBraces() {
    NameTemplate t = NameTemplate.parse("{title}[ ({year})] {{x}} [[{season:3}]]");
    assertThat(t.render(new NameTemplate.Values(Map.of("title", "A", "season", 7)), s -> s))
        .isEqualTo("A {x} [007]");
    assertThat(
            NameTemplate.parse("E{episode_range:2}")
                .render(new NameTemplate.Values(Map.of("episode_range", List.of(1, 2, 3))), s -> s))
        .isEqualTo("E01-E03");
    assertThatThrownBy(() -> NameTemplate.parse("{title")).hasMessageContaining("'{' without '}'");
    assertThatThrownBy(() -> NameTemplate.parse("[{title}"))
        .hasMessageContaining("'[' without ']'");
    assertThatThrownBy(() -> NameTemplate.parse("{title:x}")).hasMessageContaining("padding");
    assertThatThrownBy(() -> NameTemplate.parse("{nope}"))
        .hasMessageContaining("unknown token {nope}");
  }

  @Test
  void namesAreSafeOnWindowsSharesAndCappedAt255Bytes() {
    assertThat(SafeNames.WINDOWS.component("Star Wars: A New Hope", ".mkv"))
        .isEqualTo("Star Wars - A New Hope.mkv");
    assertThat(SafeNames.WINDOWS.component("What If...?", "")).isEqualTo("What If");
    assertThat(SafeNames.WINDOWS.component("AC/DC \"Live\" <1991> | *", ".mkv"))
        .isEqualTo("AC-DC 'Live' 1991 -.mkv");
    assertThat(SafeNames.WINDOWS.component("CON", ".mkv")).isEqualTo("CON_.mkv");
    assertThat(SafeNames.WINDOWS.component("..", "")).isEqualTo("_");
    assertThat(SafeNames.POSIX.component("a:b?c\nd", ".mkv")).isEqualTo("a:b?c d.mkv");
    String longName = "\u6f22".repeat(200); // 600 bytes of UTF-8
    String safe = SafeNames.WINDOWS.component(longName, ".en.forced.srt");
    assertThat(safe.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
    assertThat(safe).endsWith(".en.forced.srt").startsWith("\u6f22\u6f22");
  }

  @Test
  void subtitleTagsAreReadFromNames() {
    assertThat(Sidecars.subtitleTags("2_English")).isEqualTo(".en");
    assertThat(Sidecars.subtitleTags("French.Forced")).isEqualTo(".fr.forced");
    assertThat(Sidecars.subtitleTags("eng.SDH")).isEqualTo(".en.sdh");
    assertThat(Sidecars.subtitleTags("3")).isEmpty();
  }

  @Test
  void qualityRanksResolutionThenHdrThenCodec() {
    Quality sd = new Quality(true, 480, false, "h264", 9_000_000, 2, 10);
    Quality hd = new Quality(true, 1080, false, "h264", 5_000_000, 2, 10);
    Quality hdr = new Quality(true, 1080, true, "h264", 5_000_000, 2, 10);
    Quality hevc = new Quality(true, 1080, true, "hevc", 4_000_000, 2, 10);
    Quality broken = new Quality(false, 2160, true, "av1", 9_000_000, 8, 10);
    List<Quality> sorted = new java.util.ArrayList<>(List.of(sd, broken, hd, hevc, hdr));
    sorted.sort(Quality.BEST_FIRST);
    assertThat(sorted).containsExactly(hevc, hdr, hd, sd, broken);
  }
}
