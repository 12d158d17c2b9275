package dev.reel.organize;

import dev.reel.store.Journal;
import dev.reel.walk.FolderWalker;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import net.jpountz.xxhash.StreamingXXHash64;

/**
 * Carries out, inspects and reverts single actions so that no step can lose a file and every step
 * can be told from the file system afterwards.
 *
 * <p>A move inside one file system is a hard link at the target (which fails if anything is there:
 * nothing is ever overwritten) and then the removal of the source name; between the two the file
 * has both names, which a resume or undo recognises. Where hard links are not possible (another
 * file system) the file is copied to a temporary name in the target folder, flushed to disk,
 * verified by size and hash, published under its name the same way, and only then is the source
 * removed. A copy that fails (disk full) removes its partial file and leaves the source as it was.
 */
final class FileActions {
  private static final String TEMP_PREFIX = ".reel-";

  /** How an action ended. */
  sealed interface Result {
    record Done() implements Result {}

    record Skipped(String why) implements Result {}

    record Failed(String why) implements Result {}
  }

  /** How far an action got, as the file system shows it. */
  enum Progress {
    NOT_STARTED,
    /** the target is in place and the source still there (a move between its two steps) */
    HALF,
    DONE,
    /** neither source nor target is there */
    GONE,
    /** the target holds something this action did not put there */
    BLOCKED
  }

  private final long run;

  FileActions(long run) {
    this.run = run;
  }

  static Path temp(Path target, long run, int seq) {
    return target.resolveSibling(TEMP_PREFIX + run + "-" + seq + ".part");
  }

  /** Carries out a planned action whose source must still be as planned. */
  Result perform(Journal.Entry e) {
    Path source = Path.of(e.source());
    Path target = Path.of(e.target());
    Verb verb = Verb.of(e.verb());
    try {
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException x) {
        return new Result.Skipped("the source is gone since the plan");
      }
      if (!a.isRegularFile()
          || a.size() != e.sizeBytes()
          || nanos(a.lastModifiedTime()) != e.modifiedNanos()) {
        return new Result.Skipped("the source changed since the plan");
      }
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        return new Result.Skipped("the target " + target + " appeared since the plan");
      }
      Files.createDirectories(target.getParent());
      switch (verb) {
        case MOVE -> move(source, target, e);
        case COPY -> copyVerified(source, target, temp(target, run, e.seq()), e.sizeBytes());
        case HARDLINK -> Files.createLink(target, source);
        case SYMLINK -> Files.createSymbolicLink(target, source);
        case NONE -> {
          return new Result.Done();
        }
      }
      return new Result.Done();
    } catch (FileAlreadyExistsException x) {
      return new Result.Skipped("the target " + target + " appeared since the plan");
    } catch (IOException x) {
      return new Result.Failed(
          x.getClass().getSimpleName().equals("FileSystemException")
              ? String.valueOf(x.getMessage())
              : FolderWalker.reason(x));
    }
  }

  private void move(Path source, Path target, Journal.Entry e) throws IOException {
    if (link(target, source)) {
      Files.delete(source);
      return;
    }
    copyVerified(source, target, temp(target, run, e.seq()), e.sizeBytes());
    Files.delete(source);
  }

  /**
   * Makes {@code target} a second name of {@code existing}; false when the file systems do not
   * allow it (another device, no hard links), so the caller copies instead.
   */
  private static boolean link(Path target, Path existing) throws IOException {
    try {
      Files.createLink(target, existing);
      return true;
    } catch (FileAlreadyExistsException x) {
      throw x;
    } catch (UnsupportedOperationException x) {
      return false;
    } catch (IOException x) {
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        throw new FileAlreadyExistsException(target.toString());
      }
      String m = String.valueOf(x.getMessage()).toLowerCase(java.util.Locale.ROOT);
      if (m.contains("cross-device")
          || m.contains("not permitted")
          || m.contains("not supported")) {
        return false;
      }
      throw x;
    }
  }

  /** Copies to a temporary file, flushes, verifies and publishes it; the temp is gone after. */
  static void copyVerified(Path source, Path target, Path temp, long expectedSize)
      throws IOException {
    Files.deleteIfExists(temp);
    long sourceHash;
    try {
      try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
          FileChannel out =
              FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          StreamingXXHash64 h = ContentHasher.streaming()) {
        ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        while (in.read(buf) >= 0) {
          buf.flip();
          h.update(buf.array(), 0, buf.limit());
          while (buf.hasRemaining()) {
            out.write(buf);
          }
          buf.clear();
        }
        out.force(true);
        sourceHash = h.getValue();
      }
      Files.setLastModifiedTime(temp, Files.getLastModifiedTime(source));
      long size = Files.size(temp);
      if (size != expectedSize) {
        throw new IOException("the copy has " + size + " bytes, the source " + expectedSize);
      }
      if (ContentHasher.fullOf(temp) != sourceHash) {
        throw new IOException("the copy does not read back as the source did");
      }
      if (!link(target, temp)) {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
          throw new FileAlreadyExistsException(target.toString());
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      }
      forceFolder(target.getParent());
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void forceFolder(Path folder) {
    try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // not every file system lets a folder be flushed; the data itself is on disk
    }
  }

  /** How far an action got; a leftover temporary file of it is removed on the way. */
  Progress inspect(Journal.Entry e) {
    Path source = Path.of(e.source());
    Path target = Path.of(e.target());
    try {
      Files.deleteIfExists(temp(target, run, e.seq()));
      boolean s = Files.exists(source, LinkOption.NOFOLLOW_LINKS);
      boolean t = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
      if (!t) {
        return s ? Progress.NOT_STARTED : Progress.GONE;
      }
      return switch (Verb.of(e.verb())) {
        case MOVE -> {
          if (!s) {
            yield Files.size(target) == e.sizeBytes() ? Progress.DONE : Progress.BLOCKED;
          }
          yield sameContent(source, target, e) ? Progress.HALF : Progress.BLOCKED;
        }
        case COPY -> s && sameContent(source, target, e) ? Progress.DONE : Progress.BLOCKED;
        case HARDLINK -> s && Files.isSameFile(source, target) ? Progress.DONE : Progress.BLOCKED;
        case SYMLINK ->
            Files.isSymbolicLink(target) && Files.readSymbolicLink(target).equals(source)
                ? Progress.DONE
                : Progress.BLOCKED;
        case NONE -> Progress.DONE;
      };
    } catch (IOException x) {
      return Progress.BLOCKED;
    }
  }

  private static boolean sameContent(Path source, Path target, Journal.Entry e) throws IOException {
    if (Files.isSameFile(source, target)) {
      return true;
    }
    return Files.size(target) == e.sizeBytes()
        && Files.size(source) == e.sizeBytes()
        && ContentHasher.fullOf(source) == ContentHasher.fullOf(target);
  }

  /** Finishes a move that stopped between its steps: the source name goes. */
  Result finishHalf(Journal.Entry e) {
    try {
      Files.delete(Path.of(e.source()));
      return new Result.Done();
    } catch (IOException x) {
      return new Result.Failed(FolderWalker.reason(x));
    }
  }

  /**
   * Reverts an action as far as it got: a moved file goes back to its source name, a copy or link
   * that this action made is removed. Nothing else is touched.
   */
  Result undo(Journal.Entry e) {
    Path source = Path.of(e.source());
    Path target = Path.of(e.target());
    Progress p = inspect(e);
    try {
      return switch (p) {
        case NOT_STARTED -> new Result.Done();
        case GONE ->
            new Result.Failed("neither " + source + " nor " + target + " is there any more");
        case BLOCKED ->
            new Result.Failed(target + " is no longer the file this run put there; left alone");
        case HALF -> {
          Files.delete(target); // a second name (or verified copy) of the source
          yield new Result.Done();
        }
        case DONE -> {
          switch (Verb.of(e.verb())) {
            case MOVE -> {
              Files.createDirectories(source.getParent());
              if (link(source, target)) {
                Files.delete(target);
              } else {
                copyVerified(target, source, temp(source, run, e.seq()), e.sizeBytes());
                Files.delete(target);
              }
              Files.setLastModifiedTime(
                  source, FileTime.from(java.time.Instant.EPOCH.plusNanos(e.modifiedNanos())));
            }
            case COPY, HARDLINK, SYMLINK, NONE -> Files.deleteIfExists(target);
          }
          yield new Result.Done();
        }
      };
    } catch (FileAlreadyExistsException x) {
      return new Result.Failed(source + " exists again; " + target + " left where it is");
    } catch (IOException x) {
      return new Result.Failed(FolderWalker.reason(x));
    }
  }

  static long nanos(FileTime t) {
    java.time.Instant i = t.toInstant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }
}
