package dev.reel.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avformat.AVFMT_NOFILE;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_mallocz;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVChapter;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Owns an output {@code AVFormatContext} and its file; {@link #close()} closes the file and frees
 * the context (call {@link #finish()} first to write the trailer).
 */
final class OutputContext implements AutoCloseable {
  private AVFormatContext ctx;
  private final String file;
  private boolean fileOpen;

  private OutputContext(AVFormatContext ctx, String file) {
    this.ctx = ctx;
    this.file = file;
  }

  /** A muxer of the named format ({@code "matroska"}) that will write to {@code file}. */
  static OutputContext create(String muxer, String file) {
    AVFormatContext ctx = new AVFormatContext(null);
    FfmpegErrors.check(
        avformat_alloc_output_context2(ctx, null, muxer, file),
        "avformat_alloc_output_context2",
        file);
    return new OutputContext(ctx, file);
  }

  /**
   * A muxer for {@code nameForFormat}'s extension ({@code clip.mp4}: mp4) that will write to {@code
   * file} (which may be a temporary name).
   */
  static OutputContext forName(String nameForFormat, String file) {
    org.bytedeco.ffmpeg.avformat.AVOutputFormat f =
        org.bytedeco.ffmpeg.global.avformat.av_guess_format(null, nameForFormat, null);
    if (f == null) {
      throw new FfmpegException(
          -1, "no container for the name " + nameForFormat, "av_guess_format", file);
    }
    return create(f.name().getString(), file);
  }

  AVStream newStream() {
    AVStream st = avformat_new_stream(ctx, null);
    if (st == null) {
      throw new OutOfMemoryError("avformat_new_stream failed");
    }
    return st;
  }

  boolean needsGlobalHeader() {
    return (ctx.oformat().flags() & org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER) != 0;
  }

  void setMetadata(AVDictionary dict) {
    ctx.metadata(dict);
  }

  /** Marks {@code count} chapters of equal length over {@code seconds}, titled "Chapter N". */
  void addChapters(int count, double seconds) {
    if (count == 0) {
      return;
    }
    // avformat_free_context frees the array, each chapter and its metadata.
    PointerPointer<AVChapter> list = new PointerPointer<>(av_mallocz(8L * count));
    long lengthMillis = Math.max(1, Math.round(seconds * 1000 / count));
    for (int i = 0; i < count; i++) {
      AVChapter ch = new AVChapter(av_mallocz(Loader.sizeof(AVChapter.class)));
      ch.id(i + 1);
      ch.time_base(new AVRational().num(1).den(1000));
      ch.start(i * lengthMillis);
      ch.end((i + 1) * lengthMillis);
      AVDictionary dict = new AVDictionary(null);
      av_dict_set(dict, "title", "Chapter " + (i + 1), 0);
      ch.metadata(dict);
      list.put(i, ch);
    }
    ctx.chapters(list);
    ctx.nb_chapters(count);
  }

  /** Opens the file and writes the container header. */
  void start() {
    if ((ctx.oformat().flags() & AVFMT_NOFILE) == 0) {
      AVIOContext pb = new AVIOContext(null);
      FfmpegErrors.check(avio_open(pb, "file:" + file, AVIO_FLAG_WRITE), "avio_open", file);
      ctx.pb(pb);
      fileOpen = true;
    }
    FfmpegErrors.check(
        avformat_write_header(ctx, (AVDictionary) null), "avformat_write_header", file);
  }

  void write(AVPacket packet) {
    FfmpegErrors.check(av_interleaved_write_frame(ctx, packet), "av_interleaved_write_frame", file);
  }

  /** Writes the trailer (index, durations). */
  void finish() {
    FfmpegErrors.check(av_write_trailer(ctx), "av_write_trailer", file);
  }

  String file() {
    return file;
  }

  AVFormatContext raw() {
    return ctx;
  }

  @Override
  public void close() {
    if (ctx != null) {
      if (fileOpen) {
        avio_closep(ctx.pb());
        fileOpen = false;
      }
      avformat_free_context(ctx);
      ctx = null;
    }
  }
}
