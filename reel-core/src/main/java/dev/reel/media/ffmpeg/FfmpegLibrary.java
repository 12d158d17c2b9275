package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.Loader;

/** Loads FFmpeg's native libraries once and sets how much FFmpeg itself may log. */
public final class FfmpegLibrary {
  private static volatile boolean loaded;

  private FfmpegLibrary() {}

  /** Loads the libraries (idempotent, thread-safe) with FFmpeg's own logging silenced. */
  public static void load() {
    if (!loaded) {
      synchronized (FfmpegLibrary.class) {
        if (!loaded) {
          Loader.load(avutil.class);
          Loader.load(avcodec.class);
          Loader.load(avformat.class);
          Loader.load(org.bytedeco.ffmpeg.global.swresample.class);
          av_log_set_level(AV_LOG_QUIET);
          loaded = true;
        }
      }
    }
  }

  /** Lets FFmpeg print its own errors to stderr (for {@code --verbose}). */
  public static void logErrors(boolean on) {
    load();
    av_log_set_level(on ? AV_LOG_ERROR : AV_LOG_QUIET);
  }

  /** The license the native libraries were built under: {@code "LGPL"} or {@code "GPL"}. */
  public static String license() {
    load();
    String text = avcodec.avcodec_license().getString();
    return text.contains("LGPL") || text.contains("Lesser") ? "LGPL" : "GPL";
  }

  /** Whether the libraries have the encoder of this name ({@code "libx264"}). */
  public static boolean hasEncoder(String name) {
    load();
    return avcodec.avcodec_find_encoder_by_name(name) != null;
  }

  /** The FFmpeg version the native libraries were built from, e.g. {@code "7.1.1"}. */
  public static String version() {
    load();
    return avutil.av_version_info().getString();
  }
}
