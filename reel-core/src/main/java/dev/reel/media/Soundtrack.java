package dev.reel.media;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/** Lays a music track under (or in place of) a video's audio, copying the video as it is. */
public interface Soundtrack {

  /**
   * The music and how to lay it.
   *
   * @param file the music (any audio FFmpeg reads); trimmed to the video, looped when shorter
   * @param fadeSeconds fade in at the start and out at the end (0: none)
   * @param originalLevel the level the video's own audio keeps under the music (0..1), or null to
   *     replace it
   */
  record Music(Path file, double fadeSeconds, Double originalLevel) {
    public Music {
      Objects.requireNonNull(file, "file");
      if (!(fadeSeconds >= 0)) {
        throw new IllegalArgumentException("--fade must not be negative");
      }
      if (originalLevel != null && !(originalLevel >= 0 && originalLevel <= 1)) {
        throw new IllegalArgumentException("--mix must be from 0 to 1, not " + originalLevel);
      }
    }
  }

  /**
   * Checks that the music can be read and has audio, before a render starts.
   *
   * @throws IllegalArgumentException with a one-line message when it cannot be used
   */
  void check(Path music);

  /**
   * Writes {@code video} with {@code music} as its audio (48 kHz stereo AAC) to {@code target} (its
   * container from {@code nameForFormat}).
   *
   * @return seconds of music laid
   * @throws IllegalStateException with a one-line message when the music or the video cannot be
   *     read, or {@code stopped} said to stop
   */
  double lay(Path video, Music music, Path target, String nameForFormat, BooleanSupplier stopped);
}
