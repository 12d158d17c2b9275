package dev.reel.job;

/**
 * The job itself cannot go on (a listing that cannot be read, an output that cannot be written), as
 * opposed to one item failing. Reported in one line with exit code 3.
 */
public final class JobFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JobFailedException(String message) {
    super(message);
  }

  public JobFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
