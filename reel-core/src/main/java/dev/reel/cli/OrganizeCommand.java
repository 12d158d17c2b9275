package dev.reel.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reel.concurrent.StopToken;
import dev.reel.job.JobFailedException;
import dev.reel.job.JobSummary;
import dev.reel.media.ffmpeg.FfmpegLibrary;
import dev.reel.media.ffmpeg.FfmpegMediaProbe;
import dev.reel.organize.AppliedAction;
import dev.reel.organize.Applier;
import dev.reel.organize.Layout;
import dev.reel.organize.NameTemplate;
import dev.reel.organize.Naming;
import dev.reel.organize.OnConflict;
import dev.reel.organize.OrganizeJob;
import dev.reel.organize.OrganizeRequest;
import dev.reel.organize.Plan;
import dev.reel.organize.PlanFile;
import dev.reel.organize.PlanJson;
import dev.reel.organize.PlanReport;
import dev.reel.organize.PlanTable;
import dev.reel.organize.PlannedAction;
import dev.reel.organize.SafeNames;
import dev.reel.organize.Verb;
import dev.reel.probe.ProbeCache;
import dev.reel.probe.StoredProbeCache;
import dev.reel.progress.ProgressModel;
import dev.reel.store.Store;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reel organize SOURCE... --into LIBRARY}: plan, and with --apply carry out, a library. */
@Command(
    name = "organize",
    header = "Sort videos into a Plex or Jellyfin library: a plan first, then --apply, undoable.",
    mixinStandardHelpOptions = true,
    description = {
      "Probes and identifies every video below SOURCE and plans where it goes in the library:",
      "episodes, movies, extras, sidecars (subtitles, .nfo, artwork), duplicates (byte-identical,",
      "or the same episode in lower quality) and what stays (unplayable, unknown, conflicts).",
      "Without --apply nothing changes. With --apply every action goes to a journal first;",
      "'reel undo' reverts a run, '--apply --resume' finishes one that was interrupted.",
      "Nothing is ever overwritten; duplicates are moved aside, never deleted.",
      "Exit code: 0 fine, 1 some files failed, 2 usage error, 3 reel failed, 130 stopped."
    })
final class OrganizeCommand implements Callable<Integer> {
  private final StdStreams streams;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "SOURCE", description = "Files and folders to organize.")
  List<Path> sources = List.of();

  @Option(names = "--into", paramLabel = "LIBRARY", description = "The library's root folder.")
  Path into;

  @Option(names = "--apply", description = "Carry the plan out (default: only show it).")
  boolean apply;

  @Option(
      names = "--plan",
      paramLabel = "FILE",
      description =
          "With --apply: carry out exactly this reviewed plan (from --report F.json or --json).")
  Path planFile;

  @Option(names = "--resume", description = "With --apply: finish the last interrupted run.")
  boolean resume;

  @Option(names = "--json", description = "One JSON object per action and line.")
  boolean json;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Also write the plan to FILE: .json (for --plan), .csv, .md or .html.")
  Path report;

  @Option(
      names = "--layout",
      defaultValue = "plex",
      paramLabel = "NAME",
      description = "plex or jellyfin naming. Default: ${DEFAULT-VALUE}.")
  String layout;

  @Option(
      names = "--movie-format",
      paramLabel = "FORMAT",
      description =
          "Own movie naming, e.g. '{title} ({year})/{title} ({year})[ - {resolution}]'. Tokens:"
              + " title year season episode episode_range episode_title date edition part"
              + " resolution video_codec ext; {season:2} pads; [..] is left out when a token in it"
              + " is empty.")
  String movieFormat;

  @Option(names = "--episode-format", paramLabel = "FORMAT", description = "Own episode naming.")
  String episodeFormat;

  @Option(
      names = "--safe-names",
      defaultValue = "windows",
      paramLabel = "KIND",
      description = "windows (also safe on SMB shares) or posix. Default: ${DEFAULT-VALUE}.")
  String safeNames;

  @Option(names = "--keep-versions", description = "Keep every resolution of a movie or episode.")
  boolean keepVersions;

  @Option(
      names = "--action",
      defaultValue = "move",
      paramLabel = "HOW",
      description = "move, copy, hardlink or symlink. Default: ${DEFAULT-VALUE}.")
  String action;

  @Option(
      names = "--on-conflict",
      defaultValue = "skip",
      paramLabel = "WHAT",
      description =
          "A target exists with other content: skip (reported), index ('Name (2).mkv') or fail."
              + " Default: ${DEFAULT-VALUE}.")
  String onConflict;

  @Option(
      names = "--duplicates-dir",
      paramLabel = "DIR",
      description = "Where duplicates are moved. Default: LIBRARY/.reel/duplicates.")
  Path duplicatesDir;

  @Option(
      names = "--quarantine",
      paramLabel = "DIR",
      description = "Move unplayable files here (default: they stay where they are).")
  Path quarantine;

  @Option(
      names = "--in-place",
      description = "Re-organize a library within itself (SOURCE is LIBRARY).")
  boolean inPlace;

  @Option(names = "--hidden", description = "Also walk hidden files and folders.")
  boolean hidden;

  @Option(
      names = "--timeout",
      defaultValue = "30s",
      paramLabel = "DURATION",
      converter = Converters.DurationValue.class,
      description = "Per-file probe time limit. Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  @Mixin WorkerOptions workers = new WorkerOptions();
  @Mixin CacheOptions cache = new CacheOptions();
  @Mixin LookupOptions lookups = new LookupOptions();
  @Mixin ProgressOptions output = new ProgressOptions();

  OrganizeCommand(StdStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() throws Exception {
    OrganizeRequest request = JobRunner.request(spec, this::request);
    Consumer<String> warnings = w -> streams.err().println("reel organize: " + w);
    Optional<Store> store =
        apply ? Optional.ofNullable(journalStore(warnings)) : cache.open(warnings);
    try {
      JobRunner runner = new JobRunner(streams, output);
      return runner.run(
          "organize",
          "files",
          "stopping: the file being moved is finished, the rest stays for --resume",
          Duration.ofSeconds(30),
          (stop, progress) -> body(request, store.orElse(null), warnings, stop, progress));
    } finally {
      store.ifPresent(Store::close);
    }
  }

  private Store journalStore(Consumer<String> warnings) {
    StringBuilder why = new StringBuilder();
    Optional<Store> s = Store.open(cache.folder(), w -> why.append(w));
    return s.orElseThrow(
        () ->
            new JobFailedException(
                "cannot apply without the journal: " + why + "; nothing was changed"));
  }

  private JobSummary body(
      OrganizeRequest request,
      Store store,
      Consumer<String> warnings,
      StopToken stop,
      ProgressModel progress)
      throws Exception {
    String command = "reel " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    Applier applier = apply ? new Applier(store, this::printApplied, warnings) : null;
    if (resume) {
      return applier.resume(null, stop, progress);
    }
    Plan plan;
    OrganizeJob job = null;
    if (planFile != null) {
      plan = reviewed;
    } else {
      FfmpegLibrary.logErrors(output.verbose);
      ProbeCache probeCache =
          store == null || cache.off ? ProbeCache.NONE : new StoredProbeCache(store, warnings);
      job =
          new OrganizeJob(
              new FfmpegMediaProbe(),
              probeCache,
              cache.off ? null : store,
              warnings,
              System::nanoTime);
      job.refiningWith(lookups.refiner(cache.off ? null : store, System.getenv(), warnings));
      job.secondOpinionFrom(
          lookups.secondOpinion(cache.off ? null : store, System.getenv(), warnings));
      plan = job.plan(request, stop, progress);
      if (plan == null) {
        return JobSummary.of(progress, 0, true);
      }
    }
    if (report != null) {
      PlanReport.write(plan, report);
    }
    if (!apply) {
      if (json) {
        for (PlannedAction a : plan.actions()) {
          streams.out().println(PlanJson.action(a).toString());
        }
      } else {
        PlanTable.print(plan, streams.out());
      }
      if (job != null && !output.quiet) {
        warnings.accept("phases: " + job.phases());
      }
      long acting = plan.acting();
      long staying = plan.actions().size() - acting;
      return new JobSummary(
          "organize",
          "files",
          acting,
          0,
          staying,
          0,
          Duration.ofNanos(progress.jobElapsedNanos()),
          false);
    }
    for (PlannedAction a : plan.actions()) {
      if (!a.acts()) {
        printStaying(a);
      }
    }
    long t = System.nanoTime();
    JobSummary s = applier.apply(plan, command, stop, progress);
    if (job != null && !output.quiet) {
      job.phase("apply", System.nanoTime() - t, s.done());
      warnings.accept("phases: " + job.phases());
    }
    return s;
  }

  private void printStaying(PlannedAction a) {
    if (json) {
      streams.out().println(PlanJson.action(a).put("state", "left").toString());
    } else {
      streams
          .out()
          .println(
              String.format(
                  "%-10s %s  (%s)",
                  "left",
                  a.source(),
                  a.kind().label() + (a.detail().isEmpty() ? "" : ": " + a.detail())));
    }
  }

  void printApplied(AppliedAction a) {
    printAction(streams, json, a);
  }

  static void printAction(StdStreams streams, boolean json, AppliedAction a) {
    if (json) {
      ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      o.put("run_seq", a.seq());
      o.put("state", a.state());
      o.put("action", a.verb());
      o.put("kind", a.kind());
      o.put("source", a.source());
      o.put("target", a.target());
      if (!a.why().isEmpty()) {
        o.put("why", a.why());
      }
      streams.out().println(o.toString());
    } else {
      String line = String.format("%-10s %s %s -> %s", a.state(), a.verb(), a.source(), a.target());
      streams
          .out()
          .println(line.replace("\n", "\\n") + (a.why().isEmpty() ? "" : "  (" + a.why() + ")"));
    }
  }

  /** The reviewed plan of --plan, read and checked with the options. */
  private Plan reviewed;

  private OrganizeRequest request() throws java.io.IOException {
    lookups.check();
    if (resume && !apply) {
      throw new IllegalArgumentException("--resume finishes an applied run: give --apply --resume");
    }
    if (planFile != null && !apply) {
      throw new IllegalArgumentException(
          "--plan carries out a reviewed plan: give --apply --plan FILE");
    }
    if (planFile != null && !Files.isRegularFile(planFile)) {
      throw new IllegalArgumentException("no such plan file: " + planFile);
    }
    if (report != null) {
      PlanReport.check(report);
    }
    if (planFile != null) {
      reviewed = PlanFile.read(planFile, into);
    }
    if (resume || planFile != null) {
      return null;
    }
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("give the files or folders to organize");
    }
    if (into == null) {
      throw new IllegalArgumentException("give the library to organize into: --into DIR");
    }
    for (Path p : sources) {
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        throw new IllegalArgumentException("no such file or folder: " + p);
      }
    }
    Path lib = into.toAbsolutePath().normalize();
    for (Path p : sources) {
      Path src = p.toAbsolutePath().normalize();
      if (src.equals(lib) && !inPlace) {
        throw new IllegalArgumentException(
            "the source "
                + p
                + " is the library: to re-organize a library within itself add --in-place");
      }
    }
    if (Files.exists(lib) && !Files.isDirectory(lib)) {
      throw new IllegalArgumentException("the library " + into + " is not a folder");
    }
    Layout l = choice(Layout.class, layout, "--layout", "plex or jellyfin");
    SafeNames safe = choice(SafeNames.class, safeNames, "--safe-names", "windows or posix");
    Naming defaults = Naming.of(l, safe, keepVersions, lookups.ids);
    Naming naming =
        new Naming(
            l,
            movieFormat == null ? defaults.movieFormat() : NameTemplate.parse(movieFormat),
            episodeFormat == null ? defaults.episodeFormat() : NameTemplate.parse(episodeFormat),
            safe,
            keepVersions);
    Verb verb = Verb.of(action);
    if (verb == Verb.NONE) {
      throw new IllegalArgumentException("--action must be move, copy, hardlink or symlink");
    }
    return new OrganizeRequest(
        sources,
        into,
        naming,
        verb,
        choice(OnConflict.class, onConflict, "--on-conflict", "skip, index or fail"),
        duplicatesDir,
        quarantine,
        inPlace,
        new OrganizeRequest.Scan(
            workers.workers(Runtime.getRuntime().availableProcessors()), timeout, hidden));
  }

  private static <E extends Enum<E>> E choice(
      Class<E> type, String value, String option, String choices) {
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + " must be " + choices + ", not '" + value + "'");
    }
  }
}
