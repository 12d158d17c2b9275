package dev.reel.highlights;

import dev.reel.concurrent.ItemOutcome;
import dev.reel.concurrent.ParallelMap;
import dev.reel.concurrent.StopToken;
import dev.reel.job.JobSummary;
import dev.reel.job.Outcome;
import dev.reel.media.ClipCutter;
import dev.reel.progress.ProgressModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.Consumer;

/**
 * Finds the highlights of a batch of recordings and cuts them as clips.
 *
 * <p>Files are analysed {@code workers} at a time (a long file in {@code parts} ranges at once);
 * each file's threshold, detections, clip places and reduced picture are kept, its levels are not.
 * With {@code --top} the best highlights of the whole batch are chosen after every file is
 * analysed. Clips are then cut {@code cutWorkers} at a time, each with a timeout, and every file's
 * outputs (index, CSV, edit lists, pictures, review page) are written. One file that fails never
 * stops the others.
 */
public final class HighlightsJob {
  /** How long running work may go on after a stop. */
  public static final Duration STOP_GRACE = Duration.ofSeconds(5);

  static final int PICTURE_COLUMNS = 2_000;
  private final LoudnessAnalyzer analyzer;
  private final ClipCutter cutter;
  private final Consumer<String> warnings;

  public HighlightsJob(LoudnessAnalyzer analyzer, ClipCutter cutter, Consumer<String> warnings) {
    this.analyzer = analyzer;
    this.cutter = cutter;
    this.warnings = warnings;
  }

  public JobSummary run(
      HighlightsRequest request, Consumer<FileOutcome> sink, StopToken stop, ProgressModel progress)
      throws IOException {
    return run(request, folders(request), true, sink, stop, progress);
  }

  /**
   * Runs the job over a share of a batch (a Spark partition's files): each input's output folder
   * comes from {@code folders} (made by {@link #folders} for the whole batch), and the batch's
   * overview page is left to the caller unless {@code overview}.
   */
  public JobSummary run(
      HighlightsRequest request,
      Map<Path, Path> folders,
      boolean overview,
      Consumer<FileOutcome> sink,
      StopToken stop,
      ProgressModel progress)
      throws IOException {
    progress.beginPhase("analyse");
    progress.total(request.inputs().size());
    DoubleAdder hours = new DoubleAdder();
    progress.extras(() -> Map.of("media_hours", Math.round(hours.sum() * 100) / 100.0));
    List<FileOutcome> outcomes = new ArrayList<>();
    long dropped =
        new ParallelMap<Path, FileOutcome>(request.workers(), null, true, "reel-highlights")
            .run(
                request.inputs().iterator(),
                file -> analyse(file, folders.get(file), request, stop),
                o -> {
                  FileOutcome f = resolve(o);
                  outcomes.add(f);
                  if (f instanceof FileOutcome.Done d) {
                    hours.add(d.result().durationSeconds() / 3600);
                  }
                  status(f).countIn(progress);
                },
                stop,
                STOP_GRACE);
    List<FileOutcome> chosen = request.top() > 0 ? top(outcomes, request.top()) : outcomes;
    if (request.clips() != null && !stop.isStopped()) {
      chosen = cut(chosen, request, stop, progress);
    }
    progress.beginPhase("write");
    List<FileHighlights> done = new ArrayList<>();
    long failed = 0;
    long ok = 0;
    for (FileOutcome f : chosen) {
      if (f instanceof FileOutcome.Done d) {
        HighlightsOutputs.write(d.result(), request);
        done.add(d.result());
      }
      sink.accept(f);
      if (failed(f)) {
        failed++;
      } else {
        ok++;
      }
    }
    if (overview && done.size() > 1) {
      ReviewPage.writeOverview(
          request.out(), done.stream().map(ReviewPage.OverviewRow::of).toList());
    }
    return new JobSummary(
        "highlights",
        "files",
        ok,
        failed,
        0,
        dropped,
        Duration.ofNanos(progress.jobElapsedNanos()),
        stop.isStopped());
  }

  /**
   * Whether a file counts as failed in the summary: it failed, or a clip of it could not be cut.
   */
  public static boolean failed(FileOutcome f) {
    return status(f) instanceof Outcome.Failed || problems(f);
  }

  private static boolean problems(FileOutcome f) {
    return f instanceof FileOutcome.Done d
        && d.result().highlights().stream().anyMatch(h -> h.problem() != null);
  }

  static Outcome status(FileOutcome f) {
    return switch (f) {
      case FileOutcome.Done d -> Outcome.OK;
      case FileOutcome.NoAudio n -> new Outcome.Failed("no audio stream");
      case FileOutcome.Failed x -> new Outcome.Failed(x.error());
    };
  }

  /** One folder per input in a batch (its name, made unique), the output folder for one input. */
  public static Map<Path, Path> folders(HighlightsRequest r) {
    Map<Path, Path> m = new LinkedHashMap<>();
    if (r.inputs().size() == 1) {
      m.put(r.inputs().get(0), r.out());
      return m;
    }
    Set<String> used = new HashSet<>();
    for (Path p : r.inputs()) {
      String name = p.getFileName().toString();
      int dot = name.lastIndexOf('.');
      String stem = dot > 0 ? name.substring(0, dot) : name;
      String unique = stem;
      for (int n = 2; !used.add(unique.toLowerCase(Locale.ROOT)); n++) {
        unique = stem + " (" + n + ")";
      }
      m.put(p, r.out().resolve(unique));
    }
    return m;
  }

  private FileOutcome analyse(Path file, Path folder, HighlightsRequest r, StopToken stop) {
    LoudnessAnalyzer.Outcome o = analyzer.analyse(file, r.window(), r.measure(), stop::isStopped);
    return switch (o) {
      case LoudnessAnalyzer.Outcome.NoAudio n -> new FileOutcome.NoAudio(file);
      case LoudnessAnalyzer.Outcome.Failed f -> new FileOutcome.Failed(file, f.error());
      case LoudnessAnalyzer.Outcome.Stopped s -> new FileOutcome.Failed(file, "stopped");
      case LoudnessAnalyzer.Outcome.Analysed a -> {
        LevelProfile p = a.profile();
        LevelProfile.Stats stats = p.stats();
        boolean automatic = r.thresholdDb() == null;
        double threshold = automatic ? stats.balanced() : r.thresholdDb();
        List<Detection> found = new HighlightDetector(r.rules().at(threshold)).detect(p);
        found = ClipPlacement.best(found, r.maxClips());
        double duration =
            a.track().durationSeconds() != null ? a.track().durationSeconds() : p.durationSeconds();
        List<Highlight> hs = new ArrayList<>();
        for (Detection d : found) {
          double[] clip =
              r.clips() == null
                  ? new double[] {d.startSeconds(), d.endSeconds()}
                  : ClipPlacement.place(
                      d, seconds(r.clips().length()), seconds(r.clips().pre()), duration);
          hs.add(new Highlight(hs.size() + 1, d, clip[0], clip[1], null, Double.NaN, null));
        }
        yield new FileOutcome.Done(
            new FileHighlights(
                file,
                folder,
                r.measure(),
                a.track(),
                duration,
                p.windowSeconds(),
                stats,
                threshold,
                automatic,
                ClipPlacement.reduce(p.levels(), PICTURE_COLUMNS),
                hs));
      }
    };
  }

  private static FileOutcome resolve(ItemOutcome<Path, FileOutcome> o) {
    return switch (o) {
      case ItemOutcome.Done<Path, FileOutcome> d -> d.value();
      case ItemOutcome.Failed<Path, FileOutcome> f ->
          new FileOutcome.Failed(f.item(), "internal error: " + f.error());
      case ItemOutcome.TimedOut<Path, FileOutcome> t ->
          new FileOutcome.Failed(t.item(), "timed out");
    };
  }

  /** The best {@code n} highlights of the whole batch; files keep their others out. */
  private static List<FileOutcome> top(List<FileOutcome> all, int n) {
    List<Highlight> every = new ArrayList<>();
    for (FileOutcome f : all) {
      if (f instanceof FileOutcome.Done d) {
        every.addAll(d.result().highlights());
      }
    }
    every.sort(Comparator.comparingDouble((Highlight h) -> h.detection().score()).reversed());
    Set<Highlight> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    kept.addAll(every.subList(0, Math.min(n, every.size())));
    List<FileOutcome> out = new ArrayList<>();
    for (FileOutcome f : all) {
      if (f instanceof FileOutcome.Done d) {
        out.add(
            new FileOutcome.Done(
                d.result().with(d.result().highlights().stream().filter(kept::contains).toList())));
      } else {
        out.add(f);
      }
    }
    return out;
  }

  /** A clip to cut: its file's result and its highlight. */
  private record Job(FileHighlights file, Highlight highlight) {}

  private List<FileOutcome> cut(
      List<FileOutcome> all, HighlightsRequest r, StopToken stop, ProgressModel progress)
      throws IOException {
    List<Job> jobs = new ArrayList<>();
    for (FileOutcome f : all) {
      if (f instanceof FileOutcome.Done d) {
        Files.createDirectories(d.result().folder());
        for (Highlight h : d.result().highlights()) {
          jobs.add(new Job(d.result(), h));
        }
      }
    }
    progress.beginPhase("cut");
    progress.total(jobs.size());
    HighlightsRequest.Clips c = r.clips();
    Map<Highlight, Highlight> cut = new HashMap<>();
    new ParallelMap<Job, Highlight>(c.cutWorkers(), c.timeout().plusSeconds(5), false, "reel-cut")
        .run(
            jobs.iterator(),
            j -> cutOne(j, c),
            o -> {
              Highlight h =
                  switch (o) {
                    case ItemOutcome.Done<Job, Highlight> d -> d.value();
                    case ItemOutcome.Failed<Job, Highlight> f ->
                        f.item().highlight().withProblem("internal error: " + f.error());
                    case ItemOutcome.TimedOut<Job, Highlight> t ->
                        t.item().highlight().withProblem("timed out");
                  };
              Highlight original =
                  switch (o) {
                    case ItemOutcome.Done<Job, Highlight> d -> d.item().highlight();
                    case ItemOutcome.Failed<Job, Highlight> f -> f.item().highlight();
                    case ItemOutcome.TimedOut<Job, Highlight> t -> t.item().highlight();
                  };
              cut.put(original, h);
              if (h.problem() == null) {
                progress.ok();
              } else {
                progress.failed();
                warnings.accept(
                    "cannot cut clip "
                        + h.number()
                        + " of "
                        + o.item().file().file()
                        + ": "
                        + h.problem());
              }
            },
            stop,
            STOP_GRACE);
    List<FileOutcome> out = new ArrayList<>();
    for (FileOutcome f : all) {
      if (f instanceof FileOutcome.Done d) {
        out.add(
            new FileOutcome.Done(
                d.result()
                    .with(
                        d.result().highlights().stream()
                            .map(h -> cut.getOrDefault(h, h.withProblem("not cut: stopped")))
                            .toList())));
      } else {
        out.add(f);
      }
    }
    return out;
  }

  private Highlight cutOne(Job j, HighlightsRequest.Clips c) {
    Highlight h = j.highlight();
    String ext = extension(j.file().file());
    Path target = j.file().folder().resolve(ClipPlacement.name(h, ext));
    if (!c.overwrite() && Files.exists(target)) {
      warnings.accept("kept the existing clip " + target + " (--overwrite replaces it)");
      return h.withClip(target, Double.NaN);
    }
    ClipCutter.Result r =
        cutter.cut(
            j.file().file(),
            h.clipStart(),
            h.clipEnd(),
            target,
            c.mode(),
            c.overwrite(),
            c.timeout());
    return switch (r) {
      case ClipCutter.Result.Cut done -> h.withClip(done.file(), done.startSeconds());
      case ClipCutter.Result.Failed f -> h.withProblem(f.error());
    };
  }

  /** The clip's container: the source's own (a stream copy keeps its codecs). */
  static String extension(Path source) {
    String n = source.getFileName().toString();
    int dot = n.lastIndexOf('.');
    String ext = dot > 0 ? n.substring(dot + 1).toLowerCase(Locale.ROOT) : "mkv";
    return switch (ext) {
      case "mp4", "m4v", "mov", "mkv", "webm", "m4a", "ts", "flv", "avi", "mka", "wav", "flac" ->
          ext;
      default -> "mkv";
    };
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
