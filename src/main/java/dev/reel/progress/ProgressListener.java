package dev.reel.progress;

/** Receives the progress of a batch. Calls come from any thread, are fast and never throw. */
public interface ProgressListener extends AutoCloseable {

  /** Does nothing. */
  ProgressListener NONE =
      new ProgressListener() {
        @Override
        public void start(long total) {}

        @Override
        public void advance(long done, long failed) {}

        @Override
        public void close() {}
      };

  /** The batch starts with {@code total} items (-1 when unknown). */
  void start(long total);

  /** {@code done} items have finished so far, {@code failed} of them badly. */
  void advance(long done, long failed);

  /** The batch has ended; a bar is completed and cleared up. */
  @Override
  void close();
}
