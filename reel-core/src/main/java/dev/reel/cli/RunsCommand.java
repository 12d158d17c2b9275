package dev.reel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reel.job.JobFailedException;
import dev.reel.store.Journal;
import dev.reel.store.Store;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reel runs}: the organize runs in the journal. */
@Command(
    name = "runs",
    header = "List the organize runs in the journal (for 'reel undo RUN').",
    mixinStandardHelpOptions = true)
final class RunsCommand implements Callable<Integer> {
  private final StdStreams streams;

  @Option(names = "--json", description = "One JSON object per run and line.")
  boolean json;

  @Mixin CacheOptions cache = new CacheOptions();

  RunsCommand(StdStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() {
    if (!java.nio.file.Files.exists(Store.fileIn(cache.folder()))) {
      streams.err().println("reel runs: no runs yet (no journal in " + cache.folder() + ")");
      return 0;
    }
    StringBuilder why = new StringBuilder();
    Optional<Store> store = Store.open(cache.folder(), why::append);
    if (store.isEmpty()) {
      throw new JobFailedException("cannot read the journal: " + why);
    }
    try (Store s = store.get()) {
      ObjectMapper m = new ObjectMapper();
      for (Journal.Run r : new Journal(s).runs()) {
        if (json) {
          ObjectNode o = m.createObjectNode();
          o.put("run", r.run());
          o.put("started", r.started().toString());
          o.put("finished", r.finished() == null ? null : r.finished().toString());
          o.put("state", r.state());
          o.put("action", r.verb());
          o.put("actions", r.actions());
          o.put("library", r.library());
          o.put("command", r.command());
          streams.out().println(o.toString());
        } else {
          streams
              .out()
              .println(
                  String.format(
                      Locale.ROOT,
                      "%5d  %s  %-11s %,7d %-8s %s",
                      r.run(),
                      r.started().toString().substring(0, 19).replace('T', ' '),
                      r.state(),
                      r.actions(),
                      r.verb(),
                      r.library()));
        }
      }
    }
    return 0;
  }
}
