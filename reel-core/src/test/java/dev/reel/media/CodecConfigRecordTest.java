package dev.reel.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CodecConfigRecordTest {
  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replace(" ", ""));
  }

  @Test
  void baselineH264IsEightBitFourTwoZero() {
    // avcC: version 1, profile 66, constraint_set1 (0x40 => constrained), level 30
    byte[] avcc = hex("01 42 C0 1E FF E1 0004 6742C01E 01 0002 68CE");
    assertThat(CodecConfigRecord.parse("h264", avcc))
        .hasValue(new CodecConfigRecord(66 | (1 << 9), "yuv420p", 8));
  }

  @Test
  void high10H264ReadsChromaAndDepthFromTheSps() {
    // SPS: nal 67, profile 110, flags 00, level 28, then ue(sps_id=0)=1, ue(chroma=1)=010,
    // ue(bit_depth_luma_minus8=2)=011 -> bits 1 010 011 0 = 0xA6
    byte[] avcc = hex("01 6E 00 28 FF E1 0005 676E0028A6");
    assertThat(CodecConfigRecord.parse("h264", avcc))
        .hasValue(new CodecConfigRecord(110, "yuv420p10le", 10));
  }

  @Test
  void highFourFourFourH264SkipsTheSeparatePlaneFlag() {
    // ue(0)=1, ue(3)=00100, separate_colour_plane=0, ue(0)=1 -> 1 00100 0 1 = 0x91
    byte[] avcc = hex("01 F4 00 28 FF E1 0005 67F4002891");
    assertThat(CodecConfigRecord.parse("h264", avcc))
        .hasValue(new CodecConfigRecord(244, "yuv444p", 8));
  }

  @Test
  void main10HevcFromTheFixedFields() {
    byte[] hvcc = new byte[23];
    hvcc[0] = 1;
    hvcc[1] = 0x02; // general_profile_idc 2: Main 10
    hvcc[16] = (byte) 0xFD; // reserved bits + chroma_format_idc 1
    hvcc[17] = (byte) 0xFA; // reserved bits + bit_depth_luma_minus8 2
    assertThat(CodecConfigRecord.parse("hevc", hvcc))
        .hasValue(new CodecConfigRecord(2, "yuv420p10le", 10));
  }

  @Test
  void av1HighBitDepth() {
    // marker/version 0x81, profile 0 level 8, high_bitdepth + subsampling x and y
    byte[] av1c = hex("81 08 4C 00");
    assertThat(CodecConfigRecord.parseAv1(av1c))
        .hasValue(new CodecConfigRecord(0, "yuv420p10le", 10));
  }

  @Test
  void annexBAndDamagedRecordsSayNothing() {
    assertThat(CodecConfigRecord.parse("h264", hex("00000001 6742C01E"))).isEmpty();
    assertThat(CodecConfigRecord.parse("h264", hex("01 6E 00 28 FF E1 00FF 67"))).isEmpty();
    assertThat(CodecConfigRecord.parse("hevc", hex("01 02 03"))).isEmpty();
    assertThat(CodecConfigRecord.parse("vp9", hex("01 02 03 04"))).isEmpty();
  }
}
