package dev.reel.highlights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reel.media.AudioDecoder;
import dev.reel.media.ffmpeg.FfmpegAudioDecoder;
import dev.reel.media.ffmpeg.FfmpegMediaEncoder;
import dev.reel.testmedia.Breakage;
import dev.reel.testmedia.EnvelopeText;
import dev.reel.testmedia.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loudness and detection on recordings made by the fixture generator, bursts at known times. */
class LoudnessAnalysisTest {
  @TempDir static Path dir;
  private static final FfmpegMediaEncoder ENC = new FfmpegMediaEncoder();
  private static final ExecutorService POOL =
      Executors.newFixedThreadPool(2, r -> Thread.ofPlatform().daemon().unstarted(r));
  private static final Duration WINDOW = Duration.ofMillis(30);

  @AfterAll
  static void stop() {
    POOL.shutdownNow();
  }

  @BeforeAll
  static void mkdir() throws Exception {
    Files.createDirectories(dir);
  }

  private static Path audio(String name, String envelope, double seconds) {
    return TestMedia.of(name.substring(name.lastIndexOf('.') + 1))
        .seconds(seconds)
        .envelope(EnvelopeText.parse(envelope))
        .write(ENC, dir.resolve(name));
  }

  private static LoudnessAnalyzer.Outcome.Analysed analyse(Path f, int parts) {
    LoudnessAnalyzer.Outcome o =
        new LoudnessAnalyzer(new FfmpegAudioDecoder(), POOL, parts).analyse(f, WINDOW, () -> false);
    assertThat(o).isInstanceOf(LoudnessAnalyzer.Outcome.Analysed.class);
    return (LoudnessAnalyzer.Outcome.Analysed) o;
  }

  @Test
  void everyBurstOverNoiseIsFoundAtItsTimeAndNothingElse() {
    Path f = audio("bursts.m4a", "noise:-50,burst:12+2:-6,burst:33.5+1:-3,burst:47+3:-10", 60);
    LevelProfile p = analyse(f, 1).profile();
    assertThat(p.durationSeconds()).isCloseTo(60, within(0.1));
    List<Detection> found =
        new HighlightDetector(DetectorSettings.seed(p.autoThreshold())).detect(p);
    assertThat(found).hasSize(3);
    double[][] bursts = {{12, 14}, {33.5, 34.5}, {47, 50}};
    for (int i = 0; i < 3; i++) {
      Detection d = found.get(i);
      assertThat(d.startSeconds()).isCloseTo(bursts[i][0], within(0.1));
      assertThat(d.endSeconds()).isCloseTo(bursts[i][1], within(0.1));
      assertThat(d.peakSeconds()).isBetween(bursts[i][0] - 0.1, bursts[i][1]);
    }
    assertThat(found.get(1).peakDb()).isGreaterThan(found.get(2).peakDb());
  }

  @Test
  void theAutomaticThresholdFollowsQuietAndLoudRecordings() {
    Path quiet = audio("quiet.m4a", "noise:-55,burst:20+2:-35", 40);
    LevelProfile q = analyse(quiet, 1).profile();
    // an absolute -8 dBFS, the seed's default, finds nothing in a quiet recording
    assertThat(new HighlightDetector(DetectorSettings.seed(-8)).detect(q)).isEmpty();
    List<Detection> qa = new HighlightDetector(DetectorSettings.seed(q.autoThreshold())).detect(q);
    assertThat(qa).hasSize(1);
    assertThat(qa.get(0).startSeconds()).isCloseTo(20, within(0.1));

    Path loud = audio("loud.m4a", "tone:440:-12,burst:25+2:-1", 40);
    LevelProfile l = analyse(loud, 1).profile();
    // and an absolute -30 dBFS finds the whole of a loud one
    List<Detection> everything = new HighlightDetector(DetectorSettings.seed(-30)).detect(l);
    assertThat(everything).hasSize(1);
    assertThat(everything.get(0).endSeconds() - everything.get(0).startSeconds()).isGreaterThan(35);
    List<Detection> la = new HighlightDetector(DetectorSettings.seed(l.autoThreshold())).detect(l);
    assertThat(la).hasSize(1);
    assertThat(la.get(0).startSeconds()).isCloseTo(25, within(0.1));
  }

  @Test
  void aLongFileDecodedInTwoRangesGivesTheSameProfileAsOneDecode() {
    Path f = audio("long.m4a", "noise:-40,burst:70+2:-6,burst:100+1:-4", 180);
    float[] one = analyse(f, 1).profile().levels();
    float[] two = analyse(f, 2).profile().levels();
    assertThat(two.length).isEqualTo(one.length);
    double worst = 0;
    for (int i = 0; i < one.length; i++) {
      worst = Math.max(worst, Math.abs(one[i] - two[i]));
    }
    assertThat(worst).isLessThan(0.5);
  }

  @Test
  void aRangeStartsAtItsFirstSample() {
    Path f = audio("range.mkv", "tone:440:-20", 20);
    long[] firstAndCount = {-1, 0};
    AudioDecoder.Result r =
        new FfmpegAudioDecoder()
            .decode(
                f,
                10,
                11.0,
                48_000,
                (first, samples, n) -> {
                  if (firstAndCount[0] < 0) {
                    firstAndCount[0] = first;
                  }
                  firstAndCount[1] += n;
                },
                () -> false);
    assertThat(r).isInstanceOf(AudioDecoder.Result.Decoded.class);
    assertThat(firstAndCount[0]).isEqualTo(480_000);
    assertThat(firstAndCount[1]).isEqualTo(48_000);
  }

  @Test
  void filesWithoutAudioOrUnreadableSayWhat() throws Exception {
    Path silent =
        TestMedia.of("mp4").seconds(1).noAudio().write(ENC, dir.resolve("video-only.mp4"));
    LoudnessAnalyzer a = new LoudnessAnalyzer(new FfmpegAudioDecoder(), POOL, 2);
    assertThat(a.analyse(silent, WINDOW, () -> false))
        .isInstanceOf(LoudnessAnalyzer.Outcome.NoAudio.class);
    Path empty = Files.createFile(dir.resolve("empty.m4a"));
    assertThat(a.analyse(empty, WINDOW, () -> false))
        .isInstanceOf(LoudnessAnalyzer.Outcome.Failed.class);
    Path cut =
        TestMedia.of("m4a")
            .seconds(5)
            .broken(new Breakage.Truncated(40))
            .write(ENC, dir.resolve("cut.m4a"));
    LoudnessAnalyzer.Outcome o = a.analyse(cut, WINDOW, () -> false);
    assertThat(o)
        .isInstanceOfAny(
            LoudnessAnalyzer.Outcome.Failed.class, LoudnessAnalyzer.Outcome.Analysed.class);
  }

  @Test
  void momentaryLoudnessOfASineIsItsLevelMinusThreeDecibels() {
    // BS.1770: a 997 Hz sine at 0 dBFS peak in one channel reads -3.01 LUFS
    Path f =
        TestMedia.of("wav")
            .seconds(10)
            .audio(48_000, 1)
            .envelope(EnvelopeText.parse("tone:997:-20"))
            .write(ENC, dir.resolve("sine.wav"));
    LoudnessAnalyzer.Outcome o =
        new LoudnessAnalyzer(new FfmpegAudioDecoder(), POOL, 1)
            .analyse(f, WINDOW, LoudnessMeasure.LUFS, () -> false);
    float[] l = ((LoudnessAnalyzer.Outcome.Analysed) o).profile().levels();
    for (int i = 20; i < l.length - 1; i++) {
      assertThat((double) l[i]).isCloseTo(-23.01, within(0.1));
    }
    // K-weighting: a 40 Hz tone of the same level reads lower, a 4 kHz one higher
    Path low =
        TestMedia.of("wav")
            .seconds(5)
            .audio(48_000, 1)
            .envelope(EnvelopeText.parse("tone:40:-20"))
            .write(ENC, dir.resolve("low.wav"));
    Path high =
        TestMedia.of("wav")
            .seconds(5)
            .audio(48_000, 1)
            .envelope(EnvelopeText.parse("tone:4000:-20"))
            .write(ENC, dir.resolve("high.wav"));
    var a = new LoudnessAnalyzer(new FfmpegAudioDecoder(), POOL, 1);
    float[] lo =
        ((LoudnessAnalyzer.Outcome.Analysed)
                a.analyse(low, WINDOW, LoudnessMeasure.LUFS, () -> false))
            .profile()
            .levels();
    float[] hi =
        ((LoudnessAnalyzer.Outcome.Analysed)
                a.analyse(high, WINDOW, LoudnessMeasure.LUFS, () -> false))
            .profile()
            .levels();
    assertThat((double) lo[100]).isLessThan(-23.01 - 0.5);
    assertThat((double) hi[100]).isGreaterThan(-23.01 + 3);
  }

  @Test
  void lufsInTwoRangesIsTheSameAsInOne() {
    Path f = audio("long-lufs.m4a", "noise:-30,burst:80+2:-6", 150);
    var a = new LoudnessAnalyzer(new FfmpegAudioDecoder(), POOL, 1);
    var b = new LoudnessAnalyzer(new FfmpegAudioDecoder(), POOL, 2);
    float[] one =
        ((LoudnessAnalyzer.Outcome.Analysed)
                a.analyse(f, WINDOW, LoudnessMeasure.LUFS, () -> false))
            .profile()
            .levels();
    float[] two =
        ((LoudnessAnalyzer.Outcome.Analysed)
                b.analyse(f, WINDOW, LoudnessMeasure.LUFS, () -> false))
            .profile()
            .levels();
    assertThat(two.length).isEqualTo(one.length);
    double worst = 0;
    for (int i = 0; i < one.length; i++) {
      worst = Math.max(worst, Math.abs(one[i] - two[i]));
    }
    assertThat(worst).isLessThan(0.5);
  }

  @Test
  void aThresholdAboveFullScaleIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DetectorSettings.seed(5))
        .hasMessageContaining("above full scale");
  }
}
