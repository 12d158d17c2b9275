package dev.reel.job;

/**
 * The request cannot be carried out as the user gave it: a bad option value, a results file of
 * another run, an output that exists. Reported as a usage error (exit code 2), in one line.
 */
public final class InvalidRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    super(message);
  }

  public InvalidRequestException(String message, Throwable cause) {
    super(message, cause);
  }
}
