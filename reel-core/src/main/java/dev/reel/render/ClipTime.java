package dev.reel.render;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times in edit lists: seconds ({@code 12.5}), clock time ({@code 01:02:03.250}, {@code 02:03}),
 * frames ({@code 250f}, at the list's frame rate) and SMPTE timecode ({@code 01:02:03:12}, the last
 * field frames).
 */
final class ClipTime {
  private static final Pattern CLOCK =
      Pattern.compile("(?:(\\d+):)?(\\d{1,2}):(\\d{1,2}(?:\\.\\d+)?)");
  private static final Pattern TIMECODE =
      Pattern.compile("(\\d{1,2}):(\\d{2}):(\\d{2})[:;](\\d{2})");
  private static final Pattern FRAMES = Pattern.compile("(\\d+)f");

  private ClipTime() {}

  /** Seconds from a time in any of the forms; an {@code IllegalArgumentException} saying where. */
  static double parse(String text, double fps, String where) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Matcher m;
    if ((m = TIMECODE.matcher(t)).matches()) {
      return timecode(m, fps, where);
    }
    if ((m = FRAMES.matcher(t)).matches()) {
      return Long.parseLong(m.group(1)) / fps;
    }
    if ((m = CLOCK.matcher(t)).matches()) {
      double h = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
      double min = Long.parseLong(m.group(2));
      double s = Double.parseDouble(m.group(3));
      if (min >= 60 || s >= 60) {
        throw new IllegalArgumentException(
            where + ": '" + text + "' is not a time (minutes and seconds go to 59)");
      }
      return h * 3600 + min * 60 + s;
    }
    try {
      double s = Double.parseDouble(t.endsWith("s") ? t.substring(0, t.length() - 1) : t);
      if (Double.isFinite(s)) {
        return s;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException(
        where + ": '" + text + "' is not a time (seconds 12.5, 01:02:03.250, 250f or 01:02:03:12)");
  }

  /** Seconds from SMPTE timecode {@code hh:mm:ss:ff} (non-drop) at {@code fps}. */
  static double timecode(String text, double fps, String where) {
    Matcher m = TIMECODE.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(where + ": '" + text + "' is not a timecode hh:mm:ss:ff");
    }
    return timecode(m, fps, where);
  }

  private static double timecode(Matcher m, double fps, String where) {
    int frames = Integer.parseInt(m.group(4));
    if (frames >= Math.ceil(fps)) {
      throw new IllegalArgumentException(
          where
              + ": frame "
              + frames
              + " of timecode "
              + m.group()
              + " is not below the frame rate "
              + fps
              + " (give --fps)");
    }
    return Integer.parseInt(m.group(1)) * 3600
        + Integer.parseInt(m.group(2)) * 60
        + Integer.parseInt(m.group(3))
        + frames / fps;
  }
}
