package dev.reel.prewarm;

import dev.reel.http.HttpOutcome;
import java.util.Locale;

/** Why a request did not succeed, in the classes reports count. */
public enum ErrorClass {
  SERVER_ERROR,
  NOT_FOUND,
  FORBIDDEN,
  RATE_LIMITED,
  /** Any other 4xx. */
  CLIENT_ERROR,
  TIMEOUT,
  CONNECTION_ERROR,
  /** Stopped by Ctrl-C before it finished. */
  CANCELLED;

  /** The class of an outcome, or null when it succeeded (2xx or 3xx). */
  static ErrorClass of(HttpOutcome outcome) {
    return switch (outcome) {
      case HttpOutcome.Response r -> ofStatus(r.status());
      case HttpOutcome.Failed f ->
          switch (f.kind()) {
            case TIMEOUT -> TIMEOUT;
            case CONNECTION, DNS, TLS -> CONNECTION_ERROR;
            case CANCELLED -> CANCELLED;
          };
    };
  }

  static ErrorClass ofStatus(int status) {
    if (status < 400) {
      return null;
    }
    if (status >= 500) {
      return SERVER_ERROR;
    }
    return switch (status) {
      case 404, 410 -> NOT_FOUND;
      case 401, 403 -> FORBIDDEN;
      case 429 -> RATE_LIMITED;
      default -> CLIENT_ERROR;
    };
  }

  private final String label = name().toLowerCase(Locale.ROOT);

  public String label() {
    return label;
  }

  public static ErrorClass fromLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
