package dev.reel.store;

/** The database exists but must not be used (written by a newer reel). */
final class StoreUnusableException extends Exception {
  private static final long serialVersionUID = 1L;

  StoreUnusableException(String message) {
    super(message);
  }
}
