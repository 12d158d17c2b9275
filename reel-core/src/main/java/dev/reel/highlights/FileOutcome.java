package dev.reel.highlights;

import java.nio.file.Path;

/** How one file of a batch ended. */
public sealed interface FileOutcome {
  Path file();

  /** Analysed (and its clips cut, as far as they could be). */
  record Done(FileHighlights result) implements FileOutcome {
    @Override
    public Path file() {
      return result.file();
    }
  }

  /** The file has no audio to measure. */
  record NoAudio(Path file) implements FileOutcome {}

  /** The file could not be read; {@code error} says why in one line. */
  record Failed(Path file, String error) implements FileOutcome {}
}
