package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_NONE;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import dev.reel.media.ContainerExtent;
import dev.reel.media.FileFacts;
import dev.reel.media.MediaInfo;
import dev.reel.media.MediaProbe;
import dev.reel.media.ProbeDepth;
import dev.reel.media.ProbeOutcome;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;

/**
 * Probes files in-process with libavformat.
 *
 * <p>Header depth opens the container and reads what its header says; it runs
 * avformat_find_stream_info (which decodes) only for containers whose header leaves a codec,
 * picture size or sample rate unknown (MPEG-TS, MPEG-PS, some FLV), and checks the declared
 * container extent for truncation. Deep depth always runs avformat_find_stream_info and then
 * decodes the first video and audio frame.
 */
public final class FfmpegMediaProbe implements MediaProbe {

  public FfmpegMediaProbe() {
    FfmpegLibrary.load();
  }

  @Override
  public ProbeOutcome probe(FileFacts file, ProbeDepth depth, Duration timeout) {
    String path = file.path().toString();
    if (file.sizeBytes() == 0 && Files.isRegularFile(file.path())) {
      return new ProbeOutcome.Unreadable(file, "empty file (0 bytes)");
    }
    try (InterruptDeadline deadline = InterruptDeadline.after(timeout.toNanos())) {
      try (FormatContext fc = FormatContext.open(path, deadline)) {
        if (depth == ProbeDepth.DEEP || StreamReader.needsStreamInfo(fc.raw())) {
          fc.findStreamInfo();
        }
        MediaInfo info = StreamReader.read(fc.raw(), file.sizeBytes());
        Optional<String> problem = headerProblem(fc.raw());
        if (problem.isEmpty()) {
          problem = ContainerExtent.findTruncation(file.path(), file.sizeBytes());
        }
        if (depth == ProbeDepth.DEEP && problem.isEmpty()) {
          FirstFrames frames = FirstFrameDecoder.decode(fc, deadline);
          info = frames.applyTo(info);
          problem = frames.problem();
        }
        if (deadline.expired()) {
          return new ProbeOutcome.TimedOut(file, timeout);
        }
        if (problem.isPresent()) {
          return new ProbeOutcome.Unplayable(file, info, problem.get());
        }
        return new ProbeOutcome.Playable(file, info);
      } catch (FfmpegException e) {
        if (deadline.expired()) {
          return new ProbeOutcome.TimedOut(file, timeout);
        }
        // A cut-off file often fails to open (its index was at the end); say so when it shows.
        return new ProbeOutcome.Unreadable(
            file,
            ContainerExtent.findTruncation(file.path(), file.sizeBytes())
                .orElse(e.reasonAndFunction()));
      }
    }
  }

  /** What makes a file unplayable that the header alone shows: no stream, no decoder. */
  private static Optional<String> headerProblem(AVFormatContext ctx) {
    boolean media = false;
    for (int i = 0; i < ctx.nb_streams(); i++) {
      AVCodecParameters par = ctx.streams(i).codecpar();
      int type = par.codec_type();
      if (type != AVMEDIA_TYPE_VIDEO && type != AVMEDIA_TYPE_AUDIO) {
        continue;
      }
      media = true;
      String kind = type == AVMEDIA_TYPE_VIDEO ? "video" : "audio";
      if (par.codec_id() == AV_CODEC_ID_NONE) {
        return Optional.of("unknown codec in " + kind + " stream " + i);
      }
      if (avcodec_find_decoder(par.codec_id()) == null) {
        return Optional.of(
            "no decoder for " + FfmpegNames.codec(par.codec_id()) + " in " + kind + " stream " + i);
      }
    }
    return media ? Optional.empty() : Optional.of("no audio or video stream");
  }
}
