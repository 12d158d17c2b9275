package dev.reel.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an output file through a temporary file in the same folder and a rename, so a reader (or a
 * crash) never sees half of it: the old file stays whole until the new one replaces it.
 */
public final class AtomicWrite {
  private AtomicWrite() {}

  /** Writes {@code text} as UTF-8 to {@code file}, replacing the file the user named. */
  public static void text(Path file, String text) throws IOException {
    bytes(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code data} to {@code file}, replacing the file the user named. */
  public static void bytes(Path file, byte[] data) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".reel-write", ".tmp");
    try {
      Files.write(tmp, data);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
