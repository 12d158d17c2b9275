package dev.reel.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reel.concurrent.StopToken;
import dev.reel.media.ClipCutter;
import dev.reel.media.VideoEncoding;
import dev.reel.media.ffmpeg.FfmpegMediaEncoder;
import dev.reel.progress.ProgressModel;
import dev.reel.testmedia.EnvelopeText;
import dev.reel.testmedia.TestMedia;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --crossfade}: each clip fades into the next, pictures and sound. */
class RenderCrossfadeTest {
  @TempDir Path dir;

  @Test
  void clipsOverlapByTheFadeAndBothAreHeardInIt() throws Exception {
    FfmpegMediaEncoder enc = new FfmpegMediaEncoder();
    Path low =
        TestMedia.of("mkv")
            .seconds(6)
            .size(160, 120)
            .envelope(EnvelopeText.parse("tone:300:-12"))
            .write(enc, dir.resolve("low.mkv"));
    Path high =
        TestMedia.of("mp4")
            .seconds(6)
            .size(320, 180) // another shape: letterboxed into the output first
            .seed(9)
            .envelope(EnvelopeText.parse("tone:900:-12"))
            .write(enc, dir.resolve("high.mp4"));
    Path out = dir.resolve("faded.mp4");
    List<String> lines = new ArrayList<>();
    new RenderJob(dev.reel.render.FfmpegRenderParts.all(), w -> {})
        .run(
            new RenderRequest(
                "t",
                List.of(
                    new TimelineClip(low, 1, 4, "clip 1"), new TimelineClip(high, 1, 4, "clip 2")),
                out,
                false,
                2,
                Duration.ofSeconds(120),
                new RenderRequest.Output(
                    ClipCutter.Mode.ENCODE, 160, 120, 25.0, VideoEncoding.DEFAULT, 0.8)),
            lines::add,
            new StopToken(),
            new ProgressModel("render", "clips", System::nanoTime));
    assertThat(lines).contains("crossfade 1-2  0.800s");
    // 3 + 3 s, overlapping by 0.8 s: the fade runs from 2.2 s to 3.0 s
    assertThat(RenderMusicTest.info(out).durationSeconds()).isCloseTo(5.2, within(0.1));
    double lowBefore = RenderMusicTest.power(out, 300, 1.0, 1.6);
    double highAfter = RenderMusicTest.power(out, 900, 3.6, 4.2);
    assertThat(RenderMusicTest.power(out, 900, 1.0, 1.6)).isLessThan(lowBefore / 100);
    assertThat(RenderMusicTest.power(out, 300, 3.6, 4.2)).isLessThan(highAfter / 100);
    // in the middle of the fade both are heard, each at about half its level
    double lowIn = RenderMusicTest.power(out, 300, 2.45, 2.75);
    double highIn = RenderMusicTest.power(out, 900, 2.45, 2.75);
    assertThat(lowIn).isBetween(lowBefore / 30, lowBefore / 1.5);
    assertThat(highIn).isBetween(highAfter / 30, highAfter / 1.5);
  }

  @Test
  void copyModeRefusesCrossfades() {
    assertThatThrownBy(
            () ->
                new RenderRequest.Output(
                    ClipCutter.Mode.COPY, null, null, null, VideoEncoding.DEFAULT, 0.5))
        .hasMessageContaining("--crossfade needs --mode encode");
  }
}
