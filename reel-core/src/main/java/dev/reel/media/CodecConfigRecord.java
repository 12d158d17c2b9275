package dev.reel.media;

import java.util.Optional;

/**
 * What a stream's codec configuration record (the container's "extradata") says about profile,
 * chroma format and bit depth, so that the header probe can tell them without decoding.
 *
 * <p>Read here: H.264 {@code avcC} (profile byte, and for High profiles the chroma format and bit
 * depth from the avcC extension or else from the first SPS), HEVC {@code hvcC} (general profile,
 * chroma format, luma bit depth at fixed offsets) and AV1 {@code av1C} (profile, high bit depth,
 * twelve bit, monochrome and subsampling flags). Annex-B extradata (start codes, as in MPEG-TS) is
 * not parsed: such streams get their parameters from avformat_find_stream_info.
 *
 * @param profile the codec's profile number in FFmpeg's numbering (H.264 adds constraint flags)
 * @param pixelFormat FFmpeg's pixel format name, e.g. {@code yuv420p10le}
 * @param bitDepth bits per luma sample
 */
public record CodecConfigRecord(int profile, String pixelFormat, int bitDepth) {
  private static final int H264_CONSTRAINED = 1 << 9;
  private static final int H264_INTRA = 1 << 11;

  /** Parses {@code extradata} of the codec with FFmpeg's short name {@code codec}. */
  public static Optional<CodecConfigRecord> parse(String codec, byte[] extradata) {
    if (extradata == null || extradata.length < 4 || extradata[0] != 1) {
      return Optional.empty(); // version 1 records only; Annex-B starts with 0
    }
    try {
      return switch (codec) {
        case "h264" -> avc(extradata);
        case "hevc" -> hevc(extradata);
        default -> Optional.empty();
      };
    } catch (ArrayIndexOutOfBoundsException e) {
      return Optional.empty(); // a short or damaged record says nothing reliable
    }
  }

  /** Parses an av1C record (its first byte is marker and version, 0x81). */
  public static Optional<CodecConfigRecord> parseAv1(byte[] c) {
    if (c == null || c.length < 4 || (c[0] & 0xFF) != 0x81) {
      return Optional.empty();
    }
    int profile = (c[1] >> 5) & 7;
    boolean high = (c[2] & 0x40) != 0;
    boolean twelve = (c[2] & 0x20) != 0;
    boolean mono = (c[2] & 0x10) != 0;
    boolean sx = (c[2] & 0x08) != 0;
    boolean sy = (c[2] & 0x04) != 0;
    int depth = high ? (twelve ? 12 : 10) : 8;
    int chroma = mono ? 0 : sx && sy ? 1 : sx ? 2 : 3;
    return Optional.of(new CodecConfigRecord(profile, pixelFormat(chroma, depth), depth));
  }

  private static Optional<CodecConfigRecord> hevc(byte[] c) {
    if (c.length < 23) {
      return Optional.empty();
    }
    int profile = c[1] & 0x1F;
    int chroma = c[16] & 0x03;
    int depth = (c[17] & 0x07) + 8;
    return Optional.of(new CodecConfigRecord(profile, pixelFormat(chroma, depth), depth));
  }

  private static Optional<CodecConfigRecord> avc(byte[] c) {
    int profileIdc = c[1] & 0xFF;
    int constraints = c[2] & 0xFF;
    int profile = profileIdc;
    if (profileIdc == 66 && (constraints & 0x40) != 0) {
      profile |= H264_CONSTRAINED;
    }
    if ((profileIdc == 110 || profileIdc == 122 || profileIdc == 244)
        && (constraints & 0x10) != 0) {
      profile |= H264_INTRA;
    }
    boolean highFamily =
        profileIdc == 100
            || profileIdc == 110
            || profileIdc == 122
            || profileIdc == 244
            || profileIdc == 44
            || profileIdc == 83
            || profileIdc == 86
            || profileIdc == 118
            || profileIdc == 128
            || profileIdc == 138
            || profileIdc == 139
            || profileIdc == 134
            || profileIdc == 135;
    if (!highFamily) {
      return Optional.of(new CodecConfigRecord(profile, "yuv420p", 8));
    }
    // The SPS carries chroma_format_idc and bit_depth_luma_minus8 right after its id.
    int spsCount = c[5] & 0x1F;
    if (spsCount < 1 || c.length < 8) {
      return Optional.empty();
    }
    int spsLength = ((c[6] & 0xFF) << 8) | (c[7] & 0xFF);
    Bits sps = new Bits(unescape(c, 8, spsLength));
    sps.skip(8 + 24); // NAL header, profile_idc, constraint flags, level_idc
    sps.ue(); // seq_parameter_set_id
    int chroma = sps.ue();
    if (chroma == 3) {
      sps.skip(1); // separate_colour_plane_flag
    }
    int depth = sps.ue() + 8;
    if (chroma > 3 || depth > 14) {
      return Optional.empty();
    }
    return Optional.of(new CodecConfigRecord(profile, pixelFormat(chroma, depth), depth));
  }

  /** FFmpeg's name for planar YUV (or gray) of the given chroma format and depth. */
  static String pixelFormat(int chroma, int depth) {
    String base =
        switch (chroma) {
          case 0 -> "gray";
          case 1 -> "yuv420p";
          case 2 -> "yuv422p";
          default -> "yuv444p";
        };
    return depth == 8 ? base : base + depth + "le";
  }

  /** The NAL unit's bytes with emulation-prevention bytes (00 00 03) removed. */
  private static byte[] unescape(byte[] c, int from, int length) {
    byte[] out = new byte[length];
    int n = 0;
    int zeros = 0;
    for (int i = from; i < from + length; i++) {
      int b = c[i] & 0xFF;
      if (zeros >= 2 && b == 3) {
        zeros = 0;
        continue;
      }
      zeros = b == 0 ? zeros + 1 : 0;
      out[n++] = (byte) b;
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** A big-endian bit reader with Exp-Golomb codes. */
  private static final class Bits {
    private final byte[] data;
    private int pos;

    Bits(byte[] data) {
      this.data = data;
    }

    int bit() {
      int b = (data[pos >> 3] >> (7 - (pos & 7))) & 1;
      pos++;
      return b;
    }

    void skip(int n) {
      pos += n;
    }

    int ue() {
      int zeros = 0;
      while (bit() == 0) {
        if (++zeros > 31) {
          throw new ArrayIndexOutOfBoundsException("bad exp-golomb code");
        }
      }
      int v = 0;
      for (int i = 0; i < zeros; i++) {
        v = (v << 1) | bit();
      }
      return (1 << zeros) - 1 + v;
    }
  }
}
