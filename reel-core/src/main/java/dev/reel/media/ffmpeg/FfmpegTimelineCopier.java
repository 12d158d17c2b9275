package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.avformat_seek_file;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import dev.reel.media.ClipCutter;
import dev.reel.media.TimelineCopier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Stream-copies a timeline into one file in one pass. Sources stay open while clips still need them
 * (up to {@value #OPEN_SOURCES} at a time), so a source used by many clips is opened once. Each
 * clip's timestamps are moved to where the one before ended (the longest of its streams), so audio
 * and video stay together across clips; a packet that would go back in time by a few milliseconds
 * (an audio frame overlapping a cut) is moved just past the last one written.
 */
public final class FfmpegTimelineCopier implements TimelineCopier {
  static final int OPEN_SOURCES = 32;
  private final AtomicInteger opens = new AtomicInteger();

  public FfmpegTimelineCopier() {
    FfmpegLibrary.load();
  }

  /** How many times a source was opened (for tests: once per distinct source). */
  public int opens() {
    return opens.get();
  }

  /** An opened source and the streams a clip takes from it. */
  private record Source(
      FormatContext in, InterruptDeadline deadline, int video, int audio, double startTime)
      implements AutoCloseable {
    @Override
    public void close() {
      in.close();
      deadline.close();
    }
  }

  @Override
  public double copy(
      List<Piece> pieces,
      Path target,
      String nameForFormat,
      Duration timeoutPerPiece,
      BooleanSupplier stopped,
      Listener listener) {
    Map<Path, Source> open =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Path, Source> eldest) {
            if (size() > OPEN_SOURCES) {
              eldest.getValue().close();
              return true;
            }
            return false;
          }
        };
    try (OutputContext out = OutputContext.forName(nameForFormat, target.toString());
        Packet packet = Packet.allocate()) {
      AVCodecParameters[] template = null; // the output's streams: video, audio (null for none)
      long[] lastDts = null;
      double offset = 0;
      int written = 0;
      String firstProblem = null;
      for (int i = 0; i < pieces.size() && !stopped.getAsBoolean(); i++) {
        Piece piece = pieces.get(i);
        try {
          Source src = open.get(piece.source());
          if (src == null) {
            src = open(piece.source(), timeoutPerPiece);
            open.put(piece.source(), src);
          } else {
            src.deadline().restart(timeoutPerPiece.toNanos());
          }
          if (template == null) {
            template = startOutput(out, src);
            lastDts = new long[2];
            Arrays.fill(lastDts, Long.MIN_VALUE);
          } else {
            String differs = differs(template, src);
            if (differs != null) {
              listener.piece(i, new ClipCutter.Result.Failed(differs));
              continue;
            }
          }
          double[] range = copyPiece(src, piece, out, packet, offset, lastDts);
          offset += range[2];
          written++;
          listener.piece(i, new ClipCutter.Result.Cut(piece.source(), range[0], range[1]));
        } catch (FfmpegException e) {
          String why = e.reasonAndFunction();
          firstProblem = firstProblem == null ? why : firstProblem;
          listener.piece(i, new ClipCutter.Result.Failed(why));
        } catch (IllegalStateException e) {
          firstProblem = firstProblem == null ? e.getMessage() : firstProblem;
          listener.piece(i, new ClipCutter.Result.Failed(e.getMessage()));
        }
      }
      if (written == 0) {
        throw new IllegalStateException(
            "no clip could be copied" + (firstProblem == null ? "" : ": " + firstProblem));
      }
      out.finish();
      return offset;
    } catch (FfmpegException e) {
      throw new IllegalStateException(e.reasonAndFunction(), e);
    } finally {
      open.values().forEach(Source::close);
    }
  }

  private Source open(Path file, Duration timeout) {
    InterruptDeadline deadline = InterruptDeadline.after(timeout.toNanos());
    FormatContext in;
    try {
      in = FormatContext.open(file.toString(), deadline);
    } catch (RuntimeException e) {
      deadline.close();
      throw e;
    }
    try {
      in.findStreamInfo();
      int[] va = FfmpegClipCutter.videoAndAudio(in.raw());
      if (va[0] < 0 && va[1] < 0) {
        throw new IllegalStateException(file.getFileName() + ": no video or audio stream");
      }
      long st = in.raw().start_time();
      opens.incrementAndGet();
      return new Source(in, deadline, va[0], va[1], st == AV_NOPTS_VALUE ? 0 : st / 1_000_000.0);
    } catch (RuntimeException e) {
      in.close();
      deadline.close();
      throw e;
    }
  }

  /** Adds the first source's streams to the output and writes its header. */
  private static AVCodecParameters[] startOutput(OutputContext out, Source src) {
    AVCodecParameters[] template = new AVCodecParameters[2];
    int[] streams = {src.video(), src.audio()};
    for (int k = 0; k < 2; k++) {
      if (streams[k] < 0) {
        continue;
      }
      AVStream is = src.in().raw().streams(streams[k]);
      AVStream os = out.newStream();
      FfmpegErrors.check(
          avcodec_parameters_copy(os.codecpar(), is.codecpar()),
          "avcodec_parameters_copy",
          src.in().file());
      os.codecpar().codec_tag(0);
      os.time_base(is.time_base());
      template[k] = os.codecpar();
    }
    out.start();
    return template;
  }

  /**
   * Why {@code src}'s streams cannot go into an output made for {@code template}; null if they can.
   */
  static String differs(AVCodecParameters[] template, Source src) {
    int[] streams = {src.video(), src.audio()};
    String[] kind = {"video", "audio"};
    for (int k = 0; k < 2; k++) {
      if ((template[k] == null) != (streams[k] < 0)) {
        return template[k] == null
            ? "it has " + kind[k] + ", the output has none"
            : "it has no " + kind[k] + ", the output has";
      }
      if (template[k] == null) {
        continue;
      }
      AVCodecParameters t = template[k];
      AVCodecParameters p = src.in().raw().streams(streams[k]).codecpar();
      if (t.codec_id() != p.codec_id()) {
        return kind[k] + " codec differs from the first clip's";
      }
      if (k == 0 && (t.width() != p.width() || t.height() != p.height())) {
        return "video is "
            + p.width()
            + "x"
            + p.height()
            + ", the output "
            + t.width()
            + "x"
            + t.height();
      }
      if (k == 1
          && (t.sample_rate() != p.sample_rate()
              || t.ch_layout().nb_channels() != p.ch_layout().nb_channels())) {
        return "audio is "
            + p.sample_rate()
            + " Hz "
            + p.ch_layout().nb_channels()
            + " ch, the output "
            + t.sample_rate()
            + " Hz "
            + t.ch_layout().nb_channels()
            + " ch";
      }
      if (!sameExtradata(t, p)) {
        return kind[k]
            + " codec set-up (extradata) differs from the first clip's: re-encode"
            + " with --mode encode";
      }
    }
    return null;
  }

  private static boolean sameExtradata(AVCodecParameters a, AVCodecParameters b) {
    int n = a.extradata_size();
    if (n != b.extradata_size()) {
      return false;
    }
    if (n == 0) {
      return true;
    }
    byte[] x = new byte[n];
    byte[] y = new byte[n];
    a.extradata().get(x);
    b.extradata().get(y);
    return Arrays.equals(x, y);
  }

  /**
   * Copies one piece at output time {@code offset}.
   *
   * @return where it really starts and ends in its source, and its length in the output
   */
  private static double[] copyPiece(
      Source src, Piece piece, OutputContext out, Packet packet, double offset, long[] lastDts) {
    FormatContext in = src.in();
    int seekStream = src.video() >= 0 ? src.video() : src.audio();
    int streams = in.raw().nb_streams();
    // time bases read once per clip: a JavaCPP getter per packet costs more than the copy itself
    int[] outIndex = new int[streams];
    long[] inNum = new long[streams];
    long[] inDen = new long[streams];
    long[] outNum = new long[streams];
    long[] outDen = new long[streams];
    Arrays.fill(outIndex, -1);
    int next = 0;
    for (int si : new int[] {src.video(), src.audio()}) {
      if (si < 0) {
        continue;
      }
      outIndex[si] = next++;
      AVRational itb = in.raw().streams(si).time_base();
      AVRational otb = out.raw().streams(outIndex[si]).time_base();
      inNum[si] = itb.num();
      inDen[si] = itb.den();
      outNum[si] = otb.num();
      outDen[si] = otb.den();
    }
    long seekTo =
        Math.round((piece.fromSeconds() + src.startTime()) * inDen[seekStream] / inNum[seekStream]);
    avformat_seek_file(in.raw(), seekStream, Long.MIN_VALUE, seekTo, seekTo, AVSEEK_FLAG_BACKWARD);
    long[] shift = new long[streams]; // the clip's start, in each input stream's ticks
    long[] at = new long[streams]; // where it goes, in the output stream's ticks
    double start = Double.NaN;
    double end = piece.fromSeconds();
    boolean videoDone = src.video() < 0;
    boolean audioDone = src.audio() < 0;
    AVPacket p = packet.raw();
    while (!(videoDone && audioDone)) {
      int ret = in.readPacket(packet);
      if (ret == AVERROR_EOF) {
        break;
      }
      if (ret < 0) {
        throw new IllegalStateException(
            src.deadline().expired() ? "timed out" : "read error: " + FfmpegErrors.text(ret));
      }
      int si = p.stream_index();
      long pts = p.pts();
      if (si >= streams || outIndex[si] < 0 || pts == AV_NOPTS_VALUE) {
        packet.unref();
        continue;
      }
      double tick = inNum[si] / (double) inDen[si];
      double t = pts * tick - src.startTime();
      if (Double.isNaN(start)) {
        if (si != seekStream || (p.flags() & AV_PKT_FLAG_KEY) == 0) {
          packet.unref();
          continue;
        }
        start = t;
        for (int k = 0; k < streams; k++) {
          if (outIndex[k] >= 0) {
            shift[k] = Math.round((start + src.startTime()) * inDen[k] / inNum[k]);
            at[k] = Math.round(offset * outDen[k] / outNum[k]);
          }
        }
      }
      if (t < start - 0.0005 || t >= piece.toSeconds()) {
        if (t >= piece.toSeconds()) {
          if (si == src.video()) {
            videoDone = true;
          } else {
            audioDone = true;
          }
        }
        packet.unref();
        continue;
      }
      long duration = p.duration();
      end = Math.max(end, t + (duration > 0 ? duration * tick : 0));
      int os = outIndex[si];
      long num = inNum[si] * outDen[si];
      long den = inDen[si] * outNum[si];
      long outPts = rescale(pts - shift[si], num, den) + at[si];
      long dts = p.dts();
      if (dts != AV_NOPTS_VALUE) {
        long outDts = rescale(dts - shift[si], num, den) + at[si];
        if (outDts <= lastDts[os]) {
          outDts = lastDts[os] + 1;
          outPts = Math.max(outPts, outDts);
        }
        lastDts[os] = outDts;
        p.dts(outDts);
      }
      p.pts(outPts);
      if (duration > 0) {
        p.duration(rescale(duration, num, den));
      }
      p.stream_index(os);
      p.pos(-1);
      out.write(p);
      packet.unref();
    }
    if (Double.isNaN(start)) {
      throw new IllegalStateException(
          "nothing to copy between " + piece.fromSeconds() + "s and " + piece.toSeconds() + "s");
    }
    return new double[] {start, Math.min(end, piece.toSeconds()), end - start};
  }

  /** {@code ts * num / den}, rounded to the nearest (halves away from zero), as av_rescale_q. */
  static long rescale(long ts, long num, long den) {
    if (num == den) {
      return ts;
    }
    try {
      long product = Math.multiplyExact(ts, num);
      long half = den / 2;
      return product >= 0 ? (product + half) / den : -((-product + half) / den);
    } catch (ArithmeticException e) {
      return java.math.BigDecimal.valueOf(ts)
          .multiply(java.math.BigDecimal.valueOf(num))
          .divide(java.math.BigDecimal.valueOf(den), 0, java.math.RoundingMode.HALF_UP)
          .longValueExact();
    }
  }
}
