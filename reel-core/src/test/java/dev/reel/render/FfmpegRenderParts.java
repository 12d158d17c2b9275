package dev.reel.render;

import dev.reel.media.MediaProbe;
import dev.reel.media.ffmpeg.FfmpegAudioDecoder;
import dev.reel.media.ffmpeg.FfmpegClipCutter;
import dev.reel.media.ffmpeg.FfmpegMediaProbe;
import dev.reel.media.ffmpeg.FfmpegSegmentBlender;
import dev.reel.media.ffmpeg.FfmpegSegmentJoiner;
import dev.reel.media.ffmpeg.FfmpegSoundtrack;
import dev.reel.media.ffmpeg.FfmpegTimelineCopier;

/** The real media layer for render tests, as the command wires it. */
public final class FfmpegRenderParts {
  private FfmpegRenderParts() {}

  public static RenderJob.Parts with(MediaProbe probe) {
    return new RenderJob.Parts(
        probe,
        new FfmpegClipCutter(),
        new FfmpegSegmentJoiner(),
        new FfmpegTimelineCopier(),
        new FfmpegSoundtrack(),
        new FfmpegAudioDecoder(),
        new FfmpegSegmentBlender());
  }

  public static RenderJob.Parts all() {
    return with(new FfmpegMediaProbe());
  }
}
