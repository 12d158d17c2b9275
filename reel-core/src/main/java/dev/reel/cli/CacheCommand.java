package dev.reel.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reel.probe.ProbeTableWriter;
import dev.reel.store.CacheRuns;
import dev.reel.store.Store;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reel cache stats|clear}: look into reel's store, or empty it. */
@Command(
    name = "cache",
    mixinStandardHelpOptions = true,
    description = "Show or clear reel's cache (the SQLite store of probe results).",
    subcommands = {CacheCommand.Stats.class, CacheCommand.Clear.class})
final class CacheCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "missing command: stats or clear");
  }

  /**
   * The store if one exists and can be used; otherwise says "no cache at X" on {@code where} (with
   * {@code prefix}) or why it cannot be used on stderr, and returns empty.
   */
  static Optional<Store> existing(
      CacheOptions cache, StdStreams streams, java.io.PrintStream where, String prefix) {
    if (!Files.exists(Store.fileIn(cache.folder()))) {
      where.println(prefix + "no cache at " + Store.fileIn(cache.folder()));
      return Optional.empty();
    }
    return cache.open(w -> streams.err().println("reel cache: " + w));
  }

  /** {@code reel cache stats}. */
  @Command(
      name = "stats",
      mixinStandardHelpOptions = true,
      description = "Show the cache's entries, its size on disk and the hit rate of the last run.")
  static final class Stats implements Callable<Integer> {
    private final StdStreams streams;
    @Mixin CacheOptions cache = new CacheOptions();

    @Option(names = "--json", description = "Print the statistics as one JSON object.")
    boolean json;

    Stats(StdStreams streams) {
      this.streams = streams;
    }

    @Override
    public Integer call() {
      Optional<Store> opened = existing(cache, streams, streams.out(), "");
      if (opened.isEmpty()) {
        return Files.exists(Store.fileIn(cache.folder())) ? 3 : 0;
      }
      try (Store store = opened.get()) {
        Map<String, Long> counts = store.counts();
        List<CacheRuns.LastRun> runs = CacheRuns.read(store);
        if (json) {
          ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
          o.put("file", store.file().toString());
          o.put("size_bytes", store.sizeBytes());
          o.put("probe_results", counts.get("probe_results"));
          o.put("file_hashes", counts.get("file_hashes"));
          o.put("organize_runs", counts.get("organize_runs"));
          o.put("organize_scans", counts.get("organize_scans"));
          o.put("lookups", counts.get("lookups"));
          ArrayNode last = o.putArray("last_runs");
          for (CacheRuns.LastRun r : runs) {
            last.addObject()
                .put("cache", r.cache())
                .put("hits", r.hits())
                .put("misses", r.misses())
                .put("hit_rate", Math.round(r.hitRate() * 10_000) / 10_000.0)
                .put("finished", r.finished().toString());
          }
          streams.out().println(o);
          return 0;
        }
        streams.out().println("cache:          " + store.file());
        streams.out().println("size:           " + ProbeTableWriter.bytes(store.sizeBytes()));
        streams.out().printf(Locale.ROOT, "probe results:  %,d%n", counts.get("probe_results"));
        streams.out().printf(Locale.ROOT, "file hashes:    %,d%n", counts.get("file_hashes"));
        streams.out().printf(Locale.ROOT, "name scans:     %,d%n", counts.get("organize_scans"));
        streams.out().printf(Locale.ROOT, "lookups:        %,d%n", counts.get("lookups"));
        streams
            .out()
            .printf(
                Locale.ROOT,
                "organize runs:  %,d (the journal; 'cache clear' keeps it, see 'reel runs')%n",
                counts.get("organize_runs"));
        for (CacheRuns.LastRun r : runs) {
          streams
              .out()
              .printf(
                  Locale.ROOT,
                  "last %s run:%s %,d hits, %,d misses (%.1f%% hits), %s%n",
                  r.cache(),
                  " ".repeat(Math.max(1, 6 - r.cache().length())),
                  r.hits(),
                  r.misses(),
                  100 * r.hitRate(),
                  r.finished());
        }
        return 0;
      }
    }
  }

  /** {@code reel cache clear}. */
  @Command(
      name = "clear",
      mixinStandardHelpOptions = true,
      description = "Remove the cache's entries (all of them, or only those named).")
  static final class Clear implements Callable<Integer> {
    private final StdStreams streams;
    @Mixin CacheOptions cache = new CacheOptions();

    @Option(names = "--probes", description = "Only the probe results.")
    boolean probes;

    @Option(names = "--lookups", description = "Only the answers of online lookups (TMDB, AI).")
    boolean lookups;

    Clear(StdStreams streams) {
      this.streams = streams;
    }

    @Override
    public Integer call() {
      Optional<Store> opened = existing(cache, streams, streams.err(), "reel cache: ");
      if (opened.isEmpty()) {
        return Files.exists(Store.fileIn(cache.folder())) ? 3 : 0;
      }
      try (Store store = opened.get()) {
        Map<String, Long> counts = store.counts();
        if (probes && lookups) {
          streams.err().println("reel cache: give --probes or --lookups, or neither for all");
          return 2;
        }
        if (lookups) {
          store.clear(List.of("lookups"));
          streams
              .err()
              .printf(
                  Locale.ROOT, "reel cache: removed %,d lookup answers%n", counts.get("lookups"));
        } else if (probes) {
          store.clear(List.of("probe_results"));
          streams
              .err()
              .printf(
                  Locale.ROOT,
                  "reel cache: removed %,d probe results%n",
                  counts.get("probe_results"));
        } else {
          store.clear(List.of("probe_results", "file_hashes", "organize_scans", "lookups"));
          streams
              .err()
              .printf(
                  Locale.ROOT,
                  "reel cache: removed %,d probe results, %,d file hashes, %,d name scans and %,d"
                      + " lookup answers (the organize journal is kept)%n",
                  counts.get("probe_results"),
                  counts.get("file_hashes"),
                  counts.get("organize_scans"),
                  counts.get("lookups"));
        }
        return 0;
      }
    }
  }
}
