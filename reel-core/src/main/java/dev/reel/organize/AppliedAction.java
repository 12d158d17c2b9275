package dev.reel.organize;

import java.util.Objects;

/**
 * What happened to one action of an applied (or undone) run: for the output as it goes.
 *
 * @param state done, skipped or failed
 * @param why empty when done
 */
public record AppliedAction(
    int seq, String verb, String kind, String source, String target, String state, String why) {
  public AppliedAction {
    Objects.requireNonNull(state, "state");
    why = why == null ? "" : why;
  }
}
