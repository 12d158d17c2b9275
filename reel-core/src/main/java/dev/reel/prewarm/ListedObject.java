package dev.reel.prewarm;

import java.util.Objects;

/**
 * One object from a listing.
 *
 * @param path the object's key or relative path, '/'-separated, not URL-encoded
 * @param sizeBytes its size, or -1 when the listing does not say
 * @param origin for a listing line that was a full URL, its scheme and authority (used when no base
 *     URL is given); null otherwise
 */
public record ListedObject(String path, long sizeBytes, String origin)
    implements java.io.Serializable {
  public ListedObject {
    Objects.requireNonNull(path, "path");
    if (path.isEmpty()) {
      throw new IllegalArgumentException("empty object path");
    }
  }

  public ListedObject(String path, long sizeBytes) {
    this(path, sizeBytes, null);
  }

  public SizeCategory category() {
    return SizeCategory.of(sizeBytes);
  }
}
