package dev.reel.prewarm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The (object, derivative) pairs a results file already finished successfully, as 64-bit hashes (a
 * collision between two of 3 million pairs has odds of about 1 in 4 million million). Failed pairs
 * are not kept, so they are requested again.
 */
final class ResumeState {
  private final LongHashSet done = new LongHashSet();
  private final List<String> problems = new ArrayList<>();
  private long earlierMillis;
  private long partMillis;

  /**
   * Reads {@code file}; its successful results also go into {@code stats}, so the reports cover the
   * whole run.
   *
   * @throws IOException when the file is missing, not a results file, or from a run with another
   *     base URL, URL format, origin or method
   */
  static ResumeState load(Path file, RunHeader current, PrewarmStats stats) throws IOException {
    ResumeState s = new ResumeState();
    ResultsReader.read(
        file,
        new ResultsReader.Visitor() {
          @Override
          public void header(RunHeader h) {
            s.earlierMillis += s.partMillis;
            s.partMillis = 0;
            String why = h.mismatch(current);
            if (why != null) {
              throw new IllegalStateException(
                  file + " is from another run (" + why + "); give a new --results file instead");
            }
          }

          @Override
          public void result(RequestResult r) {
            s.partMillis = Math.max(s.partMillis, r.atMillis());
            if (r.ok() && s.done.add(key(r.object(), r.derivative()))) {
              stats.record(r);
            }
          }

          @Override
          public void problem(String message) {
            s.problems.add(message);
          }
        });
    return s;
  }

  /** Wall time of the file's earlier parts (the last result's {@code t} in each). */
  double elapsedSeconds() {
    return (earlierMillis + partMillis) / 1000.0;
  }

  boolean isDone(String object, String derivative) {
    return done.contains(key(object, derivative));
  }

  int size() {
    return done.size();
  }

  List<String> problems() {
    return problems;
  }

  /** FNV-1a over the UTF-8 bytes of object NUL derivative, then a 64-bit finalizer. */
  static long key(String object, String derivative) {
    long h = 0xcbf29ce484222325L;
    for (byte b : object.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    h = (h ^ 0) * 0x100000001b3L;
    for (byte b : derivative.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }
}
