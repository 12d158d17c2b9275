package dev.reel.prewarm;

import java.util.Locale;

/** Size classes of source objects, as the seed pre-warmer reported them. */
public enum SizeCategory {
  /** Under 50 MiB. */
  SMALL,
  /** 50 MiB up to 200 MiB. */
  MEDIUM,
  /** 200 MiB and more. */
  LARGE,
  /** The listing gave no size. */
  UNKNOWN;

  static final long MIB = 1024L * 1024L;

  public static SizeCategory of(long sizeBytes) {
    if (sizeBytes < 0) {
      return UNKNOWN;
    }
    if (sizeBytes < 50 * MIB) {
      return SMALL;
    }
    return sizeBytes < 200 * MIB ? MEDIUM : LARGE;
  }

  private final String label = name().toLowerCase(Locale.ROOT);

  public String label() {
    return label;
  }

  public static SizeCategory fromLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
