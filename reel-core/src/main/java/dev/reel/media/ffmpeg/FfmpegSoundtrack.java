package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import dev.reel.media.Soundtrack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Lays music under a video in one pass: the video's packets are copied as they are; the audio is
 * the music (looped, trimmed to the video, faded in and out), alone or over the video's own audio
 * at a lower level, encoded once as 48 kHz stereo AAC. With the music alone the video's audio is
 * not even decoded.
 */
public final class FfmpegSoundtrack implements Soundtrack {

  public FfmpegSoundtrack() {
    FfmpegLibrary.load();
  }

  @Override
  public void check(Path music) {
    try (MusicLoop loop = new MusicLoop(music)) {
      loop.read(new float[1], new float[1], 0, 1);
    } catch (FfmpegException e) {
      throw new IllegalArgumentException(
          "cannot use " + music + " as music: " + e.reasonAndFunction(), e);
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException("cannot use " + music + " as music: " + e.getMessage(), e);
    }
  }

  @Override
  public double lay(
      Path video, Music music, Path target, String nameForFormat, BooleanSupplier stopped) {
    String file = video.toString();
    try (InterruptDeadline deadline = InterruptDeadline.after(Duration.ofHours(24).toNanos());
        FormatContext in = FormatContext.open(file, deadline);
        MusicLoop loop = new MusicLoop(music.file());
        Packet packet = Packet.allocate()) {
      in.findStreamInfo();
      AVFormatContext ictx = in.raw();
      int[] va = FfmpegClipCutter.videoAndAudio(ictx);
      if (va[0] < 0) {
        throw new IllegalStateException(video.getFileName() + " has no video to lay music under");
      }
      double total = seconds(ictx, va[0]);
      long totalSamples = Math.round(total * StereoDecoder.RATE);
      boolean mix = music.originalLevel() != null && va[1] >= 0;
      try (OutputContext out = OutputContext.forName(nameForFormat, target.toString());
          StereoDecoder original =
              mix ? new StereoDecoder(ictx.streams(va[1]).codecpar(), file) : null) {
        AVStream vin = ictx.streams(va[0]);
        AVStream vout = out.newStream();
        FfmpegErrors.check(
            avcodec_parameters_copy(vout.codecpar(), vin.codecpar()),
            "avcodec_parameters_copy",
            file);
        vout.codecpar().codec_tag(0);
        vout.time_base(vin.time_base());
        try (StereoAacWriter aac = new StereoAacWriter(out, 192_000L, file)) {
          out.start();
          Mixdown mixdown = new Mixdown(loop, music, totalSamples, aac);
          double startTime = ictx.start_time() == AV_NOPTS_VALUE ? 0 : ictx.start_time() / 1e6;
          while (true) {
            if (stopped.getAsBoolean()) {
              throw new IllegalStateException("stopped");
            }
            int ret = in.readPacket(packet);
            if (ret == AVERROR_EOF) {
              break;
            }
            FfmpegErrors.check(ret, "av_read_frame", file);
            AVPacket p = packet.raw();
            if (p.stream_index() == va[0]) {
              AVRational tb = vin.time_base();
              if (p.pts() != AV_NOPTS_VALUE && !mix) {
                // music alone: keep it level with the pictures
                double t = p.pts() * tb.num() / (double) tb.den() - startTime;
                mixdown.musicUntil(Math.round(t * StereoDecoder.RATE));
              }
              long shift = Math.round(startTime * tb.den() / (double) tb.num());
              if (p.pts() != AV_NOPTS_VALUE) {
                p.pts(p.pts() - shift);
              }
              if (p.dts() != AV_NOPTS_VALUE) {
                p.dts(p.dts() - shift);
              }
              p.stream_index(vout.index());
              p.pos(-1);
              av_packet_rescale_ts(p, tb, out.raw().streams(vout.index()).time_base());
              out.write(p);
            } else if (mix && p.stream_index() == va[1]) {
              original.decode(p, mixdown::under);
            }
            packet.unref();
          }
          if (mix) {
            original.decode(null, mixdown::under);
          }
          mixdown.musicUntil(totalSamples);
          aac.finish();
          out.finish();
          return total;
        }
      }
    } catch (FfmpegException e) {
      throw new IllegalStateException(e.reasonAndFunction(), e);
    }
  }

  /** The video's length: the container's duration, else its video stream's. */
  private static double seconds(AVFormatContext ictx, int video) {
    if (ictx.duration() != AV_NOPTS_VALUE && ictx.duration() > 0) {
      return ictx.duration() / 1e6;
    }
    AVStream s = ictx.streams(video);
    return s.duration() * s.time_base().num() / (double) s.time_base().den();
  }

  /** Mixes music (with its fades) and, when kept, the original audio, into the AAC writer. */
  private static final class Mixdown {
    private final MusicLoop loop;
    private final Music music;
    private final long totalSamples;
    private final StereoAacWriter aac;
    private final float[] musicLeft = new float[StereoAacWriter.FRAME];
    private final float[] musicRight = new float[StereoAacWriter.FRAME];

    Mixdown(MusicLoop loop, Music music, long totalSamples, StereoAacWriter aac) {
      this.loop = loop;
      this.music = music;
      this.totalSamples = totalSamples;
      this.aac = aac;
    }

    /** Adds music alone up to sample {@code until} of the output. */
    void musicUntil(long until) {
      long end = Math.min(until, totalSamples);
      while (aac.samples() < end) {
        add(null, null, 0, (int) Math.min(StereoAacWriter.FRAME, end - aac.samples()));
      }
    }

    /** Adds {@code count} samples of the original audio with music over them. */
    void under(float[] l, float[] r, int count) {
      int done = 0;
      while (done < count && aac.samples() < totalSamples) {
        int n =
            (int)
                Math.min(
                    Math.min(StereoAacWriter.FRAME, count - done), totalSamples - aac.samples());
        add(l, r, done, n);
        done += n;
      }
    }

    private void add(float[] ol, float[] or, int from, int n) {
      loop.read(musicLeft, musicRight, 0, n);
      float level = music.originalLevel() == null ? 0 : music.originalLevel().floatValue();
      for (int i = 0; i < n; i++) {
        float g = (float) gain(aac.samples());
        float l = musicLeft[i] * g;
        float r = musicRight[i] * g;
        if (ol != null) {
          l += ol[from + i] * level;
          r += or[from + i] * level;
        }
        aac.add(l, r);
      }
    }

    private double gain(long sample) {
      double fade = music.fadeSeconds() * StereoDecoder.RATE;
      if (fade <= 0) {
        return 1;
      }
      double in = sample / fade;
      double outFade = (totalSamples - sample) / fade;
      return Math.max(0, Math.min(1, Math.min(in, outFade)));
    }
  }
}
