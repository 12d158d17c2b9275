package dev.reel.cli;

import dev.reel.prewarm.Derivative;
import dev.reel.prewarm.ListedObject;
import dev.reel.prewarm.ObjectSink;
import dev.reel.prewarm.PrewarmRequest;
import java.io.IOException;

/**
 * {@code reel prewarm --dry-run}: the URLs a run would request, tab-separated, in listing order.
 */
final class PrewarmDryRun {
  private PrewarmDryRun() {}

  static int print(PrewarmRequest request, StdStreams streams) throws IOException {
    long[] problems = {0};
    request
        .source()
        .list(
            new ObjectSink() {
              @Override
              public boolean accept(ListedObject o) {
                for (Derivative d : request.derivatives()) {
                  streams.out().println(o.path() + "\t" + d.name() + "\t" + request.url(o, d));
                }
                return true;
              }

              @Override
              public void problem(String message) {
                problems[0]++;
                streams.err().println("prewarm: " + message);
              }
            });
    streams.out().flush();
    return problems[0] > 0 ? 1 : 0;
  }
}
