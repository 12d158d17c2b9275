package dev.reel.store;

/** A read or write of an open store failed (disk full, the file removed underneath). */
public final class StoreFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StoreFailedException(String message, Throwable cause) {
    super(message + ": " + cause.getMessage(), cause);
  }
}
