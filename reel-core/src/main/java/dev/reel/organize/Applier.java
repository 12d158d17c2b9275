package dev.reel.organize;

import dev.reel.concurrent.StopToken;
import dev.reel.job.JobFailedException;
import dev.reel.job.JobSummary;
import dev.reel.progress.ProgressModel;
import dev.reel.store.FileHashes;
import dev.reel.store.Journal;
import dev.reel.store.ProbeResults;
import dev.reel.store.Store;
import dev.reel.store.StoreFailedException;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Carries out a plan through the journal, finishes a run that was interrupted, and undoes a run.
 *
 * <p>Apply writes the run and all its actions to the journal in one transaction before the first
 * file is touched, then acts in plan order (grouped by target folder) and records each end state.
 * Resume and undo never trust the journal's states alone: each action is inspected on disk ({@link
 * FileActions#inspect}), so a crash at any point, even between a step and its record, is finished
 * or reverted correctly. Moved files keep their probe-cache and hash entries under their new paths.
 */
public final class Applier {
  private final Store store;
  private final Journal journal;
  private final Consumer<AppliedAction> sink;
  private final Consumer<String> warnings;

  public Applier(Store store, Consumer<AppliedAction> sink, Consumer<String> warnings) {
    this.store = store;
    this.journal = new Journal(store);
    this.sink = sink;
    this.warnings = warnings;
  }

  public Journal journal() {
    return journal;
  }

  /** Applies a plan as a new run. */
  public JobSummary apply(Plan plan, String command, StopToken stop, ProgressModel progress) {
    List<PlannedAction> acting = plan.actions().stream().filter(PlannedAction::acts).toList();
    checkWritable(plan.library(), acting);
    List<Journal.Entry> entries = new ArrayList<>();
    Set<String> folders = new LinkedHashSet<>();
    int seq = 0;
    for (PlannedAction a : acting) {
      entries.add(
          new Journal.Entry(
              ++seq,
              a.verb().label(),
              a.kind().label(),
              a.source().toString(),
              a.target().toString(),
              a.sizeBytes(),
              FileActions.nanos(java.nio.file.attribute.FileTime.from(a.modified())),
              "planned",
              null));
      for (Path f = a.target().getParent(); f != null && !Files.isDirectory(f); f = f.getParent()) {
        folders.add(f.toString());
      }
    }
    long run;
    try {
      run =
          journal.begin(
              plan.library().toString(),
              plan.action().label(),
              command,
              entries,
              List.copyOf(folders));
    } catch (StoreFailedException e) {
      throw new JobFailedException(e.getMessage() + "; nothing was changed", e);
    }
    warnings.accept(
        "run "
            + run
            + ": "
            + entries.size()
            + " actions in the journal (undo with 'reel undo "
            + run
            + "')");
    return carryOut(run, entries, stop, progress);
  }

  /** Finishes the run: the latest unfinished one when {@code run} is null. */
  public JobSummary resume(Long run, StopToken stop, ProgressModel progress) {
    Journal.Run r = pick(run, Set.of("applying", "stopped", "failed"), "to resume");
    List<Journal.Entry> todo =
        journal.actions(r.run()).stream().filter(e -> e.state().equals("planned")).toList();
    warnings.accept(
        "resuming run " + r.run() + ": " + todo.size() + " of " + r.actions() + " actions left");
    journal.state(r.run(), "applying", false);
    return carryOut(r.run(), todo, stop, progress);
  }

  private JobSummary carryOut(
      long run, List<Journal.Entry> entries, StopToken stop, ProgressModel progress) {
    progress.beginPhase("apply");
    progress.total(entries.size());
    FileActions actions = new FileActions(run);
    List<String[]> moved = new ArrayList<>();
    long notDone = 0;
    for (Journal.Entry e : entries) {
      if (stop.isStopped()) {
        notDone++;
        continue;
      }
      FileActions.Result result =
          switch (actions.inspect(e)) {
            case DONE -> new FileActions.Result.Done();
            case HALF -> actions.finishHalf(e);
            case NOT_STARTED -> actions.perform(e);
            case GONE -> new FileActions.Result.Skipped("the source is gone");
            case BLOCKED ->
                new FileActions.Result.Skipped("the target " + e.target() + " holds another file");
          };
      if (result instanceof FileActions.Result.Done && e.verb().equals("move")) {
        moved.add(new String[] {e.source(), e.target()});
      }
      record(run, e, result, progress, "done");
    }
    journal.state(run, stop.isStopped() ? "stopped" : "done", !stop.isStopped());
    renameCached(moved);
    return JobSummary.of(progress, notDone, stop.isStopped());
  }

  /** Undoes a run: the latest one not undone when {@code run} is null. */
  public JobSummary undo(Long run, StopToken stop, ProgressModel progress) {
    Journal.Run r =
        pick(run, Set.of("applying", "stopped", "failed", "done", "undoing"), "to undo");
    List<Journal.Entry> entries = new ArrayList<>(journal.actions(r.run()));
    entries.removeIf(e -> !e.state().equals("done") && !e.state().equals("planned"));
    entries.sort(Comparator.comparingInt(Journal.Entry::seq).reversed());
    journal.state(r.run(), "undoing", false);
    warnings.accept("undoing run " + r.run() + " (" + entries.size() + " actions)");
    progress.beginPhase("undo");
    progress.total(entries.size());
    FileActions actions = new FileActions(r.run());
    List<String[]> movedBack = new ArrayList<>();
    long notDone = 0;
    for (Journal.Entry e : entries) {
      if (stop.isStopped()) {
        notDone++;
        continue;
      }
      FileActions.Result result = actions.undo(e);
      if (result instanceof FileActions.Result.Done && e.verb().equals("move")) {
        movedBack.add(new String[] {e.target(), e.source()});
      }
      record(r.run(), e, result, progress, "undone");
    }
    boolean complete = !stop.isStopped() && progress.snapshot().failed() == 0;
    if (!stop.isStopped()) {
      removeCreatedFolders(r.run());
    }
    journal.state(
        r.run(), complete ? "undone" : stop.isStopped() ? "undoing" : "undo_failed", complete);
    renameCached(movedBack);
    return JobSummary.of(progress, notDone, stop.isStopped());
  }

  private void record(
      long run,
      Journal.Entry e,
      FileActions.Result result,
      ProgressModel progress,
      String doneState) {
    String state;
    String why;
    switch (result) {
      case FileActions.Result.Done d -> {
        state = doneState;
        why = null;
        progress.ok();
      }
      case FileActions.Result.Skipped s -> {
        state = doneState.equals("done") ? "skipped" : "undo_skipped";
        why = s.why();
        progress.skipped();
      }
      case FileActions.Result.Failed f -> {
        state = doneState.equals("done") ? "failed" : "undo_failed";
        why = f.why();
        progress.failed();
      }
    }
    journal.mark(run, e.seq(), state, why);
    sink.accept(new AppliedAction(e.seq(), e.verb(), e.kind(), e.source(), e.target(), state, why));
  }

  private void removeCreatedFolders(long run) {
    List<String> folders = new ArrayList<>(journal.folders(run));
    folders.sort(Comparator.comparingInt(String::length).reversed());
    for (String f : folders) {
      try {
        Files.deleteIfExists(Path.of(f));
      } catch (DirectoryNotEmptyException e) {
        // something else lives there now: it stays
      } catch (IOException e) {
        warnings.accept("cannot remove the folder " + f + ": " + e.getMessage());
      }
    }
  }

  private Journal.Run pick(Long run, Set<String> states, String what) {
    Journal.Run r;
    if (run != null) {
      r =
          journal
              .run(run)
              .orElseThrow(
                  () ->
                      new dev.reel.job.InvalidRequestException(
                          "no run "
                              + run
                              + " in the journal "
                              + store.file()
                              + " (see 'reel runs')"));
    } else {
      r =
          journal.runs().stream()
              .filter(x -> states.contains(x.state()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new dev.reel.job.InvalidRequestException(
                          "no run "
                              + what
                              + " in the journal "
                              + store.file()
                              + " (see 'reel runs')"));
    }
    if (r.format() != Journal.FORMAT) {
      throw new JobFailedException(
          "run "
              + r.run()
              + " was written in journal format "
              + r.format()
              + "; this reel reads format "
              + Journal.FORMAT
              + ": use the reel that made it");
    }
    if (!states.contains(r.state())) {
      throw new dev.reel.job.InvalidRequestException(
          "run " + r.run() + " is " + r.state() + ": nothing " + what);
    }
    return r;
  }

  /** The library's nearest existing folder must be writable, or nothing starts. */
  private static void checkWritable(Path library, List<PlannedAction> acting) {
    Set<Path> roots = new LinkedHashSet<>();
    roots.add(library);
    for (PlannedAction a : acting) {
      roots.add(a.target().getParent());
    }
    Set<Path> checked = new java.util.HashSet<>();
    for (Path p : roots) {
      Path existing = p;
      while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
        existing = existing.getParent();
      }
      if (existing == null || !checked.add(existing)) {
        continue;
      }
      if (!Files.isDirectory(existing) || !Files.isWritable(existing)) {
        throw new JobFailedException(
            "cannot write to " + existing + " (read-only or not a folder); nothing was changed");
      }
      try {
        if (Files.getFileStore(existing).isReadOnly()) {
          throw new JobFailedException(
              "cannot write to " + existing + ": read-only file system; nothing was changed");
        }
      } catch (NoSuchFileException e) {
        // raced away: the action will say so
      } catch (IOException e) {
        // no file store information: the actions will find out
      }
    }
  }

  private void renameCached(List<String[]> fromTo) {
    if (fromTo.isEmpty()) {
      return;
    }
    try {
      new ProbeResults(store).renamed(fromTo);
      new FileHashes(store).renamed(fromTo);
    } catch (StoreFailedException e) {
      warnings.accept(e.getMessage() + "; moved files will be probed again");
    }
  }
}
