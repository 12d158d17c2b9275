package dev.reel.organize;

import dev.reel.media.ProbeOutcome;
import dev.reel.walk.WalkedFile;
import java.util.Objects;

/**
 * A video found by the scan: the file, whether it plays (and why not), what its name says it is,
 * and its quality. The probe's full result is not kept: a plan holds every file at once.
 *
 * @param problem why the file does not play, or null when it does
 */
record ScannedFile(WalkedFile file, String problem, Subject subject, Quality quality) {
  ScannedFile {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(quality, "quality");
  }

  static ScannedFile of(WalkedFile file, ProbeOutcome probe, Subject subject) {
    String problem =
        probe instanceof ProbeOutcome.Playable ? null : probe.problem().orElse("not playable");
    return new ScannedFile(file, problem, subject, Quality.of(probe, subject.screenSize()));
  }

  boolean playable() {
    return problem == null;
  }
}
