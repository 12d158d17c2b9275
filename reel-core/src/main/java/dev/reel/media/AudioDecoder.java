package dev.reel.media;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Decodes the audio of a file to mono float samples in [-1, 1], block by block, so that any length
 * is read in constant memory. The best audio stream is chosen as players do; the others and the
 * video are skipped by the demuxer.
 */
public interface AudioDecoder {

  /**
   * Receives decoded samples: {@code count} samples of {@code samples}, the first at index {@code
   * first}.
   */
  @FunctionalInterface
  interface Blocks {
    void accept(long first, float[] samples, int count);
  }

  /**
   * The stream that was decoded.
   *
   * @param sampleRate the rate of the samples handed out
   * @param durationSeconds the file's (or stream's) duration, or null when unknown
   */
  record Track(
      int streamIndex,
      String codec,
      int sourceRate,
      int channels,
      int sampleRate,
      Double durationSeconds) {
    public Track {
      Objects.requireNonNull(codec, "codec");
    }
  }

  /** How a decode ended: every file ends as one of these. */
  sealed interface Result {
    /** Decoded to the end of the range (or the file); {@code samples} were handed out. */
    record Decoded(Track track, long samples) implements Result {}

    /** The file has no audio stream. */
    record NoAudio(String container) implements Result {}

    /** The file could not be read or decoded; {@code samples} were handed out before. */
    record Failed(String error, long samples) implements Result {}

    /** {@code stop} said to stop. */
    record Stopped(long samples) implements Result {}
  }

  /**
   * Decodes from {@code fromSeconds} to {@code toSeconds} (null: the end), at {@code sampleRate}
   * (0: the stream's own rate). The first sample handed out is the one at {@code fromSeconds}.
   */
  Result decode(
      Path file,
      double fromSeconds,
      Double toSeconds,
      int sampleRate,
      Blocks sink,
      BooleanSupplier stop);

  /** The audio stream a decode would use, without decoding; NoAudio or Failed as decode. */
  Result track(Path file);
}
