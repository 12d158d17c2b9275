package dev.reel.prewarm;

import dev.reel.http.HttpRequestSpec;
import dev.reel.job.InvalidRequestException;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything a prewarm run needs.
 *
 * @param baseUrl the CDN base URL without a trailing '/', or null when the listing holds full URLs
 * @param origin the origin URL for cdn-cgi and {origin}, or null
 * @param concurrency requests in flight at most
 * @param perHost connections per host at most
 * @param ratePerSecond request starts per second at most; 0 for no limit
 * @param results the results file to create, or null
 * @param resume a results file to continue (and append to), or null
 * @param stopGrace how long in-flight requests may finish after Ctrl-C before they are cancelled
 * @param maxRedirects redirects (301, 302, 303, 307, 308) to follow per request; 0 follows none
 */
public record PrewarmRequest(
    ObjectSource source,
    String baseUrl,
    UrlFormat urlFormat,
    String origin,
    List<Derivative> derivatives,
    RequestMethod method,
    boolean verify,
    int concurrency,
    int perHost,
    double ratePerSecond,
    Duration connectTimeout,
    Duration firstByteTimeout,
    Duration totalTimeout,
    RetryPolicy retry,
    List<HttpRequestSpec.Header> headers,
    boolean insecure,
    Path results,
    Path resume,
    Duration stopGrace,
    int maxRedirects)
    implements Serializable {

  public PrewarmRequest {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(urlFormat, "urlFormat");
    derivatives = List.copyOf(derivatives);
    headers = List.copyOf(headers);
    if (derivatives.isEmpty()) {
      throw new IllegalArgumentException("no derivatives to request");
    }
    if (derivatives.stream().map(Derivative::name).distinct().count() != derivatives.size()) {
      throw new IllegalArgumentException("two derivatives have the same name");
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("--concurrency must be at least 1, not " + concurrency);
    }
    if (perHost < 1) {
      throw new IllegalArgumentException("--per-host must be at least 1, not " + perHost);
    }
    if (ratePerSecond < 0) {
      throw new IllegalArgumentException("--rate must be 0 or more, not " + ratePerSecond);
    }
    if (baseUrl != null) {
      baseUrl = BaseUrl.normalize(baseUrl);
    }
    if (origin != null) {
      origin = BaseUrl.normalize(origin);
    }
    if (maxRedirects < 0) {
      throw new IllegalArgumentException("--max-redirects must be 0 or more, not " + maxRedirects);
    }
    if (results != null && resume != null) {
      throw new IllegalArgumentException("give --results or --resume, not both: --resume appends");
    }
  }

  /**
   * The URL of {@code derivative} of {@code object}.
   *
   * @throws IllegalArgumentException when there is no base URL for it
   */
  public String url(ListedObject object, Derivative derivative) {
    String base = baseUrl != null ? baseUrl : object.origin();
    if (base == null) {
      throw new IllegalArgumentException(
          "give --base-url: "
              + source.describe()
              + " lists paths ("
              + object.path()
              + "), not URLs");
    }
    return urlFormat.url(base, object.path(), derivative, origin);
  }

  /**
   * The same request for one part of a run: its own objects, and its own results file to create or
   * to continue (either may be null).
   */
  public PrewarmRequest forPart(ObjectSource partSource, Path partResults, Path partResume) {
    return new PrewarmRequest(
        partSource,
        baseUrl,
        urlFormat,
        origin,
        derivatives,
        method,
        verify,
        concurrency,
        perHost,
        ratePerSecond,
        connectTimeout,
        firstByteTimeout,
        totalTimeout,
        retry,
        headers,
        insecure,
        partResults,
        partResume,
        stopGrace,
        maxRedirects);
  }

  /**
   * Checks that {@code object}'s URLs can be made: a listing of paths needs a base URL. One usage
   * error for the run, not one failure per object.
   *
   * @throws InvalidRequestException when there is no base URL for it
   */
  public void requireUrlFor(ListedObject object) {
    if (baseUrl == null && object.origin() == null) {
      try {
        url(object, derivatives.get(0));
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException(e.getMessage(), e);
      }
    }
  }

  /** The header line of this run's results. */
  public RunHeader header(String started) {
    return new RunHeader(
        started,
        baseUrl,
        urlFormat.toString(),
        origin,
        method.label(),
        derivatives.stream().map(Derivative::spec).toList());
  }
}
