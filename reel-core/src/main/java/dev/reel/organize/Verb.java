package dev.reel.organize;

import java.util.Locale;

/** What is done to a file: moved, copied, linked, or left where it is. */
public enum Verb {
  MOVE,
  COPY,
  HARDLINK,
  SYMLINK,
  NONE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a label; an unknown one is an {@code IllegalArgumentException} naming the choices. */
  public static Verb of(String label) {
    for (Verb v : values()) {
      if (v.label().equals(label)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "unknown action '" + label + "': move, copy, hardlink, symlink or none");
  }
}
