package dev.reel.organize;

import dev.reel.concurrent.StopToken;
import dev.reel.progress.ProgressModel;
import java.util.Map;

/**
 * A second reading of the names the offline parser is unsure of ({@link Subject#doubt()}): an AI
 * model's. It is asked once per run with all of them, so that it can ask in batches, before the
 * online lookup refines titles.
 */
public interface SecondOpinion {
  /** No second reading. */
  SecondOpinion NONE = (doubtful, stop, progress) -> Map.of();

  /**
   * New readings for some of {@code doubtful} (a name, folders included, to its offline reading); a
   * name not in the answer keeps its reading. May block (network); ends early when {@code stop} is
   * stopped.
   */
  Map<String, Subject> reread(
      Map<String, Subject> doubtful, StopToken stop, ProgressModel progress);
}
