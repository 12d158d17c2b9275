package dev.reel.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/** Cuts a time range of a media file into a file of its own. */
public interface ClipCutter {

  /** How a clip is cut. */
  enum Mode {
    /**
     * Stream copy, no re-encode: the clip starts on the video keyframe at or before the wanted
     * start, so it never begins with a frozen or missing picture.
     */
    COPY,
    /**
     * Frame-accurate: decoded from the keyframe before the start and encoded again (H.264 and AAC)
     * from the exact start to the exact end.
     */
    ENCODE
  }

  /** How a cut ended. */
  sealed interface Result {
    /**
     * The clip was written.
     *
     * @param startSeconds where the clip really starts in the source (a keyframe, in copy mode)
     * @param endSeconds where it ends in the source
     */
    record Cut(Path file, double startSeconds, double endSeconds) implements Result {
      public Cut {
        Objects.requireNonNull(file, "file");
      }
    }

    /** Nothing was written (a partial file is removed); {@code error} says why in one line. */
    record Failed(String error) implements Result {}
  }

  /**
   * Writes {@code [fromSeconds, toSeconds)} of {@code source} to {@code target} (its container from
   * the extension), through a temporary file renamed into place: a reader never sees half a clip,
   * and an existing {@code target} is replaced only when {@code replace} says so.
   */
  Result cut(
      Path source,
      double fromSeconds,
      double toSeconds,
      Path target,
      Mode mode,
      boolean replace,
      Duration timeout);

  /**
   * The encoder a segment of {@code how} would use ({@code libx264}), checked before any work.
   *
   * @throws IllegalArgumentException with a one-line message when this build has no encoder for it,
   *     or the encoder has no such settings
   */
  String videoEncoder(VideoEncoding how);

  /**
   * Encodes {@code [fromSeconds, toSeconds)} of {@code source} frame-accurately as a segment of a
   * render, normalised to {@code format} (letterboxed size, frame rate, audio rate and channels,
   * silence where the source has none), written like {@link #cut}; {@code overlay} (or null) is
   * laid over its pictures.
   */
  Result encodeSegment(
      Path source,
      double fromSeconds,
      double toSeconds,
      Path target,
      SegmentFormat format,
      Overlay overlay,
      boolean replace,
      Duration timeout);
}
