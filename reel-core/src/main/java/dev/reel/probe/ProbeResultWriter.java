package dev.reel.probe;

import dev.reel.media.ProbeOutcome;
import java.util.function.Consumer;

/** Writes probe results as they arrive; {@link #close()} flushes (it does not close stdout). */
public interface ProbeResultWriter extends Consumer<ProbeOutcome>, AutoCloseable {
  @Override
  void close();
}
