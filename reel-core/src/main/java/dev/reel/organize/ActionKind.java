package dev.reel.organize;

import java.util.Locale;

/** Why a file is planned the way it is: the reason column of a plan. */
public enum ActionKind {
  EPISODE,
  MOVIE,
  EXTRA,
  SIDECAR,
  DUPLICATE,
  UNPLAYABLE,
  UNKNOWN,
  CONFLICT;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ActionKind of(String label) {
    for (ActionKind k : values()) {
      if (k.label().equals(label)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown kind '" + label + "'");
  }
}
