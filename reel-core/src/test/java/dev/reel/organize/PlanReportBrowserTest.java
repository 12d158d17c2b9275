package dev.reel.organize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML plan as a real browser (headless Chromium) reads it. */
class PlanReportBrowserTest {
  @TempDir Path dir;

  private static String chromium() {
    for (String c :
        List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
      if (Files.isExecutable(Path.of(c))) {
        return c;
      }
    }
    return null;
  }

  @Test
  void groupsByShowAndMovieAndEscapesHostileNames() throws Exception {
    String browser = chromium();
    assumeTrue(browser != null, "no Chromium here (.ci/run installs it)");
    Path lib = dir.resolve("lib");
    Instant t = Instant.parse("2024-01-01T00:00:00Z");
    List<PlannedAction> actions = new ArrayList<>();
    for (int e = 1; e <= 3; e++) {
      actions.add(
          new PlannedAction(
              ActionKind.EPISODE,
              Verb.MOVE,
              dir.resolve("in/Show.S01E0" + e + ".mkv"),
              lib.resolve("Show/Season 01/Show - s01e0" + e + ".mkv"),
              10,
              t,
              "Show",
              ""));
    }
    actions.add(
        new PlannedAction(
            ActionKind.MOVIE,
            Verb.MOVE,
            dir.resolve("in/<script>alert(1)</script>.2010.mkv"),
            lib.resolve("X (2010)/X (2010).mkv"),
            10,
            t,
            "<script>X</script> (2010)",
            ""));
    actions.add(
        new PlannedAction(
            ActionKind.UNKNOWN,
            Verb.NONE,
            dir.resolve("in/notes & things.mkv"),
            null,
            10,
            t,
            "",
            "the name says nothing about what it is"));
    Plan plan = new Plan(lib, Verb.MOVE, actions);
    Path html = dir.resolve("plan.html");
    PlanReport.write(plan, html);
    Process p =
        new ProcessBuilder(
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--dump-dom",
                html.toUri().toString())
            .redirectError(dir.resolve("chromium.err").toFile())
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String dom = new String(out, StandardCharsets.UTF_8);
    assertThat(dom)
        .as(Files.readString(dir.resolve("chromium.err")))
        .contains("reel organize plan");
    assertThat(count(dom, "<details class=\"group\">")).isEqualTo(2);
    assertThat(dom).contains("<summary>Show <span class=\"k\">(3)</span></summary>");
    // a name is text, never markup: no script element reached the page
    assertThat(dom).doesNotContain("<script>");
    assertThat(dom).contains("&lt;script&gt;X&lt;/script&gt; (2010)");
    assertThat(dom).contains("notes &amp; things.mkv");
    Matcher counts = Pattern.compile("<td>episode</td><td>(\\d+)</td>").matcher(dom);
    assertThat(counts.find()).isTrue();
    assertThat(counts.group(1)).isEqualTo("3");
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void csvQuotesWhatNeedsIt() throws IOException {
    Instant t = Instant.parse("2024-01-01T00:00:00Z");
    Plan plan =
        new Plan(
            dir,
            Verb.COPY,
            List.of(
                new PlannedAction(
                    ActionKind.MOVIE,
                    Verb.COPY,
                    dir.resolve("a, \"b\".mkv"),
                    dir.resolve("x/a.mkv"),
                    1,
                    t,
                    "A",
                    "")));
    assertThat(PlanReport.csv(plan).lines().skip(1).findFirst().orElseThrow())
        .contains("\"" + dir.resolve("a, \"\"b\"\".mkv") + "\"");
  }
}
