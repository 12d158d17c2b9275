package dev.reel.media;

/** The transfer characteristic of a video stream, as far as HDR is concerned. */
public enum HdrTransfer {
  /** SMPTE ST 2084, used by HDR10, HDR10+ and Dolby Vision. */
  PQ,
  /** ARIB STD-B67 hybrid log-gamma. */
  HLG,
  /** SDR: the stream says its transfer and it is not an HDR one, or it says nothing at all. */
  NONE,
  /** Not known without decoding (header mode, no colour information in the container). */
  UNKNOWN;

  /** The lower-case name used in reports, or null when unknown. */
  public String label() {
    return this == UNKNOWN ? null : name().toLowerCase(java.util.Locale.ROOT);
  }
}
