package dev.reel.prewarm;

import java.util.List;
import java.util.Objects;

/**
 * The first line of a results file: what the run requested, so that {@code --resume} can refuse a
 * file from a different run and reports can say what was measured. Holds no header values and no
 * credentials.
 */
public record RunHeader(
    String started,
    String baseUrl,
    String urlFormat,
    String origin,
    String method,
    List<String> derivatives) {
  public RunHeader {
    Objects.requireNonNull(urlFormat, "urlFormat");
    Objects.requireNonNull(method, "method");
    derivatives = List.copyOf(derivatives);
  }

  /**
   * Why a results file with this header cannot be resumed by {@code current}, or null when it can.
   * Derivatives may differ (new ones are requested; finished ones skipped).
   */
  String mismatch(RunHeader current) {
    if (!Objects.equals(baseUrl, current.baseUrl)) {
      return "base URL " + baseUrl + " vs " + current.baseUrl;
    }
    if (!urlFormat.equals(current.urlFormat)) {
      return "URL format " + urlFormat + " vs " + current.urlFormat;
    }
    if (!Objects.equals(origin, current.origin)) {
      return "origin " + origin + " vs " + current.origin;
    }
    if (!method.equals(current.method)) {
      return "method " + method + " vs " + current.method;
    }
    return null;
  }
}
