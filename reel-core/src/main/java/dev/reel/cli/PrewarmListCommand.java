package dev.reel.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.reel.prewarm.ListedObject;
import dev.reel.prewarm.ListingReport;
import dev.reel.prewarm.ObjectSink;
import dev.reel.prewarm.SizeCategory;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reel prewarm list}: the listing and a size report, without requesting anything. */
@Command(
    name = "list",
    header = "List the objects a prewarm would request, with a size report.",
    mixinStandardHelpOptions = true,
    description = {
      "Print the objects a prewarm would request (size and path per line, or JSON lines),",
      "then totals per size category and the largest objects. Requests nothing."
    })
final class PrewarmListCommand implements Callable<Integer> {
  private final StdStreams streams;

  @Mixin ListingOptions listing = new ListingOptions();

  @Option(names = "--json", description = "One JSON object per object, then one with the totals.")
  boolean json;

  @Option(names = "--summary-only", description = "Only the size report.")
  boolean summaryOnly;

  @Option(names = "--top", paramLabel = "N", description = "Largest objects to show (default 10).")
  int top = 10;

  PrewarmListCommand(StdStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() throws IOException {
    ListingReport report = new ListingReport(Math.max(0, top));
    PrintStream out = streams.out();
    JsonGenerator g = json ? new JsonFactory().createGenerator(out) : null;
    if (g != null) {
      g.setRootValueSeparator(null);
    }
    long[] problems = {0};
    listing
        .source(System.in)
        .list(
            new ObjectSink() {
              @Override
              public boolean accept(ListedObject o) {
                report.add(o);
                if (!summaryOnly) {
                  print(o, g, out);
                }
                return true;
              }

              @Override
              public void problem(String message) {
                problems[0]++;
                streams.err().println("prewarm list: " + message);
              }
            });
    if (g != null) {
      g.writeStartObject();
      g.writeObjectFieldStart("totals");
      g.writeNumberField("objects", report.objects());
      g.writeNumberField("bytes", report.bytes());
      for (SizeCategory c : SizeCategory.values()) {
        long[] v = report.category(c);
        g.writeObjectFieldStart(c.label());
        g.writeNumberField("objects", v[0]);
        g.writeNumberField("bytes", v[1]);
        g.writeEndObject();
      }
      g.writeArrayFieldStart("largest");
      for (ListedObject o : report.largest()) {
        g.writeStartObject();
        g.writeStringField("path", o.path());
        g.writeNumberField("size", o.sizeBytes());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
      g.writeRaw('\n');
      g.flush();
    } else {
      if (!summaryOnly && report.objects() > 0) {
        out.println();
      }
      out.print(report.text());
    }
    out.flush();
    return problems[0] > 0 ? 1 : 0;
  }

  private static void print(ListedObject o, JsonGenerator g, PrintStream out) {
    if (g == null) {
      out.println(
          String.format(
              Locale.ROOT,
              "%12s  %s",
              o.sizeBytes() < 0 ? "?" : String.format(Locale.ROOT, "%,d", o.sizeBytes()),
              o.path()));
      return;
    }
    try {
      g.writeStartObject();
      g.writeStringField("path", o.path());
      g.writeNumberField("size", o.sizeBytes());
      g.writeStringField("category", o.category().label());
      g.writeEndObject();
      g.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
