package dev.reel.progress;

/**
 * Shows a job's progress. The {@link ProgressReporter} calls it from one thread: {@code start}
 * once, {@code update} on each tick, {@code phase} when the phase changes, {@code end} once.
 * Implementations are quick and never throw.
 */
interface ProgressDisplay {
  void start(ProgressSnapshot s);

  void update(ProgressSnapshot s);

  void phase(ProgressSnapshot s);

  void end(ProgressSnapshot s, boolean stopped);

  /** How often {@code update} is called, in milliseconds. */
  long intervalMillis();

  ProgressDisplay NONE =
      new ProgressDisplay() {
        @Override
        public void start(ProgressSnapshot s) {}

        @Override
        public void update(ProgressSnapshot s) {}

        @Override
        public void phase(ProgressSnapshot s) {}

        @Override
        public void end(ProgressSnapshot s, boolean stopped) {}

        @Override
        public long intervalMillis() {
          return 1_000;
        }
      };
}
