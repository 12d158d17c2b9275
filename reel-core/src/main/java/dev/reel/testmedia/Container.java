package dev.reel.testmedia;

import java.util.Locale;

/** The containers the generator writes, with their muxer and default codecs. */
public enum Container {
  MP4("mp4", "mp4", "h264", "aac"),
  MKV("mkv", "matroska", "h264", "aac"),
  WEBM("webm", "webm", "vp9", "opus"),
  AVI("avi", "avi", "mpeg4", "ac3"),
  MOV("mov", "mov", "h264", "aac"),
  /** MPEG-2 program stream, as DVD rips (.vob) and old captures: no stream header. */
  MPG("mpg", "mpeg", "mpeg2video", "mp2"),
  VOB("vob", "vob", "mpeg2video", "ac3"),
  /** Flash video: its streams are found only by reading packets. */
  FLV("flv", "flv", "h264", "aac"),
  M4A("m4a", "ipod", null, "aac"),
  FLAC("flac", "flac", null, "flac"),
  WAV("wav", "wav", null, "pcm_s16le");

  private final String extension;
  private final String muxer;
  private final String videoCodec;
  private final String audioCodec;

  Container(String extension, String muxer, String videoCodec, String audioCodec) {
    this.extension = extension;
    this.muxer = muxer;
    this.videoCodec = videoCodec;
    this.audioCodec = audioCodec;
  }

  public String extension() {
    return extension;
  }

  public String muxer() {
    return muxer;
  }

  /** The default video codec, or null for audio-only containers. */
  public String videoCodec() {
    return videoCodec;
  }

  public String audioCodec() {
    return audioCodec;
  }

  public boolean audioOnly() {
    return videoCodec == null;
  }

  /** The container for a file extension such as {@code mkv} or {@code .mp4}. */
  public static Container of(String extension) {
    String e = extension.toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
    for (Container c : values()) {
      if (c.extension.equals(e)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "unknown container '"
            + extension
            + "' (mp4, mkv, webm, avi, mov, mpg, vob, flv, m4a, flac, wav)");
  }
}
