package dev.reel.organize;

import dev.reel.concurrent.StopToken;
import java.util.Map;
import java.util.Set;

/**
 * Refines what names say before targets are computed: the place for an online lookup (TMDB's
 * canonical titles, years and episode titles). It is asked once per run with every distinct
 * subject, so that it can ask each remote question once (once per show, once per season).
 */
public interface SubjectRefiner {
  /** No refinement: the names' own reading. */
  SubjectRefiner NONE = (subjects, stop) -> Map.of();

  /**
   * Better readings for some of {@code subjects}; a subject not in the map stays as it is. Called
   * on the job's thread; it may block (network) and should end early when {@code stop} is stopped.
   */
  Map<Subject, Subject> refine(Set<Subject> subjects, StopToken stop);
}
