package dev.reel.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditListReaderTest {
  @TempDir Path dir;

  private void sameTimeline(List<TimelineClip> clips) {
    assertThat(clips).hasSize(3);
    assertThat(clips.get(0).source()).isEqualTo(dir.resolve("media/a.mp4"));
    assertThat(clips.get(0).startSeconds()).isCloseTo(1.0, within(1e-9));
    assertThat(clips.get(0).endSeconds()).isCloseTo(3.48, within(1e-9));
    assertThat(clips.get(1).source()).isEqualTo(dir.resolve("b.mkv"));
    assertThat(clips.get(1).startSeconds()).isCloseTo(62.0, within(1e-9));
    assertThat(clips.get(1).endSeconds()).isCloseTo(64.04, within(1e-9));
    assertThat(clips.get(2).source()).isEqualTo(dir.resolve("media/a.mp4"));
    assertThat(clips.get(2).startSeconds()).isCloseTo(10.0, within(1e-9));
    assertThat(clips.get(2).endSeconds()).isCloseTo(12.0, within(1e-9));
  }

  @Test
  void everyFormatReadsToTheSameTimeline() throws Exception {
    Path json = dir.resolve("t.json");
    // the seed's shape, listed out of order, ordered by position
    Files.writeString(
        json,
        "[{\"video_file\":\"media/a.mp4\",\"start\":10,\"end\":12,\"position\":3},"
            + "{\"video_file\":\"media/a.mp4\",\"start\":1,\"end\":3.48,\"position\":1},"
            + "{\"src\":\"b.mkv\",\"start\":\"00:01:02\",\"end\":\"1601f\",\"position\":2}]");
    sameTimeline(EditListReader.read(json, 25));
    Path csv = dir.resolve("t.csv");
    Files.writeString(
        csv,
        "src,start,end\nmedia/a.mp4,1,3.48\n\"b.mkv\",1:02,00:01:04.040\nmedia/a.mp4,250f,300f\n");
    sameTimeline(EditListReader.read(csv, 25));
    Path edl = dir.resolve("t.edl");
    Files.writeString(
        edl,
        "TITLE: test\nFCM: NON-DROP FRAME\n\n"
            + "001  AX       V     C        00:00:01:00 00:00:03:12 00:00:00:00 00:00:02:12\n"
            + "* FROM CLIP NAME: media/a.mp4\n"
            + "002  AX       V     C        00:01:02:00 00:01:04:01 00:00:02:12 00:00:04:13\n"
            + "002  AX       A     C        00:01:02:00 00:01:04:01 00:00:02:12 00:00:04:13\n"
            + "* FROM CLIP NAME: b.mkv\n"
            + "003  AX       V     C        00:00:10:00 00:00:12:00 00:00:04:13 00:00:06:13\n"
            + "* FROM CLIP NAME: media/a.mp4\n");
    sameTimeline(EditListReader.read(edl, 25));
    Path otio = dir.resolve("t.otio");
    Files.writeString(
        otio,
        "{\"OTIO_SCHEMA\":\"Timeline.1\",\"tracks\":{\"OTIO_SCHEMA\":\"Stack.1\",\"children\":[{"
            + "\"OTIO_SCHEMA\":\"Track.1\",\"kind\":\"Video\",\"children\":["
            + clip("media/a.mp4", 25, 25, 62)
            + ",{\"OTIO_SCHEMA\":\"Gap.1\"},"
            + clip(dir.resolve("b.mkv").toUri().toString(), 1550, 25, 51)
            + ","
            + clip("media/a.mp4", 250, 25, 50)
            + "]}]}}");
    sameTimeline(EditListReader.read(otio, 25));
  }

  private static String clip(String url, double start, double rate, double frames) {
    return "{\"OTIO_SCHEMA\":\"Clip.1\",\"source_range\":{\"OTIO_SCHEMA\":\"TimeRange.1\","
        + "\"start_time\":{\"OTIO_SCHEMA\":\"RationalTime.1\",\"value\":"
        + start
        + ",\"rate\":"
        + rate
        + "},"
        + "\"duration\":{\"OTIO_SCHEMA\":\"RationalTime.1\",\"value\":"
        + frames
        + ",\"rate\":"
        + rate
        + "}},"
        + "\"media_reference\":{\"OTIO_SCHEMA\":\"ExternalReference.1\",\"target_url\":\""
        + url
        + "\"}}";
  }

  @Test
  void badEditListsSayWhereAndWhat() throws Exception {
    Path edl = dir.resolve("bad.edl");
    Files.writeString(edl, "TITLE: x\n001  AX  V  C  00:00:01:00 00:00:02\n");
    assertThatThrownBy(() -> EditListReader.read(edl, 25))
        .hasMessageContaining("bad.edl:2")
        .hasMessageContaining("not a CMX 3600 event line");
    Path backwards = dir.resolve("back.csv");
    Files.writeString(backwards, "a.mp4,5,3\n");
    assertThatThrownBy(() -> EditListReader.read(backwards, 25))
        .hasMessageContaining("back.csv:1")
        .hasMessageContaining("start (5.0s) must be before end (3.0s)");
    Path empty = dir.resolve("empty.json");
    Files.writeString(empty, "[]");
    assertThatThrownBy(() -> EditListReader.read(empty, 25)).hasMessageContaining("has no clips");
    Path noSrc = dir.resolve("nosrc.json");
    Files.writeString(noSrc, "[{\"start\":1,\"end\":2}]");
    assertThatThrownBy(() -> EditListReader.read(noSrc, 25))
        .hasMessageContaining("clip 1")
        .hasMessageContaining("'video_file' or 'src'");
    Path time = dir.resolve("time.csv");
    Files.writeString(time, "a.mp4,soon,3\n");
    assertThatThrownBy(() -> EditListReader.read(time, 25))
        .hasMessageContaining("'soon' is not a time");
    Path tc = dir.resolve("tc.edl");
    Files.writeString(tc, "001  AX  V  C  00:00:01:29 00:00:02:00 00:00:00:00 00:00:01:00\n");
    assertThatThrownBy(() -> EditListReader.read(tc, 25)).hasMessageContaining("give --fps");
    Path notJson = dir.resolve("x.otio");
    Files.writeString(notJson, "{nope");
    assertThatThrownBy(() -> EditListReader.read(notJson, 25)).hasMessageContaining("is not JSON");
  }
}
