package dev.reel.media;

import java.util.List;
import java.util.Objects;

/**
 * What a media file contains, as read from its container and (in deep mode) its first frames.
 *
 * @param container the demuxer's format name, as ffprobe prints it ({@code "matroska,webm"})
 * @param durationSeconds the duration, or null when neither the container nor a stream says
 * @param bitRate the overall bit rate in bits per second, or null when unknown
 * @param chapters the number of chapters
 * @param streams the streams, in file order
 */
public record MediaInfo(
    String container,
    Double durationSeconds,
    Long bitRate,
    int chapters,
    List<StreamInfo> streams) {

  public MediaInfo {
    Objects.requireNonNull(container, "container");
    streams = List.copyOf(streams);
    if (chapters < 0) {
      throw new IllegalArgumentException("chapters (" + chapters + ") must not be negative");
    }
  }

  /** The video streams, in file order. */
  public List<StreamInfo.Video> videoStreams() {
    return streams.stream()
        .filter(StreamInfo.Video.class::isInstance)
        .map(StreamInfo.Video.class::cast)
        .toList();
  }

  /** The audio streams, in file order. */
  public List<StreamInfo.Audio> audioStreams() {
    return streams.stream()
        .filter(StreamInfo.Audio.class::isInstance)
        .map(StreamInfo.Audio.class::cast)
        .toList();
  }

  /** The subtitle streams, in file order. */
  public List<StreamInfo.Subtitle> subtitleStreams() {
    return streams.stream()
        .filter(StreamInfo.Subtitle.class::isInstance)
        .map(StreamInfo.Subtitle.class::cast)
        .toList();
  }
}
