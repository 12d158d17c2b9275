package dev.reel.organize;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of a plan: a file, what is done to it and why.
 *
 * @param target where it goes, or null when it stays ({@link Verb#NONE})
 * @param sizeBytes the source's size when planned, checked again before acting
 * @param modified the source's modification time when planned, checked again before acting
 * @param group the show or movie it belongs to ("Show (2010)"), for grouping reports; may be empty
 * @param detail why, in a few words ("same episode as X, lower quality"); may be empty
 */
public record PlannedAction(
    ActionKind kind,
    Verb verb,
    Path source,
    Path target,
    long sizeBytes,
    Instant modified,
    String group,
    String detail) {
  public PlannedAction {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(modified, "modified");
    group = group == null ? "" : group;
    detail = detail == null ? "" : detail;
    if ((verb == Verb.NONE) != (target == null)) {
      throw new IllegalArgumentException(
          "an action has a target exactly when it does something: " + verb + " " + source);
    }
  }

  /** Whether this action changes anything on disk. */
  public boolean acts() {
    return verb != Verb.NONE;
  }
}
