package dev.reel.render;

import dev.reel.media.ClipCutter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to render.
 *
 * @param clips the timeline, in order
 * @param out the output file (its container from its extension)
 * @param workers sources probed and segments made at once
 * @param timeout the time one segment may take
 * @param music the music to lay under (or in place of) the clips' audio, or null
 * @param beats music whose beats the clips' ends are moved onto (encode), or null
 * @param title a title card over the start (encode), or null
 */
public record RenderRequest(
    String editList,
    List<TimelineClip> clips,
    Path out,
    boolean overwrite,
    int workers,
    Duration timeout,
    Output output,
    dev.reel.media.Soundtrack.Music music,
    Path beats,
    Title title) {

  /** A title card over the first seconds (of the first clip). */
  public record Title(String text, double seconds) {
    public Title {
      Objects.requireNonNull(text, "text");
      if (text.isBlank()) {
        throw new IllegalArgumentException("--title needs some text");
      }
      if (!(seconds > 0)) {
        throw new IllegalArgumentException("--title-seconds must be positive");
      }
    }
  }

  /** Without music. */
  public RenderRequest(
      String editList,
      List<TimelineClip> clips,
      Path out,
      boolean overwrite,
      int workers,
      Duration timeout,
      Output output) {
    this(editList, clips, out, overwrite, workers, timeout, output, null, null, null);
  }

  /**
   * How the output is made.
   *
   * @param width the output width, or null for the most common source width (encode)
   * @param height the output height, or null with the width
   * @param fps the output frame rate, or null for the most common source rate (encode)
   * @param video the video codec and its settings (encode)
   * @param crossfadeSeconds how long each clip fades into the next (encode; 0: cuts)
   */
  public record Output(
      ClipCutter.Mode mode,
      Integer width,
      Integer height,
      Double fps,
      dev.reel.media.VideoEncoding video,
      double crossfadeSeconds) {
    /** Stream copy. */
    public static final Output COPY = new Output(ClipCutter.Mode.COPY, null, null, null);

    /** H.264 at the encoder's defaults, no cross-fades. */
    public Output(ClipCutter.Mode mode, Integer width, Integer height, Double fps) {
      this(mode, width, height, fps, dev.reel.media.VideoEncoding.DEFAULT, 0);
    }

    public Output {
      Objects.requireNonNull(mode, "mode");
      Objects.requireNonNull(video, "video");
      if (!(crossfadeSeconds >= 0 && crossfadeSeconds <= 10)) {
        throw new IllegalArgumentException("--crossfade must be from 0 to 10 seconds");
      }
      if (crossfadeSeconds > 0 && mode == ClipCutter.Mode.COPY) {
        throw new IllegalArgumentException(
            "--crossfade needs --mode encode: a copy cannot blend pictures");
      }
      if ((width == null) != (height == null)) {
        throw new IllegalArgumentException("give both the width and the height: --size WxH");
      }
      if (width != null && (width < 2 || height < 2)) {
        throw new IllegalArgumentException("--size must be at least 2x2");
      }
      if (fps != null && !(fps > 0 && fps <= 240)) {
        throw new IllegalArgumentException("--fps must be between 0 and 240");
      }
    }
  }

  public RenderRequest {
    clips = List.copyOf(clips);
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(output, "output");
    if (workers < 1) {
      throw new IllegalArgumentException("--workers must be at least 1");
    }
  }
}
