package dev.reel.cli;

import dev.reel.media.DurationText;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/** picocli converters for the values many options share. */
public final class Converters {
  private Converters() {}

  /** {@code 500ms}, {@code 30s}, {@code 1.5s}, {@code 2m}, {@code 1h}; a bare number is seconds. */
  public static final class DurationValue implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
      return DurationText.parse(text);
    }
  }

  /** {@code 4M}, {@code 2500k}, {@code 800000}: bits per second, k/M as powers of 1000. */
  static final class BitRateValue implements ITypeConverter<Long> {
    @Override
    public Long convert(String text) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*([km]?)(?:bps|b/s|b)?")
              .matcher(text.strip());
      if (!m.matches()) {
        throw new picocli.CommandLine.TypeConversionException(
            "a bit rate such as 4M, 2500k or 800000, not '" + text + "'");
      }
      double v = Double.parseDouble(m.group(1));
      String unit = m.group(2).toLowerCase(java.util.Locale.ROOT);
      return Math.round(v * (unit.equals("m") ? 1e6 : unit.equals("k") ? 1e3 : 1));
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
