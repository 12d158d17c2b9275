package dev.reel.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerExtentTest {
  @TempDir Path dir;

  private Path write(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  private static byte[] boxes(int... sizesAndTypes) {
    ByteBuffer b = ByteBuffer.allocate(4096);
    String[] types = {"ftyp", "moov", "mdat"};
    for (int i = 0; i < sizesAndTypes.length; i++) {
      int size = sizesAndTypes[i];
      b.putInt(size).put(types[i % 3].getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      b.put(new byte[size - 8]);
    }
    byte[] out = new byte[b.position()];
    b.flip().get(out);
    return out;
  }

  @Test
  void wholeBoxSequenceIsNotTruncated() throws IOException {
    byte[] whole = boxes(24, 100, 500);
    Path p = write("whole.mp4", whole);
    assertThat(ContainerExtent.findTruncation(p, whole.length)).isEmpty();
  }

  @Test
  void cutBoxIsReportedWithItsNameAndTheMissingBytes() throws IOException {
    byte[] whole = boxes(24, 100, 500);
    byte[] cut = java.util.Arrays.copyOf(whole, 400);
    Path p = write("cut.mp4", cut);
    assertThat(ContainerExtent.findTruncation(p, cut.length))
        .hasValueSatisfying(m -> assertThat(m).contains("'mdat'").contains("224 missing"));
  }

  @Test
  void matroskaSegmentLongerThanTheFileIsTruncated() throws IOException {
    // EBML header (id 1A45DFA3, size 4, payload) then Segment (id 18538067) of 1000 bytes.
    ByteBuffer b = ByteBuffer.allocate(64);
    b.putInt(0x1A45DFA3).put((byte) 0x84).putInt(0);
    b.putInt(0x18538067).put((byte) 0x01).put(new byte[] {0, 0, 0, 0, 0, 0x03, (byte) 0xE8});
    byte[] bytes = java.util.Arrays.copyOf(b.array(), b.position() + 20);
    Path p = write("cut.mkv", bytes);
    assertThat(ContainerExtent.findTruncation(p, bytes.length))
        .hasValueSatisfying(m -> assertThat(m).contains("matroska segment"));
  }

  @Test
  void riffSizeLongerThanTheFileIsTruncated() throws IOException {
    ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).putInt(5000);
    b.put("AVI LIST".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    Path p = write("cut.avi", b.array());
    assertThat(ContainerExtent.findTruncation(p, 32))
        .hasValueSatisfying(m -> assertThat(m).contains("riff chunk"));
  }

  @Test
  void unknownContainersAreNotJudged() throws IOException {
    byte[] ts = new byte[188 * 3];
    ts[0] = 0x47;
    Path p = write("a.ts", ts);
    assertThat(ContainerExtent.findTruncation(p, ts.length)).isEmpty();
  }
}
