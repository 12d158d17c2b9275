package dev.reel.media;

/** The transfer characteristic of a video stream, as far as HDR is concerned. */
public enum HdrTransfer {
  /** SMPTE ST 2084, used by HDR10, HDR10+ and Dolby Vision. */
  PQ,
  /** ARIB STD-B67 hybrid log-gamma. */
  HLG,
  /** SDR, or nothing said. */
  NONE;

  /** The lower-case name used in reports. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
