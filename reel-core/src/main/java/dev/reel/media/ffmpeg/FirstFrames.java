package dev.reel.media.ffmpeg;

import dev.reel.media.HdrTransfer;
import dev.reel.media.MediaInfo;
import dev.reel.media.StreamInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What decoding the first frames showed: the decoded video format, or why it failed. */
final class FirstFrames {
  private final int videoStream;
  private final int pixelFormat;
  private final int colorTrc;
  private final String profile;
  private final String problem;

  private FirstFrames(
      int videoStream, int pixelFormat, int colorTrc, String profile, String problem) {
    this.videoStream = videoStream;
    this.pixelFormat = pixelFormat;
    this.colorTrc = colorTrc;
    this.profile = profile;
    this.problem = problem;
  }

  Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  /** The info with the first video stream's format, bit depth and HDR taken from its frame. */
  MediaInfo applyTo(MediaInfo info) {
    if (videoStream < 0 || pixelFormat < 0) {
      return info;
    }
    List<StreamInfo> streams = new ArrayList<>(info.streams());
    for (int i = 0; i < streams.size(); i++) {
      if (streams.get(i) instanceof StreamInfo.Video v && v.index() == videoStream) {
        HdrTransfer hdr = StreamReader.hdr(colorTrc);
        streams.set(
            i,
            new StreamInfo.Video(
                v.index(),
                v.codec(),
                v.profile() != null ? v.profile() : profile,
                v.language(),
                v.title(),
                v.isDefault(),
                v.width(),
                v.height(),
                v.frameRate(),
                FfmpegNames.pixelFormat(pixelFormat),
                FfmpegNames.bitDepth(pixelFormat),
                // the decoder read the bitstream's own colour description: it knows
                hdr != HdrTransfer.NONE || v.hdr() == HdrTransfer.UNKNOWN ? hdr : v.hdr(),
                v.rotationDegrees()));
      }
    }
    return new MediaInfo(
        info.container(), info.durationSeconds(), info.bitRate(), info.chapters(), streams);
  }

  /** Collects frames as the decoder finds them. */
  static final class Builder {
    private final int video;
    private final int audio;
    private boolean gotVideo;
    private boolean gotAudio;
    private int pixelFormat = -1;
    private int colorTrc;
    private String profile;

    Builder(int video, int audio) {
      this.video = video;
      this.audio = audio;
      this.gotVideo = video < 0;
      this.gotAudio = audio < 0;
    }

    boolean has(int stream) {
      return stream == video ? gotVideo : stream != audio || gotAudio;
    }

    boolean complete() {
      return gotVideo && gotAudio;
    }

    String missing() {
      return !gotVideo && !gotAudio ? "video and audio" : !gotVideo ? "video" : "audio";
    }

    void frame(int stream, int format, int trc, String codecProfile) {
      if (stream == video) {
        gotVideo = true;
        pixelFormat = format;
        colorTrc = trc;
        profile = codecProfile;
      } else if (stream == audio) {
        gotAudio = true;
      }
    }

    FirstFrames build() {
      return new FirstFrames(video, pixelFormat, colorTrc, profile, null);
    }

    FirstFrames failed(String why) {
      return new FirstFrames(video, pixelFormat, colorTrc, profile, why);
    }
  }
}
