package dev.reel.media;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The result of probing one file: every file ends as exactly one of these. */
public sealed interface ProbeOutcome {

  FileFacts file();

  /** What the file contains, when its container opened. */
  default Optional<MediaInfo> mediaInfo() {
    return switch (this) {
      case Playable p -> Optional.of(p.info());
      case Unplayable u -> Optional.of(u.info());
      case Unreadable u -> Optional.empty();
      case TimedOut t -> Optional.empty();
    };
  }

  /** Why the file is not playable, in one line; empty when it is playable. */
  default Optional<String> problem() {
    return switch (this) {
      case Playable p -> Optional.empty();
      case Unplayable u -> Optional.of(u.error());
      case Unreadable u -> Optional.of(u.error());
      case TimedOut t -> Optional.of(t.error());
    };
  }

  /** The file opened and every check of the chosen depth passed. */
  record Playable(FileFacts file, MediaInfo info) implements ProbeOutcome {
    public Playable {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(info, "info");
    }
  }

  /** The container opened, but the file cannot be played as it is (truncated, undecodable). */
  record Unplayable(FileFacts file, MediaInfo info, String error) implements ProbeOutcome {
    public Unplayable {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(info, "info");
      Objects.requireNonNull(error, "error");
    }
  }

  /** The file could not be opened as media at all. */
  record Unreadable(FileFacts file, String error) implements ProbeOutcome {
    public Unreadable {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(error, "error");
    }
  }

  /** The probe did not finish within the per-file timeout and was aborted. */
  record TimedOut(FileFacts file, Duration after) implements ProbeOutcome {
    public TimedOut {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(after, "after");
    }

    /** The one-line error for reports. */
    public String error() {
      return "timed out after " + DurationText.format(after);
    }
  }
}
