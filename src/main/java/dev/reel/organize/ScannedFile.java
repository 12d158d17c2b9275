package dev.reel.organize;

import dev.reel.media.ProbeOutcome;
import dev.reel.walk.WalkedFile;
import java.util.Objects;

/** A video found by the scan: the file, its probe, and what its name says it is. */
record ScannedFile(WalkedFile file, ProbeOutcome probe, Subject subject, Quality quality) {
  ScannedFile {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(probe, "probe");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(quality, "quality");
  }

  boolean playable() {
    return probe instanceof ProbeOutcome.Playable;
  }
}
