package dev.reel.highlights;

/** What a level measures. */
public enum LoudnessMeasure {
  /** RMS in dBFS, the seed tool's measure: rates bass and hiss like speech. */
  RMS,
  /**
   * EBU R128 momentary loudness in LUFS: K-weighted (as ears weigh frequencies), over the last 400
   * ms, of the mono downmix (a stereo signal reads up to 3 LU lower than on a two-channel meter).
   */
  LUFS
}
