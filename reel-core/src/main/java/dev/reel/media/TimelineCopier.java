package dev.reel.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Writes a timeline of clips by stream copy in one pass: each clip's packets go straight into the
 * output, nothing is written twice. Each clip starts on the video keyframe at or before its wanted
 * start (there is nothing to decode from before it), and ends at the wanted end.
 */
public interface TimelineCopier {

  /** One clip: {@code [fromSeconds, toSeconds)} of {@code source}. */
  record Piece(Path source, double fromSeconds, double toSeconds) {
    public Piece {
      Objects.requireNonNull(source, "source");
    }
  }

  /** Hears of each piece as it is written (or refused), in timeline order. */
  interface Listener {
    /**
     * @param index the piece's index in the list
     * @param result {@link ClipCutter.Result.Cut} with where the piece really starts and ends in
     *     its source (its {@code file} is the source), or {@link ClipCutter.Result.Failed} saying
     *     why it was left out
     */
    void piece(int index, ClipCutter.Result result);
  }

  /**
   * Writes the pieces one after the other to {@code target} (its container from {@code
   * nameForFormat} when {@code target} is a temporary name). The output takes the streams of the
   * first piece that opens; a later piece whose source cannot be read, or whose streams differ from
   * those (codec, size, sample rate, codec set-up), is left out with a reason. Stops between pieces
   * once {@code stopped} says so.
   *
   * @return the output's duration in seconds
   * @throws IllegalStateException with a one-line message when no piece could be written
   */
  double copy(
      List<Piece> pieces,
      Path target,
      String nameForFormat,
      Duration timeoutPerPiece,
      BooleanSupplier stopped,
      Listener listener);
}
