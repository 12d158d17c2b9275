package dev.reel.organize;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a run will do, in apply order (grouped by target folder), and every file it leaves
 * alone with the reason.
 */
public record Plan(Path library, Verb action, List<PlannedAction> actions) {
  public Plan {
    Objects.requireNonNull(library, "library");
    Objects.requireNonNull(action, "action");
    actions = List.copyOf(actions);
  }

  /** How many actions of each kind, in kind order. */
  public Map<ActionKind, Long> counts() {
    Map<ActionKind, Long> m = new EnumMap<>(ActionKind.class);
    for (PlannedAction a : actions) {
      m.merge(a.kind(), 1L, Long::sum);
    }
    return m;
  }

  /** The actions that change something on disk. */
  public long acting() {
    return actions.stream().filter(PlannedAction::acts).count();
  }
}
