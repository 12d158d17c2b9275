package dev.reel.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import dev.reel.media.ClipCutter;
import dev.reel.media.TimelineCopier;
import dev.reel.testmedia.TestMedia;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegTimelineCopierTest {
  @TempDir static Path dir;
  private static Path a;
  private static Path b;
  private static Path other;

  @BeforeAll
  static void media() {
    FfmpegMediaEncoder enc = new FfmpegMediaEncoder();
    a = TestMedia.of("mkv").seconds(10).size(320, 240).write(enc, dir.resolve("a.mkv"));
    b = TestMedia.of("mkv").seconds(10).size(320, 240).seed(3).write(enc, dir.resolve("b.mkv"));
    other = TestMedia.of("mkv").seconds(4).size(352, 288).write(enc, dir.resolve("other.mkv"));
  }

  /** A video packet: its time in the file (from the file's start) and a CRC of its bytes. */
  private record VideoPacket(double seconds, boolean key, long crc) {}

  private static List<VideoPacket> videoPackets(Path f) {
    List<VideoPacket> out = new ArrayList<>();
    try (InterruptDeadline d = InterruptDeadline.after(Duration.ofSeconds(20).toNanos());
        FormatContext fc = FormatContext.open(f.toString(), d);
        Packet p = Packet.allocate()) {
      fc.findStreamInfo();
      long st0 = fc.raw().start_time();
      double start = st0 == org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE ? 0 : st0 / 1e6;
      while (fc.readPacket(p) >= 0) {
        AVStream st = fc.raw().streams(p.streamIndex());
        if (st.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO) {
          byte[] bytes = new byte[p.raw().size()];
          p.raw().data().get(bytes);
          CRC32 crc = new CRC32();
          crc.update(bytes);
          out.add(
              new VideoPacket(
                  p.raw().pts() * st.time_base().num() / (double) st.time_base().den() - start,
                  (p.raw().flags() & AV_PKT_FLAG_KEY) != 0,
                  crc.getValue()));
        }
        p.unref();
      }
    }
    return out;
  }

  /** The source's packets of {@code [from, to)}, as the copier reported the range. */
  private static List<Long> crcs(Path source, double from, double to) {
    return videoPackets(source).stream()
        .filter(v -> v.seconds() >= from - 0.0005 && v.seconds() < to - 0.0005)
        .map(VideoPacket::crc)
        .toList();
  }

  @Test
  void copiesEveryClipInOnePassFromAKeyframeWithThePacketsUntouched() {
    FfmpegTimelineCopier copier = new FfmpegTimelineCopier();
    List<TimelineCopier.Piece> pieces =
        List.of(
            new TimelineCopier.Piece(a, 2.3, 4),
            new TimelineCopier.Piece(b, 6.1, 8.5),
            new TimelineCopier.Piece(other, 1, 2),
            new TimelineCopier.Piece(a, 7, 9));
    List<ClipCutter.Result> results = new ArrayList<>(List.of(f(), f(), f(), f()));
    Path out = dir.resolve(".out.mkv.part");
    double seconds =
        copier.copy(pieces, out, "out.mkv", Duration.ofSeconds(30), () -> false, results::set);

    assertThat(copier.opens()).isEqualTo(3); // a once, though two clips use it
    assertThat(results.get(2))
        .isInstanceOfSatisfying(
            ClipCutter.Result.Failed.class,
            x -> assertThat(x.error()).contains("352x288").contains("320x240"));
    List<Long> expected = new ArrayList<>();
    double sum = 0;
    for (int i : new int[] {0, 1, 3}) {
      ClipCutter.Result.Cut cut = (ClipCutter.Result.Cut) results.get(i);
      TimelineCopier.Piece p = pieces.get(i);
      // the clip starts on a keyframe of its source at or before the wanted start
      assertThat(cut.startSeconds()).isLessThanOrEqualTo(p.fromSeconds());
      assertThat(videoPackets(p.source()))
          .anyMatch(v -> v.key() && Math.abs(v.seconds() - cut.startSeconds()) < 0.001);
      assertThat(cut.endSeconds()).isEqualTo(p.toSeconds());
      expected.addAll(crcs(p.source(), cut.startSeconds(), p.toSeconds()));
      sum += cut.endSeconds() - cut.startSeconds();
    }
    // no re-encode: the output's video packets are the sources' own, byte for byte, in order
    List<VideoPacket> written = videoPackets(out);
    assertThat(written.stream().map(VideoPacket::crc).toList()).isEqualTo(expected);
    assertThat(seconds).isCloseTo(sum, org.assertj.core.api.Assertions.within(0.1));
    for (int i = 1; i < written.size(); i++) {
      assertThat(written.get(i).seconds()).isGreaterThan(written.get(i - 1).seconds());
    }
  }

  @Test
  void saysWhyWhenNothingCouldBeCopied() {
    FfmpegTimelineCopier copier = new FfmpegTimelineCopier();
    List<ClipCutter.Result> results = new ArrayList<>(List.of(f()));
    assertThatThrownBy(
            () ->
                copier.copy(
                    List.of(new TimelineCopier.Piece(dir.resolve("gone.mkv"), 0, 1)),
                    dir.resolve(".none.mkv.part"),
                    "none.mkv",
                    Duration.ofSeconds(5),
                    () -> false,
                    results::set))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no clip could be copied");
    assertThat(results.get(0)).isInstanceOf(ClipCutter.Result.Failed.class);
  }

  @Test
  void rescalesTimestampsAsFfmpegDoes() {
    // 1/12800 to 1/1000 (mp4 video ticks to Matroska's milliseconds), and back
    assertThat(FfmpegTimelineCopier.rescale(12_800, 1000, 12_800)).isEqualTo(1000);
    assertThat(FfmpegTimelineCopier.rescale(64, 1000, 12_800)).isEqualTo(5); // 5.0
    assertThat(FfmpegTimelineCopier.rescale(70, 1000, 12_800)).isEqualTo(5); // 5.47
    assertThat(FfmpegTimelineCopier.rescale(32, 1000, 12_800)).isEqualTo(3); // 2.5: away from 0
    assertThat(FfmpegTimelineCopier.rescale(-32, 1000, 12_800)).isEqualTo(-3);
    assertThat(FfmpegTimelineCopier.rescale(7, 1, 1)).isEqualTo(7);
    // a product past 2^63 still comes out right
    assertThat(FfmpegTimelineCopier.rescale(Long.MAX_VALUE / 4, 8, 16))
        .isEqualTo(Long.MAX_VALUE / 8 + 1);
  }

  private static ClipCutter.Result f() {
    return new ClipCutter.Result.Failed("not reported");
  }
}
