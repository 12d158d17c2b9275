package dev.reel.prewarm;

import dev.reel.http.HttpRequestSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Builds prewarm requests for tests, with quick timeouts and retries. */
final class RequestBuilder {
  ObjectSource source;
  String baseUrl;
  UrlFormat format = UrlFormat.parse("imwidth");
  String origin;
  List<Derivative> derivatives = Derivative.PRESETS;
  RequestMethod method = RequestMethod.GET;
  boolean verify;
  int concurrency = 8;
  double rate;
  Duration firstByte = Duration.ofSeconds(5);
  RetryPolicy retry =
      new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5));
  List<HttpRequestSpec.Header> headers = new ArrayList<>();
  Path results;
  Path resume;
  Duration grace = Duration.ofSeconds(5);
  int maxRedirects = 5;

  RequestBuilder(ObjectSource source, String baseUrl) {
    this.source = source;
    this.baseUrl = baseUrl;
  }

  static ObjectSource objects(ListedObject... objects) {
    return new ObjectList("test objects", List.of(objects));
  }

  PrewarmRequest build() {
    return new PrewarmRequest(
        source,
        baseUrl,
        format,
        origin,
        derivatives,
        method,
        verify,
        concurrency,
        concurrency,
        rate,
        Duration.ofSeconds(2),
        firstByte,
        Duration.ofSeconds(30),
        retry,
        headers,
        false,
        results,
        resume,
        grace,
        maxRedirects);
  }
}
