package dev.reel.cli;

import dev.reel.media.ffmpeg.FfmpegLibrary;
import picocli.CommandLine;

/** {@code reel --version}: reel's version and the FFmpeg and Java it runs on. */
public final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = ReelCommand.class.getPackage().getImplementationVersion();
    return new String[] {
      "reel " + (v == null ? "dev" : v),
      "FFmpeg "
          + FfmpegLibrary.version()
          + " (in-process, "
          + FfmpegLibrary.license()
          + (FfmpegLibrary.hasEncoder("libx264") ? ", with x264 and x265" : ", OpenH264")
          + ")",
      "Java " + Runtime.version()
    };
  }
}
