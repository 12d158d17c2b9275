package dev.reel.media;

/** Produces mono audio samples in [-1, 1] for a synthetic audio track, block by block. */
@FunctionalInterface
public interface PcmSource {

  /**
   * Writes {@code count} samples, starting at sample {@code first} of the track, into {@code out}.
   *
   * @param sampleRate samples per second of the track
   */
  void fill(long first, float[] out, int count, int sampleRate);
}
