package dev.reel.concurrent;

import java.time.Duration;
import java.util.Objects;

/** How one item of a parallel map ended. */
public sealed interface ItemOutcome<I, O> {

  I item();

  /** The task returned a value. */
  record Done<I, O>(I item, O value) implements ItemOutcome<I, O> {
    public Done {
      Objects.requireNonNull(item, "item");
    }
  }

  /** The task threw; the batch went on. */
  record Failed<I, O>(I item, Throwable error) implements ItemOutcome<I, O> {
    public Failed {
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(error, "error");
    }
  }

  /** The task ran past its timeout; its worker was interrupted and replaced. */
  record TimedOut<I, O>(I item, Duration after) implements ItemOutcome<I, O> {
    public TimedOut {
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(after, "after");
    }
  }
}
