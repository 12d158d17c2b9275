package dev.reel.media;

import java.time.Duration;

/**
 * Reads a file's technical metadata. Implementations are thread-safe; each call uses native
 * resources only on the calling thread and frees them before returning.
 */
public interface MediaProbe {

  /**
   * Probes one file. Never throws for bad input: a corrupt, truncated or unreadable file ends as an
   * outcome that says why.
   *
   * @param file the file and what the file system said about it
   * @param depth how much work to do
   * @param timeout how long the probe may take before it aborts its reads
   */
  ProbeOutcome probe(FileFacts file, ProbeDepth depth, Duration timeout);
}
