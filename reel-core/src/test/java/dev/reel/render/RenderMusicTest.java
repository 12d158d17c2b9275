package dev.reel.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reel.concurrent.StopToken;
import dev.reel.job.InvalidRequestException;
import dev.reel.media.ClipCutter;
import dev.reel.media.FileFacts;
import dev.reel.media.MediaInfo;
import dev.reel.media.ProbeDepth;
import dev.reel.media.Soundtrack;
import dev.reel.media.ffmpeg.FfmpegAudioDecoder;
import dev.reel.media.ffmpeg.FfmpegMediaEncoder;
import dev.reel.media.ffmpeg.FfmpegMediaProbe;
import dev.reel.progress.ProgressModel;
import dev.reel.testmedia.EnvelopeText;
import dev.reel.testmedia.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --music}, {@code --fade} and {@code --mix}: the music is what plays, where it should. */
class RenderMusicTest {
  @TempDir static Path dir;
  private static Path clips; // 300 Hz tone
  private static Path song; // 1000 Hz tone, 3 s: shorter than the timeline, so it loops

  @BeforeAll
  static void media() {
    FfmpegMediaEncoder enc = new FfmpegMediaEncoder();
    clips =
        TestMedia.of("mkv")
            .seconds(8)
            .size(160, 120)
            .envelope(EnvelopeText.parse("tone:300:-12"))
            .write(enc, dir.resolve("clips.mkv"));
    song =
        TestMedia.of("m4a")
            .noVideo()
            .seconds(3)
            .audio(44_100, 1)
            .envelope(EnvelopeText.parse("tone:1000:-12"))
            .write(enc, dir.resolve("song.m4a"));
  }

  private static RenderJob job() {
    return new RenderJob(dev.reel.render.FfmpegRenderParts.all(), w -> {});
  }

  private static Path render(String name, RenderRequest.Output output, Soundtrack.Music music)
      throws Exception {
    Path out = dir.resolve(name);
    job()
        .run(
            new RenderRequest(
                "t",
                List.of(
                    new TimelineClip(clips, 1, 3, "clip 1"),
                    new TimelineClip(clips, 4, 6.5, "clip 2")),
                out,
                false,
                2,
                Duration.ofSeconds(120),
                output,
                music,
                null,
                null),
            l -> {},
            new StopToken(),
            new ProgressModel("render", "clips", System::nanoTime));
    return out;
  }

  /** Power of a frequency in [from, to) of a file's audio (Goertzel over mono samples). */
  static double power(Path f, double hz, double from, double to) {
    List<Float> samples = new ArrayList<>();
    new FfmpegAudioDecoder()
        .decode(
            f,
            from,
            to,
            48_000,
            (first, x, n) -> {
              for (int i = 0; i < n; i++) {
                samples.add(x[i]);
              }
            },
            () -> false);
    double w = 2 * Math.PI * hz / 48_000;
    double s1 = 0;
    double s2 = 0;
    for (float x : samples) {
      double s0 = x + 2 * Math.cos(w) * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    double p = s1 * s1 + s2 * s2 - 2 * Math.cos(w) * s1 * s2;
    return p / Math.max(1, samples.size()) / Math.max(1, samples.size());
  }

  static MediaInfo info(Path f) throws Exception {
    return new FfmpegMediaProbe()
        .probe(
            new FileFacts(f, Files.size(f), Files.getLastModifiedTime(f).toInstant()),
            ProbeDepth.DEEP,
            Duration.ofSeconds(10))
        .mediaInfo()
        .orElseThrow();
  }

  @Test
  void theMusicReplacesTheClipsAudioLoopsFadesAndLastsAsLongAsThePictures() throws Exception {
    Path out =
        render(
            "replaced.mp4",
            new RenderRequest.Output(ClipCutter.Mode.ENCODE, null, null, null),
            new Soundtrack.Music(song, 0.5, null));
    // 4.5 s of timeline; the 3 s song plays again from 3 s on
    for (double at : new double[] {1.5, 3.8}) {
      assertThat(power(out, 1000, at - 0.2, at + 0.2))
          .as("music at %.1fs", at)
          .isGreaterThan(100 * power(out, 300, at - 0.2, at + 0.2));
    }
    double middle = power(out, 1000, 2.0, 2.2);
    assertThat(power(out, 1000, 0.0, 0.1)).isLessThan(middle / 4); // fading in
    assertThat(power(out, 1000, 4.4, 4.5)).isLessThan(middle / 4); // fading out
    MediaInfo i = info(out);
    assertThat(i.audioStreams()).hasSize(1);
    assertThat(i.audioStreams().get(0).sampleRate()).isEqualTo(48_000);
    assertThat(i.durationSeconds()).isCloseTo(4.5, within(0.1));
  }

  @Test
  void mixKeepsTheClipsAudioUnderTheMusicAndCopyModeKeepsItsVideo() throws Exception {
    Path out = render("mixed.mkv", RenderRequest.Output.COPY, new Soundtrack.Music(song, 0, 0.5));
    double music = power(out, 1000, 1.0, 1.4);
    double own = power(out, 300, 1.0, 1.4);
    assertThat(own).isGreaterThan(music / 10); // the clips' tone, at half its level: 1/4 the power
    assertThat(own).isLessThan(music);
    assertThat(info(out).videoStreams()).hasSize(1);
  }

  @Test
  void withBeatsEveryCutLandsOnABeatOfTheMusic() throws Exception {
    // 120 bpm, the first beat at 0.25 s: beats at 0.25 + 0.5 k
    Path clicks =
        TestMedia.of("m4a")
            .noVideo()
            .seconds(12)
            .envelope(EnvelopeText.parse("noise:-45,clicks:120:-6@0.25-12"))
            .write(new FfmpegMediaEncoder(), dir.resolve("clicks.m4a"));
    List<String> lines = new ArrayList<>();
    Path out = dir.resolve("beats.mp4");
    double[] lengths = {1.3, 0.9, 1.7};
    List<TimelineClip> timeline = new ArrayList<>();
    for (int i = 0; i < lengths.length; i++) {
      timeline.add(new TimelineClip(clips, 1, 1 + lengths[i], "clip " + (i + 1)));
    }
    job()
        .run(
            new RenderRequest(
                "t",
                timeline,
                out,
                false,
                2,
                Duration.ofSeconds(120),
                new RenderRequest.Output(ClipCutter.Mode.ENCODE, null, null, 25.0),
                new Soundtrack.Music(clicks, 0, null),
                clicks,
                null),
            lines::add,
            new StopToken(),
            new ProgressModel("render", "clips", System::nanoTime));
    String found = lines.stream().filter(l -> l.startsWith("beats: ")).findFirst().orElseThrow();
    assertThat(Double.parseDouble(found.split("\\s+")[3])).isCloseTo(120, within(2.0));
    double running = 0;
    int seen = 0;
    for (String l : lines) {
      if (!l.startsWith("clip ")) {
        continue;
      }
      String[] range = l.split("\\s+")[3].split("-");
      running += Double.parseDouble(range[1]) - Double.parseDouble(range[0]);
      double beats = (running - 0.25) / 0.5;
      assertThat(Math.abs(beats - Math.round(beats)) * 0.5)
          .as("cut %d at %.3fs", ++seen, running)
          .isLessThan(0.04 + 0.035);
    }
    assertThat(seen).isEqualTo(3);
    assertThat(info(out).durationSeconds()).isCloseTo(running, within(0.1));
  }

  @Test
  void musicThatIsNotAudioIsRefusedBeforeAnythingIsRendered() {
    Path text = dir.resolve("notes.txt");
    assertThatThrownBy(
            () -> {
              Files.writeString(text, "not music");
              render(
                  "never.mp4",
                  new RenderRequest.Output(ClipCutter.Mode.ENCODE, null, null, null),
                  new Soundtrack.Music(text, 0, null));
            })
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("cannot use")
        .hasMessageContaining("notes.txt");
    assertThat(dir.resolve("never.mp4")).doesNotExist();
  }
}
