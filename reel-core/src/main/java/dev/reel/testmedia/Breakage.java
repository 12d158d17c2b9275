package dev.reel.testmedia;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

/** A way to break a media file on purpose, the way downloads and disks break real ones. */
public sealed interface Breakage {

  /**
   * Writes the broken variant of {@code good} to {@code target}, a file that must not exist. {@code
   * good} is not changed.
   */
  void apply(Path good, Path target) throws IOException;

  /** The first {@code percent} % of the file, as after an interrupted download. */
  record Truncated(int percent) implements Breakage {
    public Truncated {
      if (percent < 1 || percent > 99) {
        throw new IllegalArgumentException("truncation " + percent + "% must be 1-99");
      }
    }

    @Override
    public void apply(Path good, Path target) throws IOException {
      byte[] all = Files.readAllBytes(good);
      int keep = (int) ((long) all.length * percent / 100);
      try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
        out.write(all, 0, keep);
      }
    }
  }

  /** An empty file with a video name. */
  record ZeroLength() implements Breakage {
    @Override
    public void apply(Path good, Path target) throws IOException {
      Files.createFile(target);
    }
  }

  /** Random bytes of the good file's size, with its name; not media at all. */
  record RandomBytes(long seed) implements Breakage {
    @Override
    public void apply(Path good, Path target) throws IOException {
      byte[] bytes = new byte[(int) Math.max(1024, Files.size(good))];
      new Random(seed).nextBytes(bytes);
      Files.write(target, bytes, StandardOpenOption.CREATE_NEW);
    }
  }

  /** The good file with its first {@code bytes} bytes zeroed: the header is gone. */
  record HeaderZeroed(int bytes) implements Breakage {
    public HeaderZeroed {
      if (bytes < 1) {
        throw new IllegalArgumentException("bytes to zero (" + bytes + ") must be positive");
      }
    }

    @Override
    public void apply(Path good, Path target) throws IOException {
      byte[] all = Files.readAllBytes(good);
      java.util.Arrays.fill(all, 0, Math.min(bytes, all.length), (byte) 0);
      Files.write(target, all, StandardOpenOption.CREATE_NEW);
    }
  }

  /**
   * Parses {@code truncated:50}, {@code zero-length}, {@code random}, {@code header-zeroed} (4 KiB)
   * or {@code header-zeroed:N}.
   */
  static Breakage parse(String text) {
    String[] p = text.strip().split(":", 2);
    try {
      return switch (p[0]) {
        case "truncated", "truncate" -> new Truncated(p.length > 1 ? Integer.parseInt(p[1]) : 50);
        case "zero-length", "empty" -> new ZeroLength();
        case "random" -> new RandomBytes(p.length > 1 ? Long.parseLong(p[1]) : 1);
        case "header-zeroed" -> new HeaderZeroed(p.length > 1 ? Integer.parseInt(p[1]) : 4096);
        default ->
            throw new IllegalArgumentException(
                "unknown breakage '"
                    + text
                    + "' (truncated:N, zero-length, random, header-zeroed:N)");
      };
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad number in breakage '" + text + "'", e);
    }
  }
}
