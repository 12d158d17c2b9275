package dev.reel.cli;

import dev.reel.media.HdrTransfer;
import dev.reel.media.ffmpeg.FfmpegMediaEncoder;
import dev.reel.testmedia.Breakage;
import dev.reel.testmedia.EnvelopeText;
import dev.reel.testmedia.TestLibrary;
import dev.reel.testmedia.TestMedia;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reel dev make-media}: make test media in-process, one file or a whole library. */
@Command(
    name = "make-media",
    header = "Make synthetic media files for tests and benchmarks.",
    mixinStandardHelpOptions = true,
    description = {
      "Make a synthetic media file (container from the extension), or with --library a folder",
      "of --count distinct small files in mixed containers. Never overwrites a file."
    })
final class MakeMediaCommand implements Callable<Integer> {
  private final StdStreams streams;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "The file to make.")
  Path file;

  @Option(names = "--library", paramLabel = "DIR", description = "Make many files in DIR.")
  Path library;

  @Option(names = "--count", defaultValue = "100", description = "Files for --library.")
  int count;

  @Option(names = "--workers", description = "Files made at once (--library).")
  Integer workers;

  @Option(names = "--seconds", defaultValue = "2", description = "Duration in seconds.")
  double seconds;

  @Option(names = "--size", defaultValue = "320x240", description = "Picture size WxH.")
  String size;

  @Option(names = "--fps", defaultValue = "25")
  double fps;

  @Option(names = "--video-codec", description = "h264, mpeg4 or vp9 (default: the container's)")
  String videoCodec;

  @Option(names = "--audio-codec", description = "aac, mp3, opus, vorbis, flac, ac3, pcm_s16le")
  String audioCodec;

  @Option(names = "--no-audio")
  boolean noAudio;

  @Option(names = "--sample-rate", defaultValue = "48000")
  int sampleRate;

  @Option(names = "--channels", defaultValue = "2")
  int channels;

  @Option(
      names = "--envelope",
      description = "Loudness over time, e.g. noise:-50,burst:12+2:-6 (default tone:440:-20)")
  String envelope;

  @Option(names = "--video-language")
  String videoLanguage;

  @Option(names = "--audio-language", defaultValue = "eng")
  String audioLanguage;

  @Option(names = "--rotation", defaultValue = "0", description = "Clockwise: 0, 90, 180, 270.")
  int rotation;

  @Option(names = "--hdr", defaultValue = "none", description = "none, pq or hlg.")
  String hdr;

  @Option(
      names = "--subtitle",
      paramLabel = "LANG[:forced]",
      description = "Add a text subtitle track (mkv, webm); repeatable.")
  List<String> subtitles = List.of();

  @Option(names = "--chapters", defaultValue = "0", description = "Chapters of equal length.")
  int chapters;

  @Option(names = "--seed", defaultValue = "1")
  long seed;

  @Option(
      names = "--break",
      paramLabel = "HOW",
      description = "truncated:N, zero-length, random or header-zeroed:N.")
  String breakage;

  @picocli.CommandLine.Mixin ProgressOptions output = new ProgressOptions();

  MakeMediaCommand(StdStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() throws Exception {
    String[] wh = size.toLowerCase(Locale.ROOT).split("x");
    if (wh.length != 2) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--size must be WxH, not " + size);
    }
    int w = Integer.parseInt(wh[0]);
    int h = Integer.parseInt(wh[1]);
    FfmpegMediaEncoder encoder = new FfmpegMediaEncoder();
    if (library != null) {
      int n = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
      return new JobRunner(streams, output)
          .run(
              "make-media",
              "files",
              "stopping",
              java.time.Duration.ofSeconds(5),
              (stop, progress) -> {
                progress.total(count);
                List<Path> made =
                    TestLibrary.make(encoder, library, count, seconds, w, h, n, d -> progress.ok());
                streams.err().println("made " + made.size() + " files in " + library);
                return dev.reel.job.JobSummary.of(progress.snapshot(), 0, false);
              });
    }
    if (file == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "give a FILE or --library DIR");
    }
    String name = file.getFileName().toString();
    TestMedia recipe =
        TestMedia.of(name.substring(name.lastIndexOf('.') + 1))
            .size(w, h)
            .fps(fps)
            .seconds(seconds)
            .audio(sampleRate, channels)
            .languages(videoLanguage, audioLanguage)
            .rotation(rotation)
            .hdr(HdrTransfer.valueOf(hdr.toUpperCase(Locale.ROOT)))
            .seed(seed);
    if (videoCodec != null) {
      recipe.videoCodec(videoCodec);
    }
    if (audioCodec != null) {
      recipe.audioCodec(audioCodec);
    }
    for (String sub : subtitles) {
      String[] lf = sub.split(":", 2);
      recipe.subtitle(lf[0], null, lf.length > 1 && lf[1].equals("forced"));
    }
    recipe.chapters(chapters);
    if (noAudio) {
      recipe.noAudio();
    }
    if (envelope != null) {
      recipe.envelope(EnvelopeText.parse(envelope));
    }
    if (breakage != null) {
      recipe.broken(Breakage.parse(breakage));
    }
    if (java.nio.file.Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), file + " exists: reel will not overwrite it");
    }
    Path parent = file.toAbsolutePath().getParent();
    recipe.write(encoder, parent.resolve(file.getFileName()));
    streams.out().println(file);
    return 0;
  }
}
