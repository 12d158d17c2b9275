package dev.reel.organize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.concurrent.StopToken;
import dev.reel.media.ffmpeg.FfmpegMediaEncoder;
import dev.reel.media.ffmpeg.FfmpegMediaProbe;
import dev.reel.probe.ProbeCache;
import dev.reel.progress.ProgressModel;
import dev.reel.testmedia.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrganizeJobTest {
  @TempDir Path dir;

  /** A refiner that knows one show's canonical name and records what it was asked. */
  private static final class FakeRefiner implements SubjectRefiner {
    final List<Set<Subject>> asked = new ArrayList<>();

    @Override
    public Map<Subject, Subject> refine(Set<Subject> subjects, StopToken stop) {
      asked.add(Set.copyOf(subjects));
      Map<Subject, Subject> m = new HashMap<>();
      for (Subject s : subjects) {
        if ("Show Name".equals(s.title())) {
          m.put(
              s,
              new Subject(
                  s.kind(),
                  "The Show Name",
                  2019,
                  s.season(),
                  s.episodes(),
                  s.date(),
                  "Episode " + s.episodes().get(0),
                  s.edition(),
                  s.part(),
                  s.extra(),
                  s.screenSize(),
                  null));
        }
      }
      return m;
    }
  }

  @Test
  void aRefinerIsAskedOnceWithEveryDistinctSubjectBeforeTargetsAreNamed() throws Exception {
    FfmpegMediaEncoder enc = new FfmpegMediaEncoder();
    Path in = Files.createDirectories(dir.resolve("in"));
    for (String n : List.of("Show.Name.S01E01.mkv", "Show.Name.S01E02.mkv", "Other.2010.mkv")) {
      TestMedia.of("mkv").seconds(0.2).seed(n.hashCode()).write(enc, in.resolve(n));
    }
    assertThat(Files.exists(in.resolve("Other.2010.mkv"))).isTrue();
    Path lib = dir.resolve("lib");
    OrganizeRequest request =
        new OrganizeRequest(
            List.of(in),
            lib,
            Naming.of(Layout.PLEX, SafeNames.WINDOWS, false),
            Verb.MOVE,
            OnConflict.SKIP,
            null,
            null,
            false,
            new OrganizeRequest.Scan(2, Duration.ofSeconds(30), false));
    FakeRefiner refiner = new FakeRefiner();
    Plan plan =
        new OrganizeJob(new FfmpegMediaProbe(), ProbeCache.NONE, null, w -> {}, System::nanoTime)
            .refiningWith(refiner)
            .plan(
                request, new StopToken(), new ProgressModel("organize", "files", System::nanoTime));
    assertThat(refiner.asked).hasSize(1);
    assertThat(refiner.asked.get(0)).hasSize(3);
    List<String> targets =
        plan.actions().stream().map(a -> lib.relativize(a.target()).toString()).sorted().toList();
    assertThat(targets)
        .containsExactly(
            "Other (2010)/Other (2010).mkv",
            "The Show Name (2019)/Season 01/The Show Name (2019) - s01e01 - Episode 1.mkv",
            "The Show Name (2019)/Season 01/The Show Name (2019) - s01e02 - Episode 2.mkv");
  }
}
