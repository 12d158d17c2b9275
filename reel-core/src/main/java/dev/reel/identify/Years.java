package dev.reel.identify;

/** The one check of whether a number can be a release's year (of a film, a show, an air date). */
final class Years {
  static final int FIRST = 1920;
  static final int LAST = 2039;

  private Years() {}

  static boolean plausible(int year) {
    return year >= FIRST && year <= LAST;
  }

  /** A token of four digits that is a plausible year. */
  static boolean isYear(Token t) {
    return t.isDigits() && t.text().length() == 4 && plausible(Integer.parseInt(t.text()));
  }
}
