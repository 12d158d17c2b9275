package dev.reel.job;

import dev.reel.progress.ProgressModel;
import java.util.Objects;

/**
 * How one item of a job ended, as every summary counts it. Jobs keep their own richer outcomes (a
 * probe's {@code Unplayable}, a request's status) and say which of these each one is.
 */
public sealed interface Outcome {
  Ok OK = new Ok();

  /** Counts this outcome in a job's progress. */
  default void countIn(ProgressModel progress) {
    switch (this) {
      case Ok o -> progress.ok();
      case Failed f -> progress.failed();
      case Skipped s -> progress.skipped();
    }
  }

  /** The item was done as asked. */
  record Ok() implements Outcome {}

  /** The item could not be done; the batch went on. */
  record Failed(String reason) implements Outcome {
    public Failed {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The item was left alone on purpose (already done, filtered out, nothing to do). */
  record Skipped(String reason) implements Outcome {
    public Skipped {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
