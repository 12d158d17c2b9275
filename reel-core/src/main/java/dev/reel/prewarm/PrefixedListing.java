package dev.reel.prewarm;

import java.io.IOException;

/** A listing whose paths get a prefix (for example the bucket folder an rclone path leaves out). */
final class PrefixedListing implements ObjectSource {
  private final ObjectSource source;
  private final String prefix;

  PrefixedListing(ObjectSource source, String prefix) {
    this.source = source;
    this.prefix = prefix.endsWith("/") || prefix.isEmpty() ? prefix : prefix + "/";
  }

  @Override
  public void list(ObjectSink sink) throws IOException {
    String p = prefix.startsWith("/") ? prefix.substring(1) : prefix;
    source.list(
        new ObjectSink() {
          @Override
          public boolean accept(ListedObject o) {
            return sink.accept(new ListedObject(p + o.path(), o.sizeBytes(), o.origin()));
          }

          @Override
          public void problem(String message) {
            sink.problem(message);
          }
        });
  }

  @Override
  public String describe() {
    return source.describe();
  }
}
