package dev.reel.media;

import java.util.Objects;

/**
 * One stream of a media file. Fields that the file does not tell are null.
 *
 * <p>Every stream has its index in the file, its codec's short name ({@code "h264"}), the codec
 * profile's name when known ({@code "High"}), its language tag as written in the file ({@code
 * "eng"}), its title and whether it is marked default.
 */
public sealed interface StreamInfo {

  int index();

  String codec();

  String profile();

  String language();

  String title();

  boolean isDefault();

  /** The stream type as printed in reports: video, audio, subtitle or data. */
  String type();

  /**
   * A video stream.
   *
   * @param frameRate frames per second (average when the container tells it), or null
   * @param pixelFormat FFmpeg's pixel format name ({@code "yuv420p"}), or null
   * @param bitDepth bits per luma sample, or null
   * @param hdr the transfer characteristic that makes a stream HDR
   * @param rotationDegrees clockwise rotation a player applies: 0, 90, 180 or 270
   */
  record Video(
      int index,
      String codec,
      String profile,
      String language,
      String title,
      boolean isDefault,
      int width,
      int height,
      Double frameRate,
      String pixelFormat,
      Integer bitDepth,
      HdrTransfer hdr,
      int rotationDegrees)
      implements StreamInfo {
    public Video {
      Objects.requireNonNull(codec, "codec");
      Objects.requireNonNull(hdr, "hdr");
      if (width < 0 || height < 0) {
        throw new IllegalArgumentException(
            "size " + width + "x" + height + " must not be negative");
      }
    }

    @Override
    public String type() {
      return "video";
    }
  }

  /**
   * An audio stream.
   *
   * @param channelLayout FFmpeg's layout name ({@code "stereo"}, {@code "5.1(side)"}), or null
   */
  record Audio(
      int index,
      String codec,
      String profile,
      String language,
      String title,
      boolean isDefault,
      int sampleRate,
      int channels,
      String channelLayout)
      implements StreamInfo {
    public Audio {
      Objects.requireNonNull(codec, "codec");
    }

    @Override
    public String type() {
      return "audio";
    }
  }

  /** A subtitle stream; {@code forced} marks subtitles meant to be shown always. */
  record Subtitle(
      int index,
      String codec,
      String profile,
      String language,
      String title,
      boolean isDefault,
      boolean forced)
      implements StreamInfo {
    public Subtitle {
      Objects.requireNonNull(codec, "codec");
    }

    @Override
    public String type() {
      return "subtitle";
    }
  }

  /** Any other stream: data, attachments (fonts, cover art in some containers), timecode. */
  record Data(
      int index, String codec, String profile, String language, String title, boolean isDefault)
      implements StreamInfo {
    public Data {
      Objects.requireNonNull(codec, "codec");
    }

    @Override
    public String type() {
      return "data";
    }
  }
}
