package dev.reel.cli;

import dev.reel.job.JobFailedException;
import dev.reel.organize.Applier;
import dev.reel.store.Store;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reel undo [RUN]}: put every file of an organize run back where it was. */
@Command(
    name = "undo",
    header = "Revert an organize run: every file goes back where it was.",
    mixinStandardHelpOptions = true,
    description = {
      "Puts every file of an organize run back where it was and removes the folders the run made",
      "(when empty), then says which files it could not put back and why. Without RUN, the last",
      "run that is not undone. Runs are listed by 'reel runs'.",
      "Exit code: 0 all back, 1 some could not be, 2 usage error, 3 reel failed, 130 stopped."
    })
final class UndoCommand implements Callable<Integer> {
  private final StdStreams streams;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "RUN", description = "The run to undo.")
  Long run;

  @Option(names = "--json", description = "One JSON object per file and line.")
  boolean json;

  @Mixin CacheOptions cache = new CacheOptions();
  @Mixin ProgressOptions output = new ProgressOptions();

  UndoCommand(StdStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() throws Exception {
    StringBuilder why = new StringBuilder();
    Optional<Store> store = Store.open(cache.folder(), why::append);
    if (store.isEmpty()) {
      throw new JobFailedException("cannot read the journal: " + why);
    }
    try (Store s = store.get()) {
      Applier applier =
          new Applier(
              s,
              a -> OrganizeCommand.printAction(streams, json, a),
              w -> streams.err().println("reel undo: " + w));
      return new JobRunner(streams, output)
          .run(
              "undo",
              "files",
              "stopping: the file being moved back is finished; run 'reel undo' again for the rest",
              Duration.ofSeconds(30),
              (stop, progress) -> applier.undo(run, stop, progress));
    }
  }
}
