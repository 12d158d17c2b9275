package dev.reel.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import dev.reel.media.ClipCutter;
import dev.reel.media.FileFacts;
import dev.reel.media.MediaInfo;
import dev.reel.media.ProbeDepth;
import dev.reel.media.ProbeOutcome;
import dev.reel.media.StreamInfo;
import dev.reel.testmedia.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegClipCutterTest {
  @TempDir Path dir;

  private static boolean firstVideoPacketIsKey(Path f) {
    try (InterruptDeadline d = InterruptDeadline.after(Duration.ofSeconds(10).toNanos());
        FormatContext fc = FormatContext.open(f.toString(), d);
        Packet p = Packet.allocate()) {
      fc.findStreamInfo();
      while (fc.readPacket(p) >= 0) {
        if (fc.raw().streams(p.streamIndex()).codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
          return (p.raw().flags() & AV_PKT_FLAG_KEY) != 0;
        }
        p.unref();
      }
      return false;
    }
  }

  /** The time of the last video keyframe at or before {@code t}, read from the file. */
  private static double keyframeAtOrBefore(Path f, double t) {
    try (InterruptDeadline d = InterruptDeadline.after(Duration.ofSeconds(10).toNanos());
        FormatContext fc = FormatContext.open(f.toString(), d);
        Packet p = Packet.allocate()) {
      fc.findStreamInfo();
      long st0 = fc.raw().start_time();
      double start = st0 == org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE ? 0 : st0 / 1e6;
      double best = -1;
      while (fc.readPacket(p) >= 0) {
        var st = fc.raw().streams(p.streamIndex());
        if (st.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO
            && (p.raw().flags() & AV_PKT_FLAG_KEY) != 0) {
          double at = p.raw().pts() * st.time_base().num() / (double) st.time_base().den() - start;
          if (at <= t + 1e-6) {
            best = Math.max(best, at);
          }
        }
        p.unref();
      }
      return best;
    }
  }

  @Test
  void aCopyClipStartsOnTheKeyframeBeforeItsStartAndPlays() throws Exception {
    for (String ext : new String[] {"mp4", "mkv"}) {
      Path src =
          TestMedia.of(ext)
              .seconds(20)
              .fps(25)
              .write(new FfmpegMediaEncoder(), dir.resolve("src." + ext));
      Path clip = dir.resolve("clip." + ext);
      ClipCutter.Result r =
          new FfmpegClipCutter()
              .cut(src, 7.3, 12.3, clip, ClipCutter.Mode.COPY, false, Duration.ofSeconds(30));
      assertThat(r).as(ext).isInstanceOf(ClipCutter.Result.Cut.class);
      ClipCutter.Result.Cut cut = (ClipCutter.Result.Cut) r;
      double key = keyframeAtOrBefore(src, 7.3);
      assertThat(key).isBetween(5.0, 7.3);
      assertThat(cut.startSeconds()).isCloseTo(key, within(0.001));
      assertThat(firstVideoPacketIsKey(clip)).isTrue();
      ProbeOutcome o =
          new FfmpegMediaProbe()
              .probe(
                  new FileFacts(
                      clip, Files.size(clip), Files.getLastModifiedTime(clip).toInstant()),
                  ProbeDepth.DEEP,
                  Duration.ofSeconds(10));
      assertThat(o).as(ext + ": " + o).isInstanceOf(ProbeOutcome.Playable.class);
      MediaInfo info = o.mediaInfo().orElseThrow();
      assertThat(info.durationSeconds()).isCloseTo(12.3 - key, within(0.1));
      assertThat(info.videoStreams()).hasSize(1);
      assertThat(info.audioStreams()).hasSize(1);
      assertThat(info.streams()).allMatch(s -> !(s instanceof StreamInfo.Data));
      assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.endsWith(".part"));
      // an existing clip is not replaced unless asked
      ClipCutter.Result again =
          new FfmpegClipCutter()
              .cut(src, 7.3, 12.3, clip, ClipCutter.Mode.COPY, false, Duration.ofSeconds(30));
      assertThat(again).isInstanceOf(ClipCutter.Result.Failed.class);
      assertThat(((ClipCutter.Result.Failed) again).error()).contains("exists");
    }
  }

  @Test
  void anEncodedClipIsFrameAccurateWithAudioAndVideoOfOneLength() throws Exception {
    Path src =
        TestMedia.of("mp4")
            .seconds(20)
            .fps(25)
            .write(new FfmpegMediaEncoder(), dir.resolve("src-e.mp4"));
    Path clip = dir.resolve("clip-e.mp4");
    ClipCutter.Result r =
        new FfmpegClipCutter()
            .cut(src, 7.3, 12.3, clip, ClipCutter.Mode.ENCODE, false, Duration.ofSeconds(60));
    assertThat(r).as(r.toString()).isInstanceOf(ClipCutter.Result.Cut.class);
    assertThat(((ClipCutter.Result.Cut) r).startSeconds()).isEqualTo(7.3);
    assertThat(firstVideoPacketIsKey(clip)).isTrue();
    ProbeOutcome o =
        new FfmpegMediaProbe()
            .probe(
                new FileFacts(clip, Files.size(clip), Files.getLastModifiedTime(clip).toInstant()),
                ProbeDepth.DEEP,
                Duration.ofSeconds(10));
    assertThat(o).as(o.toString()).isInstanceOf(ProbeOutcome.Playable.class);
    // within one frame of the wanted 5 s
    assertThat(o.mediaInfo().orElseThrow().durationSeconds()).isCloseTo(5.0, within(0.04 + 0.001));
    double[] lengths = streamLengths(clip);
    assertThat(lengths[0]).as("video").isCloseTo(5.0, within(0.041));
    assertThat(Math.abs(lengths[0] - lengths[1])).as("audio against video").isLessThan(0.05);
  }

  /** The video and audio lengths of a file, from its packets' timestamps and durations. */
  private static double[] streamLengths(Path f) {
    try (InterruptDeadline d = InterruptDeadline.after(Duration.ofSeconds(10).toNanos());
        FormatContext fc = FormatContext.open(f.toString(), d);
        Packet p = Packet.allocate()) {
      fc.findStreamInfo();
      double[] end = new double[2];
      double[] start = {Double.MAX_VALUE, Double.MAX_VALUE};
      while (fc.readPacket(p) >= 0) {
        var st = fc.raw().streams(p.streamIndex());
        int k = st.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO ? 0 : 1;
        double tb = st.time_base().num() / (double) st.time_base().den();
        double t0 = p.raw().pts() * tb;
        start[k] = Math.min(start[k], t0);
        end[k] = Math.max(end[k], t0 + p.raw().duration() * tb);
        p.unref();
      }
      return new double[] {end[0] - start[0], end[1] - start[1]};
    }
  }

  @Test
  void aNormalisedSegmentHasTheFormatsSizeRateAndAudioEvenWithoutAudio() throws Exception {
    FfmpegMediaEncoder enc = new FfmpegMediaEncoder();
    Path withAudio =
        TestMedia.of("mkv").seconds(10).fps(25).size(320, 240).write(enc, dir.resolve("n1.mkv"));
    Path silent =
        TestMedia.of("mp4")
            .seconds(10)
            .fps(24)
            .size(200, 200)
            .noAudio()
            .write(enc, dir.resolve("n2.mp4"));
    dev.reel.media.SegmentFormat fmt = new dev.reel.media.SegmentFormat(640, 360, 30, 1, 48_000, 2);
    for (Path src : new Path[] {withAudio, silent}) {
      Path seg = dir.resolve("seg-" + src.getFileName() + ".mp4");
      ClipCutter.Result r =
          EncodedCut.cut(
              src,
              2.2,
              7.2,
              seg,
              dir.resolve(".tmp-" + src.getFileName() + ".mp4"),
              Duration.ofSeconds(60),
              fmt,
              null);
      assertThat(r).as(r.toString()).isInstanceOf(ClipCutter.Result.Cut.class);
      Files.move(dir.resolve(".tmp-" + src.getFileName() + ".mp4"), seg);
      ProbeOutcome o =
          new FfmpegMediaProbe()
              .probe(
                  new FileFacts(seg, Files.size(seg), Files.getLastModifiedTime(seg).toInstant()),
                  ProbeDepth.DEEP,
                  Duration.ofSeconds(10));
      assertThat(o).as(o.toString()).isInstanceOf(ProbeOutcome.Playable.class);
      MediaInfo info = o.mediaInfo().orElseThrow();
      StreamInfo.Video v = info.videoStreams().get(0);
      assertThat(v.width()).isEqualTo(640);
      assertThat(v.height()).isEqualTo(360);
      assertThat(v.frameRate()).isCloseTo(30.0, within(0.01));
      assertThat(info.audioStreams()).hasSize(1);
      assertThat(info.audioStreams().get(0).sampleRate()).isEqualTo(48_000);
      assertThat(info.audioStreams().get(0).channels()).isEqualTo(2);
      double[] lengths = streamLengths(seg);
      assertThat(lengths[0]).as("video of " + src).isCloseTo(5.0, within(0.034));
      assertThat(Math.abs(lengths[0] - lengths[1]))
          .as("audio against video of " + src)
          .isLessThan(0.05);
    }
  }
}
