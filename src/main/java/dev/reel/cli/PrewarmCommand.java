package dev.reel.cli;

import dev.reel.http.HttpRequestSpec;
import dev.reel.job.JobSummary;
import dev.reel.media.DurationText;
import dev.reel.prewarm.Derivative;
import dev.reel.prewarm.PrewarmConfig;
import dev.reel.prewarm.PrewarmJob;
import dev.reel.prewarm.PrewarmRequest;
import dev.reel.prewarm.PrewarmSummary;
import dev.reel.prewarm.Reports;
import dev.reel.prewarm.RequestMethod;
import dev.reel.prewarm.RetryPolicy;
import dev.reel.prewarm.UrlFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reel prewarm}: request every derivative of every listed video so a CDN caches it. */
@Command(
    name = "prewarm",
    header = "Warm every derivative of every listed video on a transforming CDN.",
    mixinStandardHelpOptions = true,
    subcommands = {PrewarmListCommand.class, PrewarmReportCommand.class},
    description = {
      "Request every derivative of every listed video from a transforming CDN so that it is",
      "cached, with exact latency statistics (HdrHistogram) in bounded memory.",
      "Writes one JSON line per request (--results), then summary JSON, Markdown and HTML",
      "reports beside it; prints the Markdown summary (or JSON with --json)."
    })
final class PrewarmCommand implements Callable<Integer> {
  private final StdStreams streams;

  @Mixin ListingOptions listing = new ListingOptions();

  @Option(names = "--base-url", paramLabel = "URL", description = "The CDN's base URL.")
  String baseUrl;

  @Option(
      names = "--url-format",
      paramLabel = "FORMAT",
      description =
          "imwidth (default: {base}/{path}?imwidth=W), derivative (?derivative=NAME),"
              + " query (?width=W&height=H), cdn-cgi (Cloudflare media transformations), or a"
              + " template with {base} {path} {name} {width} {height} {origin} {params}.")
  String urlFormat;

  @Option(
      names = "--origin",
      paramLabel = "URL",
      description = "Origin URL for cdn-cgi and {origin}.")
  String origin;

  @Option(
      names = "--derivatives",
      split = ",",
      paramLabel = "NAME",
      description =
          "Presets to request: desktop (1920x1080), tablet (1280x720), mobile (854x640)."
              + " Default: all three, unless --derivative or --config names others.")
  List<String> presets;

  @Option(
      names = "--derivative",
      paramLabel = "NAME=WxH[,K=V...]",
      description = "A custom derivative; repeatable.")
  List<String> custom = new ArrayList<>();

  @Option(names = "--config", paramLabel = "FILE", description = "JSON settings (see README).")
  Path config;

  @Option(
      names = "--method",
      paramLabel = "METHOD",
      description = "get (default: whole body, read and discarded), head, or range (bytes=0-0).")
  String method;

  @Option(names = "--verify", description = "Send each request a second time and count cache hits.")
  boolean verify;

  @Option(
      names = {"-c", "--concurrency"},
      paramLabel = "N",
      description = "Requests in flight (default 16).")
  Integer concurrency;

  @Option(
      names = "--per-host",
      paramLabel = "N",
      description = "Connections per host (default: the concurrency).")
  Integer perHost;

  @Option(
      names = "--rate",
      paramLabel = "R",
      description = "At most R requests started per second.")
  Double rate;

  @Option(
      names = "--connect-timeout",
      paramLabel = "TIME",
      converter = Converters.DurationValue.class,
      description = "Default 10s.")
  Duration connectTimeout = DurationText.parse("10s");

  @Option(
      names = "--first-byte-timeout",
      paramLabel = "TIME",
      converter = Converters.DurationValue.class,
      description = "Default 60s.")
  Duration firstByteTimeout = DurationText.parse("60s");

  @Option(
      names = "--timeout",
      paramLabel = "TIME",
      converter = Converters.DurationValue.class,
      description = "Whole request, body included. Default 10m.")
  Duration totalTimeout = DurationText.parse("10m");

  @Option(
      names = "--retries",
      paramLabel = "N",
      description = "Retries on 5xx, 429, timeouts and connection errors (default 3).")
  int retries = 3;

  @Option(
      names = {"-H", "--header"},
      paramLabel = "'NAME: VALUE'",
      description = "Extra request header; repeatable. Values never appear in output.")
  List<String> headers = new ArrayList<>();

  @Option(
      names = "--max-redirects",
      paramLabel = "N",
      description = "Follow up to N redirects per request (default 5; 0: none).")
  int maxRedirects = 5;

  @Option(names = "--insecure", description = "Do not check TLS certificates.")
  boolean insecure;

  @Option(
      names = "--results",
      paramLabel = "FILE",
      description = "Write one JSON line per request to FILE (must not exist).")
  Path results;

  @Option(
      names = "--resume",
      paramLabel = "FILE",
      description = "Continue the run in results FILE: skip pairs done, append.")
  Path resume;

  @Option(
      names = "--report-dir",
      paramLabel = "DIR",
      description = "Where reports go (default: beside the results file).")
  Path reportDir;

  @Option(
      names = "--metrics-file",
      paramLabel = "FILE",
      description = "Also write Prometheus text metrics to FILE.")
  Path metricsFile;

  @Option(
      names = "--stop-grace",
      paramLabel = "TIME",
      converter = Converters.DurationValue.class,
      description = "After Ctrl-C, let requests finish this long (default 5s).")
  Duration stopGrace = DurationText.parse("5s");

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Option(
      names = "--dry-run",
      description = "Print the URL of every request (object, derivative, URL), request nothing.")
  boolean dryRun;

  @Mixin ProgressOptions output = new ProgressOptions();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  PrewarmCommand(StdStreams streams) {
    this.streams = streams;
  }

  @Override
  public Integer call() throws Exception {
    PrewarmRequest request =
        JobRunner.request(
            spec, () -> request(config == null ? PrewarmConfig.NONE : PrewarmConfig.read(config)));
    if (dryRun) {
      return PrewarmDryRun.print(request, streams);
    }
    PrewarmJob job =
        new PrewarmJob(
            request,
            m -> streams.err().println("prewarm: " + m),
            m -> streams.err().println("prewarm: " + m));
    return new JobRunner(streams, output)
        .run(
            "prewarm",
            "requests",
            "stopping; in-flight requests get "
                + DurationText.format(request.stopGrace())
                + ", then results and reports are written",
            request.stopGrace().plusSeconds(30),
            (stop, progress) -> {
              stop.onStop(job::stop);
              PrewarmSummary summary = job.run(progress);
              Path file = request.resume() != null ? request.resume() : request.results();
              List<Path> written =
                  Reports.write(summary, Reports.Targets.forRun(file, reportDir, metricsFile));
              streams.out().print(json ? Reports.json(summary) : Reports.markdown(summary));
              streams.out().flush();
              long notMade = job.cancelledCount() + job.notStartedCount();
              if (notMade > 0) {
                streams
                    .err()
                    .println(
                        "prewarm: "
                            + notMade
                            + " listed requests were not made (stopped); "
                            + (file == null
                                ? "give --results next time to be able to resume"
                                : "--resume " + file + " makes them"));
              }
              if (!written.isEmpty()) {
                streams
                    .err()
                    .println(
                        "prewarm: wrote "
                            + String.join(", ", written.stream().map(Path::toString).toList()));
              }
              return JobSummary.of(progress.snapshot(), notMade, job.stopped());
            });
  }

  PrewarmRequest request(PrewarmConfig cfg) {
    if (results != null && resume != null && sameFile(results, resume)) {
      results = null; // the last command with --resume added: continue that file
    }
    if (results != null && Files.exists(results)) {
      throw new IllegalArgumentException(
          "results file "
              + results
              + " exists: continue it with --resume "
              + results
              + ", or choose another name");
    }
    if (resume != null && !Files.isRegularFile(resume)) {
      throw new IllegalArgumentException("no such results file to resume: " + resume);
    }
    String base = baseUrl != null ? baseUrl : cfg.baseUrl();
    UrlFormat format = UrlFormat.parse(firstNonNull(urlFormat, cfg.urlFormat(), "imwidth"));
    String org = origin != null ? origin : cfg.origin();
    int conc =
        concurrency != null ? concurrency : cfg.concurrency() != null ? cfg.concurrency() : 16;
    double r = rate != null ? rate : cfg.rate() != null ? cfg.rate() : 0;
    RequestMethod m = RequestMethod.parse(firstNonNull(method, cfg.method(), "get"));
    List<HttpRequestSpec.Header> hs = new ArrayList<>();
    if (cfg.headers() != null) {
      cfg.headers().forEach(h -> hs.add(header(h)));
    }
    headers.forEach(h -> hs.add(header(h)));
    return new PrewarmRequest(
        listing.source(System.in),
        base,
        format,
        org,
        derivatives(cfg),
        m,
        verify,
        conc,
        perHost != null ? perHost : conc,
        r,
        connectTimeout,
        firstByteTimeout,
        totalTimeout,
        new RetryPolicy(
            retries,
            RetryPolicy.DEFAULT.baseDelay(),
            RetryPolicy.DEFAULT.maxDelay(),
            RetryPolicy.DEFAULT.maxRetryAfter()),
        hs,
        insecure,
        results,
        resume,
        stopGrace,
        maxRedirects);
  }

  private List<Derivative> derivatives(PrewarmConfig cfg) {
    Map<String, Derivative> out = new LinkedHashMap<>();
    List<String> names = presets;
    if (names == null && custom.isEmpty() && cfg.derivatives() == null) {
      names = List.of("desktop", "tablet", "mobile");
    }
    if (names != null) {
      for (String n : names) {
        Derivative d = Derivative.parse(n);
        out.put(d.name(), d);
      }
    }
    if (cfg.derivatives() != null && presets == null && custom.isEmpty()) {
      cfg.derivatives().forEach(d -> out.put(d.name(), d));
    }
    for (String c : custom) {
      Derivative d = Derivative.parse(c);
      out.put(d.name(), d);
    }
    return List.copyOf(out.values());
  }

  private static HttpRequestSpec.Header header(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(
          "a header is 'Name: value', not '" + redactValue(text) + "'");
    }
    return new HttpRequestSpec.Header(
        text.substring(0, colon).strip(), text.substring(colon + 1).strip());
  }

  private static boolean sameFile(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  private static String redactValue(String text) {
    return text.length() <= 12 ? "..." : text.substring(0, 6) + "...";
  }

  private static String firstNonNull(String a, String b, String c) {
    return a != null ? a : b != null ? b : c;
  }
}
