package dev.reel.media;

/** Encodes synthetic media files; used to make test and benchmark media in-process. */
public interface MediaEncoder {

  /**
   * Encodes {@code spec} into {@code spec.target()}.
   *
   * @throws java.io.UncheckedIOException when the file cannot be written
   * @throws IllegalArgumentException when the container or a codec is not available
   */
  void encode(EncodeSpec spec);
}
