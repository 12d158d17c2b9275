package dev.reel.highlights;

import dev.reel.media.AudioDecoder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Measures a recording's loudness over time. A long file is cut into {@code parts} time ranges at
 * window boundaries, decoded on that many threads at once (each range from its own seek) and the
 * levels joined in order, so the profile is the same as one decode's, in a fraction of the time.
 */
public final class LoudnessAnalyzer {
  /** Files shorter than this are decoded in one piece. */
  static final double SPLIT_FROM_SECONDS = 120;

  private final AudioDecoder decoder;
  private final ExecutorService executor;
  private final int parts;

  /**
   * @param executor runs the ranges of one file; its threads must allow FFmpeg work (platform)
   * @param parts how many ranges a long file is decoded in at once
   */
  public LoudnessAnalyzer(AudioDecoder decoder, ExecutorService executor, int parts) {
    this.decoder = decoder;
    this.executor = executor;
    this.parts = Math.max(1, parts);
  }

  /** How the analysis of one file ended. */
  public sealed interface Outcome {
    Path file();

    record Analysed(Path file, AudioDecoder.Track track, LevelProfile profile) implements Outcome {}

    record NoAudio(Path file) implements Outcome {}

    record Failed(Path file, String error) implements Outcome {}

    record Stopped(Path file) implements Outcome {}
  }

  public Outcome analyse(Path file, Duration window, BooleanSupplier stop) {
    return analyse(file, window, LoudnessMeasure.RMS, stop);
  }

  /**
   * The file's levels in {@code measure}. For LUFS, each range after the first starts 400 ms early
   * and drops those windows, so every momentary level spans its full 400 ms as in one decode.
   */
  public Outcome analyse(
      Path file, Duration window, LoudnessMeasure measure, BooleanSupplier stop) {
    AudioDecoder.Result probe = decoder.track(file);
    AudioDecoder.Track track;
    switch (probe) {
      case AudioDecoder.Result.NoAudio n -> {
        return new Outcome.NoAudio(file);
      }
      case AudioDecoder.Result.Failed f -> {
        return new Outcome.Failed(file, f.error());
      }
      case AudioDecoder.Result.Stopped s -> {
        return new Outcome.Stopped(file);
      }
      case AudioDecoder.Result.Decoded d -> track = d.track();
    }
    int rate = track.sourceRate() > 0 ? track.sourceRate() : 48_000;
    int windowSamples = (int) Math.max(1, Math.round(window.toNanos() / 1e9 * rate));
    double windowSeconds = windowSamples / (double) rate;
    Double duration = track.durationSeconds();
    int n = duration == null || duration < SPLIT_FROM_SECONDS ? 1 : parts;
    List<Double> bounds = new ArrayList<>();
    bounds.add(0.0);
    if (n > 1) {
      long windows = (long) Math.floor(duration / windowSeconds);
      for (int i = 1; i < n; i++) {
        bounds.add((windows * i / n) * windowSeconds); // on a window boundary
      }
    }
    List<Future<Object>> futures = new ArrayList<>();
    for (int i = 0; i < bounds.size(); i++) {
      double from = bounds.get(i);
      Double to = i + 1 < bounds.size() ? bounds.get(i + 1) : null;
      futures.add(
          executor.submit(
              () -> {
                LoudnessWindows meter = new LoudnessWindows(windowSamples, measure, rate);
                int lead = from > 0 ? meter.span() - 1 : 0;
                double start = Math.max(0, from - lead * windowSeconds);
                lead = (int) Math.round((from - start) / windowSeconds);
                AudioDecoder.Result r = decoder.decode(file, start, to, rate, meter, stop);
                if (!(r instanceof AudioDecoder.Result.Decoded)) {
                  return r;
                }
                float[] levels = meter.finish();
                return lead == 0
                    ? levels
                    : java.util.Arrays.copyOfRange(
                        levels, Math.min(lead, levels.length), levels.length);
              }));
    }
    List<float[]> pieces = new ArrayList<>();
    Outcome failure = null;
    for (Future<Object> f : futures) {
      Object r;
      try {
        r = f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        futures.forEach(x -> x.cancel(true));
        return new Outcome.Stopped(file);
      } catch (ExecutionException e) {
        r = new AudioDecoder.Result.Failed("internal error: " + e.getCause(), 0);
      }
      Outcome bad =
          switch (r) {
            case float[] levels -> {
              pieces.add(levels);
              yield null;
            }
            case AudioDecoder.Result.Failed fl -> new Outcome.Failed(file, fl.error());
            case AudioDecoder.Result.Stopped s -> new Outcome.Stopped(file);
            default -> new Outcome.Failed(file, "internal error: " + r);
          };
      if (failure == null) {
        failure = bad;
      }
    }
    if (failure != null) {
      return failure;
    }
    int total = pieces.stream().mapToInt(p -> p.length).sum();
    float[] all = new float[total];
    int at = 0;
    for (float[] p : pieces) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return new Outcome.Analysed(file, track, new LevelProfile(windowSeconds, all));
  }
}
