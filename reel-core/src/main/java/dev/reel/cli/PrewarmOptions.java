package dev.reel.cli;

import dev.reel.http.HttpRequestSpec;
import dev.reel.media.DurationText;
import dev.reel.prewarm.Derivative;
import dev.reel.prewarm.ObjectSource;
import dev.reel.prewarm.PrewarmConfig;
import dev.reel.prewarm.PrewarmRequest;
import dev.reel.prewarm.RequestMethod;
import dev.reel.prewarm.RetryPolicy;
import dev.reel.prewarm.UrlFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What prewarm requests and how (base URL, derivatives, method, limits, retries, headers): the
 * options {@code reel prewarm} and {@code reel spark prewarm} share.
 */
public final class PrewarmOptions {
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
      names = "--stop-grace",
      paramLabel = "TIME",
      converter = Converters.DurationValue.class,
      description = "After Ctrl-C, let requests finish this long (default 5s).")
  Duration stopGrace = DurationText.parse("5s");

  /** Where the objects come from (stdin for {@code --from-list -}). */
  public ObjectSource source() {
    return listing.source(System.in);
  }

  /**
   * The request for the objects {@code source} lists, writing {@code results} or continuing {@code
   * resume} (either may be null).
   *
   * @throws IllegalArgumentException for a bad option or config entry (a usage error)
   */
  public PrewarmRequest request(ObjectSource source, Path results, Path resume) throws IOException {
    PrewarmConfig cfg = config == null ? PrewarmConfig.NONE : PrewarmConfig.read(config);
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
        source,
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

  private static String redactValue(String text) {
    return text.length() <= 12 ? "..." : text.substring(0, 6) + "...";
  }

  private static String firstNonNull(String a, String b, String c) {
    return a != null ? a : b != null ? b : c;
  }
}
