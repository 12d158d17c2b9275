package dev.reel.prewarm;

import java.io.IOException;

/** Where objects come from: streamed into a sink, never held as a whole list. */
public interface ObjectSource {
  /**
   * Streams every object into {@code sink} until the listing ends or the sink says stop.
   *
   * @throws IOException when the listing cannot start or breaks off (its message says which)
   */
  void list(ObjectSink sink) throws IOException;

  /** Says what is listed, for messages: "folder /srv/videos". */
  String describe();
}
