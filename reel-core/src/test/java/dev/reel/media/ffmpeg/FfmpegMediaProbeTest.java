package dev.reel.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reel.media.FileFacts;
import dev.reel.media.HdrTransfer;
import dev.reel.media.MediaInfo;
import dev.reel.media.ProbeDepth;
import dev.reel.media.ProbeOutcome;
import dev.reel.media.StreamInfo;
import dev.reel.testmedia.Breakage;
import dev.reel.testmedia.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class FfmpegMediaProbeTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static FfmpegMediaEncoder encoder;
  private static FfmpegMediaProbe probe;
  @TempDir static Path dir;

  @BeforeAll
  static void setUp() {
    encoder = new FfmpegMediaEncoder();
    probe = new FfmpegMediaProbe();
  }

  static ProbeOutcome probe(Path file, ProbeDepth depth) throws IOException {
    return probe.probe(
        new FileFacts(file, Files.size(file), Files.getLastModifiedTime(file).toInstant()),
        depth,
        TIMEOUT);
  }

  static MediaInfo playable(Path file, ProbeDepth depth) throws IOException {
    ProbeOutcome outcome = probe(file, depth);
    assertThat(outcome).as("outcome of %s", file).isInstanceOf(ProbeOutcome.Playable.class);
    return ((ProbeOutcome.Playable) outcome).info();
  }

  static Stream<Arguments> videoFiles() {
    return Stream.of(
        Arguments.of("mp4", "h264", "aac", "mov,mp4,m4a,3gp,3g2,mj2", 320, 240, 25.0, 48_000, 2),
        Arguments.of("mkv", "h264", "aac", "matroska,webm", 256, 144, 30.0, 44_100, 1),
        Arguments.of("webm", "vp9", "opus", "matroska,webm", 160, 120, 24.0, 48_000, 2),
        Arguments.of("avi", "mpeg4", "ac3", "avi", 320, 176, 25.0, 48_000, 2),
        Arguments.of("mov", "h264", "aac", "mov,mp4,m4a,3gp,3g2,mj2", 352, 288, 29.97, 32_000, 2),
        // no stream header: header mode must read packets, not call the file broken
        Arguments.of("mpg", "mpeg2video", "mp2", "mpeg", 352, 288, 25.0, 48_000, 2),
        Arguments.of("vob", "mpeg2video", "ac3", "mpeg", 320, 240, 25.0, 48_000, 2),
        Arguments.of("flv", "h264", "aac", "flv", 320, 240, 25.0, 44_100, 2));
  }

  @ParameterizedTest(name = "{0} ({1}+{2}) {4}x{5} at {6} fps")
  @MethodSource("videoFiles")
  void readsWhatTheGeneratorEncoded(
      String container,
      String vcodec,
      String acodec,
      String format,
      int w,
      int h,
      double fps,
      int rate,
      int channels)
      throws IOException {
    double seconds = 1.6;
    Path file =
        TestMedia.of(container)
            .size(w, h)
            .fps(fps)
            .seconds(seconds)
            .audio(rate, channels)
            .languages("fra", container.equals("mov") ? "eng" : "deu")
            .titles("Picture", "Sound")
            .write(encoder, dir.resolve("fields." + container));
    boolean programStream = format.equals("mpeg"); // its duration is estimated from the bit rate
    boolean tagged = !Set.of("avi", "mpg", "vob", "flv").contains(container);
    for (ProbeDepth depth : ProbeDepth.values()) {
      MediaInfo info = playable(file, depth);
      assertThat(info.container()).isEqualTo(format);
      assertThat(info.durationSeconds())
          .as(depth + " duration")
          .isCloseTo(seconds, within(1.0 / fps + (programStream ? 0.15 : 0.04)));
      assertThat(info.bitRate()).isPositive();
      assertThat(info.chapters()).isZero();
      assertThat(info.streams()).hasSize(2);
      StreamInfo.Video v = info.videoStreams().getFirst();
      assertThat(v.index()).isZero();
      assertThat(v.codec()).isEqualTo(vcodec);
      assertThat(v.width()).isEqualTo(w);
      assertThat(v.height()).isEqualTo(h);
      assertThat(v.frameRate()).isCloseTo(fps, within(0.01));
      // unsaid and not known to be 8-bit: only decoding tells, so header mode says unknown
      assertThat(v.hdr())
          .isEqualTo(
              depth == ProbeDepth.DEEP || v.bitDepth() != null
                  ? HdrTransfer.NONE
                  : HdrTransfer.UNKNOWN);
      assertThat(v.rotationDegrees()).isZero();
      StreamInfo.Audio a = info.audioStreams().getFirst();
      assertThat(a.index()).isEqualTo(1);
      assertThat(a.codec()).isEqualTo(acodec);
      assertThat(a.sampleRate()).isEqualTo(rate);
      assertThat(a.channels()).isEqualTo(channels);
      assertThat(a.channelLayout()).isEqualTo(channels == 1 ? "mono" : "stereo");
      if (tagged) { // AVI, MPEG-PS and FLV have no language tags
        assertThat(v.language()).isEqualTo("fra");
        // QuickTime stores Macintosh language codes, which have no "deu"
        assertThat(a.language()).isEqualTo(container.equals("mov") ? "eng" : "deu");
      }
      if (tagged && !container.equals("mp4") && !container.equals("mov")) { // nor titles
        assertThat(v.title()).isEqualTo("Picture");
        assertThat(a.title()).isEqualTo("Sound");
      }
      if (depth == ProbeDepth.DEEP || vcodec.equals("h264")) { // h264: from the avcC record
        assertThat(v.pixelFormat()).isEqualTo("yuv420p");
        assertThat(v.bitDepth()).isEqualTo(8);
        assertThat(v.profile()).isNotBlank();
      }
    }
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"mkv", "webm"})
  void readsSubtitleTracksAndChapters(String container) throws IOException {
    Path file =
        TestMedia.of(container)
            .seconds(3)
            .subtitle("eng", "Full", false)
            .subtitle("fra", "Forced", true)
            .chapters(3)
            .write(encoder, dir.resolve("subs." + container));
    for (ProbeDepth depth : ProbeDepth.values()) {
      MediaInfo info = playable(file, depth);
      assertThat(info.chapters()).isEqualTo(3);
      assertThat(info.subtitleStreams()).hasSize(2);
      StreamInfo.Subtitle full = info.subtitleStreams().get(0);
      StreamInfo.Subtitle forced = info.subtitleStreams().get(1);
      assertThat(full.codec()).isEqualTo(container.equals("mkv") ? "subrip" : "webvtt");
      assertThat(full.language()).isEqualTo("eng");
      assertThat(full.title()).isEqualTo("Full");
      assertThat(full.forced()).isFalse();
      assertThat(forced.language()).isEqualTo("fra");
      assertThat(forced.forced()).isTrue();
      assertThat(forced.index()).isEqualTo(3);
    }
  }

  @Test
  void readsChaptersInMp4() throws IOException {
    Path file =
        TestMedia.of("mp4").seconds(2).chapters(4).write(encoder, dir.resolve("chapters.mp4"));
    assertThat(playable(file, ProbeDepth.HEADER).chapters()).isEqualTo(4);
  }

  @Test
  void readsRotationFromTheDisplayMatrix() throws IOException {
    for (int degrees : new int[] {90, 180, 270}) {
      Path file =
          TestMedia.of("mp4")
              .seconds(0.4)
              .rotation(degrees)
              .write(encoder, dir.resolve("rot" + degrees + ".mp4"));
      assertThat(playable(file, ProbeDepth.HEADER).videoStreams().getFirst().rotationDegrees())
          .isEqualTo(degrees);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = HdrTransfer.class,
      names = {"PQ", "HLG"})
  void readsHdrTransfer(HdrTransfer hdr) throws IOException {
    Path file =
        TestMedia.of("mkv")
            .seconds(0.4)
            .hdr(hdr)
            .write(encoder, dir.resolve("hdr-" + hdr + ".mkv"));
    for (ProbeDepth depth : ProbeDepth.values()) {
      assertThat(playable(file, depth).videoStreams().getFirst().hdr()).isEqualTo(hdr);
    }
  }

  @ParameterizedTest
  @MethodSource("audioOnly")
  void readsAudioOnlyFiles(String container, String codec) throws IOException {
    Path file =
        TestMedia.of(container)
            .seconds(3)
            .audio(44_100, 2)
            .write(encoder, dir.resolve("audio." + container));
    for (ProbeDepth depth : ProbeDepth.values()) {
      MediaInfo info = playable(file, depth);
      assertThat(info.videoStreams()).isEmpty();
      assertThat(info.audioStreams())
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.codec()).isEqualTo(codec);
                assertThat(a.sampleRate()).isEqualTo(44_100);
                assertThat(a.channels()).isEqualTo(2);
              });
      assertThat(info.durationSeconds()).isCloseTo(3.0, within(0.05));
    }
  }

  static Stream<Arguments> audioOnly() {
    return Stream.of(
        Arguments.of("m4a", "aac"), Arguments.of("flac", "flac"), Arguments.of("wav", "pcm_s16le"));
  }

  @Test
  void makesAnHourOfAudioThatProbesAsAnHour() throws IOException {
    Path file =
        TestMedia.of("flac")
            .seconds(3600)
            .audio(16_000, 1)
            .write(encoder, dir.resolve("hour.flac"));
    assertThat(playable(file, ProbeDepth.HEADER).durationSeconds()).isCloseTo(3600.0, within(0.01));
  }

  static Stream<Arguments> brokenFiles() {
    return Stream.of(
        Arguments.of("mp4", new Breakage.Truncated(50), "truncated"),
        Arguments.of("mkv", new Breakage.Truncated(50), "truncated"),
        Arguments.of("mkv", new Breakage.Truncated(90), "truncated"),
        Arguments.of("avi", new Breakage.Truncated(60), "truncated"),
        Arguments.of("webm", new Breakage.Truncated(30), "truncated"),
        Arguments.of("mov", new Breakage.Truncated(95), "truncated"),
        Arguments.of("mp4", new Breakage.ZeroLength(), "empty file"),
        Arguments.of("mkv", new Breakage.RandomBytes(7), "invalid data"),
        Arguments.of("avi", new Breakage.RandomBytes(8), "invalid data"),
        Arguments.of("mp4", new Breakage.HeaderZeroed(4096), "invalid data"),
        Arguments.of("mkv", new Breakage.HeaderZeroed(4096), "invalid data"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("brokenFiles")
  void brokenFilesAreNotPlayableAndSayWhy(String container, Breakage breakage, String reason)
      throws IOException {
    Path file =
        TestMedia.of(container)
            .seconds(1)
            .broken(breakage)
            .write(
                encoder,
                Files.createTempFile(dir, "broken-", "." + container)
                    .resolveSibling("b-" + System.nanoTime() + "." + container));
    for (ProbeDepth depth : ProbeDepth.values()) {
      ProbeOutcome outcome = probe(file, depth);
      assertThat(outcome).isNotInstanceOf(ProbeOutcome.Playable.class);
      String error = outcome.problem().orElse("");
      assertThat(error).as(depth + " error").contains(reason).doesNotContain("\n");
    }
  }

  @Test
  void aFileThatIsNotThereIsUnreadable() {
    Path missing = dir.resolve("missing.mkv");
    ProbeOutcome outcome =
        probe.probe(
            new FileFacts(missing, 10, java.time.Instant.EPOCH), ProbeDepth.HEADER, TIMEOUT);
    assertThat(outcome)
        .isInstanceOfSatisfying(
            ProbeOutcome.Unreadable.class, u -> assertThat(u.error()).contains("no such file"));
  }

  @Test
  void aNameWithAColonIsReadAsAFileNotAProtocol() throws IOException {
    Path file = TestMedia.of("mkv").seconds(0.4).write(encoder, dir.resolve("Title: Part 2.mkv"));
    assertThat(playable(file, ProbeDepth.HEADER).videoStreams()).hasSize(1);
  }

  @Test
  void silentVideoIsPlayable() throws IOException {
    Path file =
        TestMedia.of("mp4").seconds(0.4).noAudio().write(encoder, dir.resolve("silent.mp4"));
    for (ProbeDepth depth : ProbeDepth.values()) {
      assertThat(playable(file, depth).audioStreams()).isEmpty();
    }
  }
}
