package dev.reel.testmedia;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a loudness envelope written on one line, parts separated by commas:
 *
 * <ul>
 *   <li>{@code silence}: nothing (the default where no part plays)
 *   <li>{@code tone:HZ:DB} a tone over the whole track, {@code tone:HZ:DB@FROM-TO} over a span
 *   <li>{@code noise:DB}, {@code noise:DB@FROM-TO}: steady noise
 *   <li>{@code burst:AT+LEN:DB}: a noise burst at AT seconds lasting LEN seconds
 *   <li>{@code clicks:BPM:DB}, {@code clicks:BPM:DB@FROM-TO}: a click on every beat, the first at
 *       FROM (a click track, for beat detection)
 * </ul>
 *
 * Example: {@code noise:-50,burst:12+2:-6,burst:40+1.5:-3}. Times are seconds, levels dBFS.
 */
public final class EnvelopeText {
  private EnvelopeText() {}

  public static LoudnessEnvelope parse(String text) {
    List<LoudnessEnvelope.Part> parts = new ArrayList<>();
    for (String raw : text.split(",")) {
      String item = raw.strip();
      if (item.isEmpty() || item.equals("silence")) {
        continue;
      }
      try {
        parts.add(part(item));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "bad envelope part '"
                + item
                + "' in '"
                + text
                + "': "
                + e.getMessage()
                + " (examples: tone:440:-20, noise:-50@0-60, burst:12+2:-6, clicks:120:-6@0.25-30)",
            e);
      }
    }
    return new LoudnessEnvelope(parts);
  }

  private static LoudnessEnvelope.Part part(String item) {
    String span = null;
    int at = item.indexOf('@');
    if (at >= 0) {
      span = item.substring(at + 1);
      item = item.substring(0, at);
    }
    String[] f = item.split(":");
    double from = 0;
    double to = Double.MAX_VALUE;
    if (span != null) {
      String[] ft = span.split("-");
      from = Double.parseDouble(ft[0]);
      to = Double.parseDouble(ft[1]);
    }
    return switch (f[0]) {
      case "tone" ->
          new LoudnessEnvelope.Part(
              LoudnessEnvelope.Kind.TONE,
              from,
              to,
              Double.parseDouble(f[1]),
              Double.parseDouble(f[2]));
      case "clicks" ->
          new LoudnessEnvelope.Part(
              LoudnessEnvelope.Kind.CLICKS,
              from,
              to,
              Double.parseDouble(f[1]),
              Double.parseDouble(f[2]));
      case "noise" ->
          new LoudnessEnvelope.Part(
              LoudnessEnvelope.Kind.NOISE, from, to, 0, Double.parseDouble(f[1]));
      case "burst" -> {
        String[] al = f[1].split("\\+");
        yield LoudnessEnvelope.Part.burst(
            Double.parseDouble(al[0]), Double.parseDouble(al[1]), Double.parseDouble(f[2]));
      }
      default -> throw new IllegalArgumentException("unknown kind '" + f[0] + "'");
    };
  }
}
