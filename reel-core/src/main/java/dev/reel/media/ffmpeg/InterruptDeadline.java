package dev.reel.media.ffmpeg;

import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * A deadline that FFmpeg checks through its interrupt callback, so that a blocking read, network
 * wait or long probing loop returns {@code AVERROR_EXIT} once the time is up or the thread has been
 * interrupted.
 *
 * <p>JavaCPP limits how many callback thunks may exist, so one static callback serves every probe;
 * each probe passes its own native deadline (nanoTime units) as the callback's opaque pointer.
 */
final class InterruptDeadline implements AutoCloseable {
  private static final DeadlineCallback CALLBACK = new DeadlineCallback();
  private LongPointer deadlineNanos;

  private InterruptDeadline(long deadline) {
    this.deadlineNanos = new LongPointer(1);
    deadlineNanos.put(0, deadline);
  }

  /** A deadline {@code timeoutNanos} from now. */
  static InterruptDeadline after(long timeoutNanos) {
    return new InterruptDeadline(System.nanoTime() + timeoutNanos);
  }

  /**
   * Moves this deadline to {@code timeoutNanos} from now. The way to give an open file a new time
   * limit: FFmpeg's I/O layer keeps its own copy of the callback installed at open, so installing
   * another deadline later would not reach it.
   */
  void restart(long timeoutNanos) {
    deadlineNanos.put(0, System.nanoTime() + timeoutNanos);
  }

  /** Installs this deadline as the interrupt callback of {@code cb}. */
  void install(AVIOInterruptCB cb) {
    cb.callback(CALLBACK);
    cb.opaque(deadlineNanos);
  }

  boolean expired() {
    return System.nanoTime() - deadlineNanos.get(0) > 0 || Thread.currentThread().isInterrupted();
  }

  @Override
  public void close() {
    if (deadlineNanos != null) {
      deadlineNanos.close();
      deadlineNanos = null;
    }
  }

  private static final class DeadlineCallback extends AVIOInterruptCB.Callback_Pointer {
    DeadlineCallback() {
      super();
    }

    @Override
    public int call(Pointer opaque) {
      if (Thread.currentThread().isInterrupted()) {
        return 1;
      }
      long deadline = new LongPointer(opaque).get(0);
      return System.nanoTime() - deadline > 0 ? 1 : 0;
    }
  }
}
