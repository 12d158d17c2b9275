package dev.reel.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Finds truncated files without decoding them, by comparing the size that the container's own
 * structure declares with the size of the file.
 *
 * <p>Three families carry their extent at the top level: ISO BMFF (mp4, mov, m4v, 3gp) is a
 * sequence of boxes, each starting with its size; Matroska and WebM start with an EBML header
 * followed by one Segment element whose size covers the rest; AVI is a RIFF chunk whose size is in
 * bytes 4 to 8. A file that ends before the last box, the Segment or the RIFF chunk ends was cut
 * short (an interrupted download or copy). Reading these costs a few small positioned reads, so the
 * header probe can afford it on every file. Other containers (MPEG-TS, MPEG-PS, FLV) have no
 * declared extent and are not checked here.
 */
public final class ContainerExtent {
  private static final int MAX_BOXES = 10_000;

  private ContainerExtent() {}

  /**
   * Returns a one-line description of the truncation, or empty when the file is whole or its
   * container declares no extent.
   */
  public static Optional<String> findTruncation(Path file, long fileSize) {
    if (fileSize < 12) {
      return Optional.empty();
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer head = read(ch, 0, 12);
      if (head.remaining() < 12) {
        return Optional.empty();
      }
      int first = head.getInt(0);
      if (first == 0x1A45DFA3) {
        return checkMatroska(ch, fileSize);
      }
      String riff = ascii(head, 0, 4);
      if (riff.equals("RIFF")) {
        long declared = (head.order(ByteOrder.LITTLE_ENDIAN).getInt(4) & 0xFFFFFFFFL) + 8;
        return exceeds("riff chunk", declared, fileSize);
      }
      String type = ascii(head, 4, 4);
      if (type.equals("ftyp")
          || type.equals("moov")
          || type.equals("mdat")
          || type.equals("free")
          || type.equals("wide")
          || type.equals("skip")) {
        return checkBoxes(ch, fileSize);
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // the media probe reports unreadable files itself
    }
  }

  private static Optional<String> checkBoxes(FileChannel ch, long fileSize) throws IOException {
    long pos = 0;
    for (int boxes = 0; pos < fileSize && boxes < MAX_BOXES; boxes++) {
      if (fileSize - pos < 8) {
        return Optional.of("truncated: " + (fileSize - pos) + " stray bytes after the last box");
      }
      ByteBuffer h = read(ch, pos, 16);
      long size = h.getInt(0) & 0xFFFFFFFFL;
      String type = ascii(h, 4, 4);
      if (size == 1) {
        if (h.remaining() < 16) {
          return Optional.of("truncated inside the header of box '" + type + "'");
        }
        size = h.getLong(8);
      } else if (size == 0) {
        return Optional.empty(); // the last box runs to the end of the file by definition
      }
      if (size < 8) {
        return Optional.of(
            "damaged: box '" + printable(type) + "' at byte " + pos + " has size " + size);
      }
      Optional<String> cut = exceeds("box '" + printable(type) + "'", pos + size, fileSize);
      if (cut.isPresent()) {
        return cut;
      }
      pos += size;
    }
    return Optional.empty();
  }

  private static Optional<String> checkMatroska(FileChannel ch, long fileSize) throws IOException {
    ByteBuffer b = read(ch, 0, 64);
    int p = 4;
    Vint headerSize = Vint.read(b, p);
    if (headerSize == null || headerSize.unknown()) {
      return Optional.empty();
    }
    long segmentPos = p + headerSize.length() + headerSize.value();
    ByteBuffer s = read(ch, segmentPos, 12);
    if (s.remaining() < 5 || s.getInt(0) != 0x18538067) {
      return Optional.empty();
    }
    Vint segmentSize = Vint.read(s, 4);
    if (segmentSize == null || segmentSize.unknown()) {
      return Optional.empty(); // live or unfinished recordings leave the size unknown
    }
    long end = segmentPos + 4 + segmentSize.length() + segmentSize.value();
    return exceeds("matroska segment", end, fileSize);
  }

  private static Optional<String> exceeds(String what, long declaredEnd, long fileSize) {
    if (declaredEnd <= fileSize) {
      return Optional.empty();
    }
    return Optional.of(
        "truncated: "
            + what
            + " ends at byte "
            + declaredEnd
            + " but the file has "
            + fileSize
            + " bytes ("
            + (declaredEnd - fileSize)
            + " missing)");
  }

  private static ByteBuffer read(FileChannel ch, long pos, int len) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(len);
    while (b.hasRemaining()) {
      int n = ch.read(b, pos + b.position());
      if (n < 0) {
        break;
      }
    }
    b.flip();
    return b;
  }

  private static String ascii(ByteBuffer b, int at, int len) {
    if (b.limit() < at + len) {
      return "";
    }
    byte[] out = new byte[len];
    b.get(at, out);
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  private static String printable(String s) {
    return s.chars().allMatch(c -> c >= 32 && c < 127) ? s : "?";
  }

  /**
   * An EBML variable-length integer: its value, its length in bytes, and whether it is "unknown".
   */
  private record Vint(long value, int length, boolean unknown) {
    static Vint read(ByteBuffer b, int at) {
      if (at >= b.limit()) {
        return null;
      }
      int first = b.get(at) & 0xFF;
      int len = Integer.numberOfLeadingZeros(first) - 23;
      if (len < 1 || len > 8 || at + len > b.limit()) {
        return null;
      }
      long value = first & (0xFF >> len);
      boolean allOnes = value == (0xFF >> len);
      for (int i = 1; i < len; i++) {
        int v = b.get(at + i) & 0xFF;
        allOnes &= v == 0xFF;
        value = (value << 8) | v;
      }
      return new Vint(value, len, allOnes);
    }
  }
}
