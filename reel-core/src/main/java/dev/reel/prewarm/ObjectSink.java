package dev.reel.prewarm;

/** Receives a listing as it streams. Called on the listing's thread. */
public interface ObjectSink {
  /** Takes one object; returns false to stop the listing. */
  boolean accept(ListedObject object);

  /** A part of the listing that could not be read (a malformed line, an unreadable folder). */
  void problem(String message);
}
