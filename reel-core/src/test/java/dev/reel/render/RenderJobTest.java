package dev.reel.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reel.concurrent.StopToken;
import dev.reel.job.InvalidRequestException;
import dev.reel.job.JobFailedException;
import dev.reel.media.FileFacts;
import dev.reel.media.MediaProbe;
import dev.reel.media.ProbeDepth;
import dev.reel.media.ProbeOutcome;
import dev.reel.media.ffmpeg.FfmpegMediaEncoder;
import dev.reel.media.ffmpeg.FfmpegMediaProbe;
import dev.reel.progress.ProgressModel;
import dev.reel.testmedia.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderJobTest {
  @TempDir static Path dir;
  private static Path a;
  private static Path b;
  private static Path big;

  @BeforeAll
  static void media() {
    FfmpegMediaEncoder enc = new FfmpegMediaEncoder();
    a = TestMedia.of("mkv").seconds(12).size(320, 240).write(enc, dir.resolve("a.mkv"));
    b = TestMedia.of("mkv").seconds(12).size(320, 240).seed(5).write(enc, dir.resolve("b.mkv"));
    big = TestMedia.of("mkv").seconds(4).size(640, 480).write(enc, dir.resolve("big.mkv"));
  }

  /** Counts probes: every source must be probed once, however many clips use it. */
  private static final class RecordingProbe implements MediaProbe {
    final AtomicInteger calls = new AtomicInteger();
    final MediaProbe real = new FfmpegMediaProbe();

    @Override
    public ProbeOutcome probe(FileFacts file, ProbeDepth depth, Duration timeout) {
      calls.incrementAndGet();
      return real.probe(file, depth, timeout);
    }
  }

  private static TimelineClip clip(Path p, double s, double e, int n) {
    return new TimelineClip(p, s, e, "clip " + n);
  }

  @Test
  void aCopyRenderProbesEachSourceOnceKeepsTheOrderAndPlays() throws Exception {
    RecordingProbe probe = new RecordingProbe();
    List<String> warnings = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    Path out = dir.resolve("out.mkv");
    RenderRequest r =
        new RenderRequest(
            "t",
            List.of(
                clip(a, 2, 4, 1),
                clip(b, 6, 8.5, 2),
                clip(a, 9, 11, 3),
                clip(dir.resolve("gone.mkv"), 1, 2, 4)),
            out,
            false,
            2,
            Duration.ofSeconds(60),
            RenderRequest.Output.COPY);
    var summary =
        new RenderJob(dev.reel.render.FfmpegRenderParts.with(probe), warnings::add)
            .run(
                r,
                lines::add,
                new StopToken(),
                new ProgressModel("render", "clips", System::nanoTime));
    assertThat(probe.calls.get()).isEqualTo(3); // a, b and the missing one: once each
    assertThat(summary.ok()).isEqualTo(3);
    assertThat(summary.skipped()).isEqualTo(1);
    assertThat(warnings).anyMatch(w -> w.contains("clip 4") && w.contains("no such file"));
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).startsWith("clip 1  a.mkv");
    assertThat(lines.get(1)).startsWith("clip 2  b.mkv");
    assertThat(lines.get(2)).startsWith("clip 3  a.mkv");
    double expected = 0;
    for (int i = 0; i < 3; i++) {
      String[] range = lines.get(i).split("\\s+")[3].split("-");
      expected += Double.parseDouble(range[1]) - Double.parseDouble(range[0]);
    }
    ProbeOutcome o =
        new FfmpegMediaProbe()
            .probe(
                new FileFacts(out, Files.size(out), Files.getLastModifiedTime(out).toInstant()),
                ProbeDepth.DEEP,
                Duration.ofSeconds(10));
    assertThat(o).isInstanceOf(ProbeOutcome.Playable.class);
    assertThat(o.mediaInfo().orElseThrow().durationSeconds()).isCloseTo(expected, within(0.15));
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".out.mkv"));
    }
  }

  @Test
  void anEncodedRenderHasOneFormatTheSumOfItsClipsAndAudioWithIt() throws Exception {
    Path silent =
        TestMedia.of("mp4")
            .seconds(6)
            .size(200, 200)
            .fps(24)
            .noAudio()
            .write(new FfmpegMediaEncoder(), dir.resolve("silent.mp4"));
    Path out = dir.resolve("encoded.mp4");
    List<String> lines = new ArrayList<>();
    RenderRequest r =
        new RenderRequest(
            "t",
            List.of(
                clip(a, 2.2, 4.2, 1),
                clip(big, 1, 2.5, 2),
                clip(silent, 1, 3, 3),
                clip(b, 5, 6, 4)),
            out,
            false,
            2,
            Duration.ofSeconds(120),
            new RenderRequest.Output(dev.reel.media.ClipCutter.Mode.ENCODE, null, null, null));
    var summary =
        new RenderJob(dev.reel.render.FfmpegRenderParts.all(), w -> {})
            .run(
                r,
                lines::add,
                new StopToken(),
                new ProgressModel("render", "clips", System::nanoTime));
    assertThat(summary.ok()).isEqualTo(4);
    // the most common source size and rate: 320x240 at 25 fps (a and b)
    assertThat(lines.get(0))
        .startsWith("output: 320x240 at 25.000 fps (lib")
        .endsWith("), 48 kHz stereo AAC");
    ProbeOutcome o =
        new FfmpegMediaProbe()
            .probe(
                new FileFacts(out, Files.size(out), Files.getLastModifiedTime(out).toInstant()),
                ProbeDepth.DEEP,
                Duration.ofSeconds(10));
    assertThat(o).as(o.toString()).isInstanceOf(ProbeOutcome.Playable.class);
    var info = o.mediaInfo().orElseThrow();
    assertThat(info.videoStreams()).hasSize(1);
    assertThat(info.videoStreams().get(0).width()).isEqualTo(320);
    assertThat(info.videoStreams().get(0).height()).isEqualTo(240);
    assertThat(info.audioStreams()).hasSize(1);
    // 2 + 1.5 + 2 + 1 s, within one frame per segment
    assertThat(info.durationSeconds()).isCloseTo(6.5, within(4 * 0.04 + 0.03));
  }

  /** The tone's frequency in a range of a file's audio, from zero crossings. */
  private static double pitch(Path f, double from, double to) {
    double[] last = {0};
    long[] crossings = {0};
    long[] samples = {0};
    new dev.reel.media.ffmpeg.FfmpegAudioDecoder()
        .decode(
            f,
            from,
            to,
            48_000,
            (first, x, n) -> {
              for (int i = 0; i < n; i++) {
                if ((last[0] < 0) != (x[i] < 0)) {
                  crossings[0]++;
                }
                last[0] = x[i];
              }
              samples[0] += n;
            },
            () -> false);
    return crossings[0] / 2.0 / (samples[0] / 48_000.0);
  }

  @Test
  void segmentsKeepTheEditListsOrderWhateverFinishesFirst() throws Exception {
    FfmpegMediaEncoder enc = new FfmpegMediaEncoder();
    double[] hz = {300, 700, 1100, 500};
    List<TimelineClip> clips = new ArrayList<>();
    for (int i = 0; i < hz.length; i++) {
      Path src =
          TestMedia.of("mkv")
              .seconds(6)
              .size(160, 120)
              .envelope(dev.reel.testmedia.EnvelopeText.parse("tone:" + (int) hz[i] + ":-12"))
              .write(enc, dir.resolve("tone" + i + ".mkv"));
      // the first clip is the longest: it finishes last on two workers
      clips.add(clip(src, 1, i == 0 ? 5 : 2, i + 1));
    }
    Path out = dir.resolve("tones.mp4");
    new RenderJob(dev.reel.render.FfmpegRenderParts.all(), w -> {})
        .run(
            new RenderRequest(
                "t",
                clips,
                out,
                false,
                2,
                Duration.ofSeconds(120),
                new RenderRequest.Output(dev.reel.media.ClipCutter.Mode.ENCODE, null, null, null)),
            l -> {},
            new StopToken(),
            new ProgressModel("render", "clips", System::nanoTime));
    double[] starts = {0, 4, 5, 6};
    for (int i = 0; i < hz.length; i++) {
      double mid = starts[i] + 0.5;
      assertThat(pitch(out, mid - 0.2, mid + 0.2))
          .as("segment " + (i + 1))
          .isCloseTo(hz[i], within(hz[i] * 0.05));
    }
  }

  @Test
  void copyRefusesSourcesOfAnotherFormatAndNothingUsableFails() {
    Path out = dir.resolve("mixed.mkv");
    RenderJob job = new RenderJob(dev.reel.render.FfmpegRenderParts.all(), w -> {});
    RenderRequest mixed =
        new RenderRequest(
            "t",
            List.of(clip(a, 1, 2, 1), clip(big, 1, 2, 2)),
            out,
            false,
            2,
            Duration.ofSeconds(60),
            RenderRequest.Output.COPY);
    assertThatThrownBy(
            () ->
                job.run(
                    mixed,
                    l -> {},
                    new StopToken(),
                    new ProgressModel("render", "clips", System::nanoTime)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("clip 2 (big.mkv): h264 640x480");
    assertThat(out).doesNotExist();
    RenderRequest none =
        new RenderRequest(
            "t",
            List.of(clip(dir.resolve("x.mkv"), 1, 2, 1), clip(a, 50, 60, 2)),
            out,
            false,
            2,
            Duration.ofSeconds(60),
            RenderRequest.Output.COPY);
    assertThatThrownBy(
            () ->
                job.run(
                    none,
                    l -> {},
                    new StopToken(),
                    new ProgressModel("render", "clips", System::nanoTime)))
        .isInstanceOf(JobFailedException.class)
        .hasMessageContaining("no usable clip");
    assertThat(out).doesNotExist();
  }
}
