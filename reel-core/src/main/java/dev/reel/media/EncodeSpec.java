package dev.reel.media;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to encode into a new file: a container with at most one video and one audio track.
 *
 * @param target the file to create; it must not exist yet
 * @param container the muxer name: mp4, matroska, webm, avi, mov, ipod (m4a), flac, wav
 * @param video the video track, or null for audio-only files
 * @param audio the audio track, or null for silent video
 * @param subtitles text subtitle tracks (Matroska and WebM only), one cue per second
 * @param chapters how many chapters of equal length to mark
 * @param durationSeconds how long the file plays
 * @param metadata container-level tags (title, comment)
 */
public record EncodeSpec(
    Path target,
    String container,
    VideoTrack video,
    AudioTrack audio,
    List<SubtitleTrack> subtitles,
    int chapters,
    double durationSeconds,
    Map<String, String> metadata) {

  public EncodeSpec {
    subtitles = List.copyOf(subtitles);
    if (chapters < 0) {
      throw new IllegalArgumentException("chapters (" + chapters + ") must not be negative");
    }
    if (!subtitles.isEmpty() && !container.equals("matroska") && !container.equals("webm")) {
      throw new IllegalArgumentException(
          "subtitle tracks can be made in mkv and webm only, not " + container);
    }
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(container, "container");
    metadata = Map.copyOf(metadata);
    if (video == null && audio == null) {
      throw new IllegalArgumentException("a file needs a video or an audio track: " + target);
    }
    if (!(durationSeconds > 0)) {
      throw new IllegalArgumentException("duration (" + durationSeconds + "s) must be positive");
    }
  }

  /**
   * A video track: a moving test pattern whose look depends on {@code seed}, so that files made
   * with different seeds differ in content.
   *
   * @param codec h264, mpeg4 or vp9
   * @param rotationDegrees clockwise rotation stored as display matrix (0, 90, 180, 270)
   * @param hdr the transfer characteristic to tag the stream with
   */
  public record VideoTrack(
      String codec,
      int width,
      int height,
      double frameRate,
      String language,
      String title,
      int rotationDegrees,
      HdrTransfer hdr,
      long seed) {
    public VideoTrack {
      Objects.requireNonNull(codec, "codec");
      Objects.requireNonNull(hdr, "hdr");
      if (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0) {
        throw new IllegalArgumentException(
            "video size " + width + "x" + height + " must be even and at least 16x16");
      }
      if (!(frameRate > 0) || frameRate > 240) {
        throw new IllegalArgumentException("frame rate " + frameRate + " must be in (0, 240]");
      }
    }
  }

  /**
   * An audio track whose samples come from {@code source}.
   *
   * @param codec aac, mp3, opus, vorbis, flac, ac3 or pcm_s16le
   */
  public record AudioTrack(
      String codec, int sampleRate, int channels, String language, String title, PcmSource source) {
    public AudioTrack {
      Objects.requireNonNull(codec, "codec");
      Objects.requireNonNull(source, "source");
      if (sampleRate < 8_000 || sampleRate > 192_000) {
        throw new IllegalArgumentException("sample rate " + sampleRate + " must be 8000-192000 Hz");
      }
      if (channels < 1 || channels > 8) {
        throw new IllegalArgumentException("channels (" + channels + ") must be 1-8");
      }
    }
  }

  /** A text subtitle track; {@code forced} marks it to be shown always. */
  public record SubtitleTrack(String language, String title, boolean forced) {}
}
