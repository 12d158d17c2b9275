package dev.reel.cli;

import dev.reel.media.DurationText;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/** picocli converters for the values many options share. */
final class Converters {
  private Converters() {}

  /** {@code 500ms}, {@code 30s}, {@code 1.5s}, {@code 2m}, {@code 1h}; a bare number is seconds. */
  static final class DurationValue implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
      return DurationText.parse(text);
    }
  }

  /** {@code 50M}, {@code 1.5G}, {@code 1048576}: bytes, K/M/G/T as powers of 1024. */
  static final class SizeValue implements ITypeConverter<Long> {
    @Override
    public Long convert(String text) {
      return Units.bytes(text);
    }
  }
}
