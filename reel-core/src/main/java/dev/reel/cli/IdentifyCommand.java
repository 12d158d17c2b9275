package dev.reel.cli;

import dev.reel.identify.Hints;
import dev.reel.identify.Identifier;
import dev.reel.identify.IdentifyJob;
import dev.reel.identify.Identity;
import dev.reel.identify.IdentityWriter;
import dev.reel.job.JobSummary;
import dev.reel.lookup.TmdbRefiner;
import dev.reel.organize.Subject;
import dev.reel.organize.SubjectRefiner;
import dev.reel.store.Store;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code reel identify NAME...}: tell what files are from their names and folders. */
@Command(
    name = "identify",
    header = "Tell what files are (episode, movie, extra) from their names and folders.",
    mixinStandardHelpOptions = true,
    description = {
      "Tell from file names and folders what each file is: episode or movie, with its title,",
      "season, episodes, year, source, codecs and release group (guessit's property names).",
      "One result per input, in input order; --json gives one JSON object per line."
    })
final class IdentifyCommand implements Callable<Integer> {
  private final StdStreams streams;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "NAME", description = "File names or paths.")
  List<String> names = List.of();

  @Option(
      names = "--from",
      paramLabel = "FILE",
      description = "Read one name per line from FILE ('-' for stdin).")
  String from;

  @Option(names = "--json", description = "One JSON object per input and line.")
  boolean json;

  @Option(names = "--type", paramLabel = "TYPE", description = "Expect movie or episode.")
  String type;

  @Option(
      names = "--title",
      paramLabel = "TITLE",
      description = "A title that exists (e.g. a library folder name); repeatable.")
  List<String> titles = List.of();

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Threads for long lists (--from). Default: 1.")
  int workers = 1;

  @Mixin LookupOptions lookups = new LookupOptions();
  @Mixin CacheOptions cache = new CacheOptions();
  @Mixin ProgressOptions output = new ProgressOptions();

  IdentifyCommand(StdStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() throws Exception {
    IdentifyJob job = JobRunner.request(spec, this::job);
    return new JobRunner(streams, output)
        .run(
            "identify",
            "names",
            "stopping; the names so far are written",
            Duration.ofSeconds(10),
            (stop, progress) -> {
              long dropped;
              Consumer<String> warnings = w -> streams.err().println("reel identify: " + w);
              Optional<Store> store =
                  lookups.lookup == null ? Optional.empty() : cache.open(warnings);
              SubjectRefiner refiner =
                  lookups.refiner(store.orElse(null), System.getenv(), warnings);
              try {
                try (IdentityWriter writer = new IdentityWriter(streams.out(), json)) {
                  Consumer<Identity> emit =
                      refiner instanceof TmdbRefiner tmdb
                          ? id -> writer.write(id, "tmdb", tmdb.describe(Subject.of(id)))
                          : writer::write;
                  progress.addTotal(names.size());
                  dropped = job.run(names.iterator(), emit, stop, progress);
                  if (from != null && !stop.isStopped()) {
                    // stdin is never closed: the feed's thread may still be blocked reading it
                    BufferedReader in =
                        from.equals("-")
                            ? new BufferedReader(
                                new InputStreamReader(System.in, StandardCharsets.UTF_8))
                            : Files.newBufferedReader(Path.of(from), StandardCharsets.UTF_8);
                    try {
                      LineFeed feed = new LineFeed(in, stop);
                      dropped +=
                          job.run(
                              feed,
                              id -> {
                                emit.accept(id);
                                if (feed.idle()) {
                                  writer.flush(); // a pipe that waits for our answer gets it now
                                }
                              },
                              stop,
                              progress);
                    } catch (UncheckedIOException e) {
                      throw e.getCause();
                    } finally {
                      if (!from.equals("-") && !stop.isStopped()) {
                        in.close();
                      }
                    }
                  }
                }
              } finally {
                store.ifPresent(Store::close);
              }
              if (from == null) {
                progress.totalComplete();
              }
              return JobSummary.of(progress.snapshot(), dropped, stop.isStopped());
            });
  }

  private IdentifyJob job() {
    lookups.check();
    if (names.isEmpty() && from == null) {
      throw new IllegalArgumentException("give NAMEs or --from FILE");
    }
    if (type != null && !type.equals("movie") && !type.equals("episode")) {
      throw new IllegalArgumentException("--type must be movie or episode, not '" + type + "'");
    }
    if (from != null && !from.equals("-") && !Files.isRegularFile(Path.of(from))) {
      throw new IllegalArgumentException("no such file: " + from);
    }
    if (workers < 1) {
      throw new IllegalArgumentException("--workers must be at least 1");
    }
    return new IdentifyJob(new Identifier(), new Hints(type, new ArrayList<>(titles)), workers);
  }
}
