package dev.reel.walk;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Walks files and folders lazily, in a stable order, as every job that reads folders needs it.
 *
 * <p>Depth first, names sorted within each folder; only the names of the folders on the current
 * path are in memory, so a million files stream through. Hidden entries (names starting with a dot)
 * are skipped unless asked for. Symbolic links are followed, and a folder reached twice (a link
 * loop, a folder linked twice) is walked once. A folder or entry that cannot be read is reported as
 * one line ({@code cannot read folder X: permission denied}) and skipped; the walk goes on. Files
 * found in folders are kept when their name passes the filter; a file named directly is always
 * kept.
 */
public final class FolderWalker {
  private final Predicate<String> keepName;
  private final boolean includeHidden;
  private final Consumer<String> problems;
  private final Set<Path> skipped;

  /**
   * @param keepName which file names found in folders are kept
   * @param includeHidden whether hidden files and folders are walked
   * @param problems receives one line for each folder or entry that could not be read
   */
  public FolderWalker(
      Predicate<String> keepName, boolean includeHidden, Consumer<String> problems) {
    this(keepName, includeHidden, problems, Set.of());
  }

  private FolderWalker(
      Predicate<String> keepName,
      boolean includeHidden,
      Consumer<String> problems,
      Set<Path> skipped) {
    this.keepName = keepName;
    this.includeHidden = includeHidden;
    this.problems = problems;
    this.skipped = Set.copyOf(skipped);
  }

  /**
   * The same walker, not entering these folders (absolute, normalised): a library inside the folder
   * being organized is not walked again.
   */
  public FolderWalker skipping(Set<Path> folders) {
    return new FolderWalker(keepName, includeHidden, problems, folders);
  }

  /** Keeps files whose extension (lower case, no dot) is in {@code extensions}. */
  public static Predicate<String> extensions(Set<String> extensions) {
    return name -> {
      int dot = name.lastIndexOf('.');
      return dot > 0 && extensions.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    };
  }

  /** The files below {@code roots}, in walk order, read as the iterator advances. */
  public Iterator<WalkedFile> walk(List<Path> roots) {
    return new Walk(List.copyOf(roots));
  }

  /** One line for an I/O failure: what the file system said, without the exception's class. */
  public static String reason(IOException e) {
    String cls = e.getClass().getSimpleName();
    return switch (cls) {
      case "NoSuchFileException" -> "no such file or folder";
      case "AccessDeniedException" -> "permission denied";
      case "NotDirectoryException" -> "not a folder";
      case "FileSystemLoopException" -> "a link loop";
      default -> e.getMessage() == null ? cls : e.getMessage();
    };
  }

  private final class Walk implements Iterator<WalkedFile> {
    private final Iterator<Path> roots;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Set<Object> seenFolders = new HashSet<>();
    private WalkedFile next;

    Walk(List<Path> roots) {
      this.roots = roots.iterator();
    }

    /** One folder being walked: its sorted entries and how far the walk has got. */
    private record Frame(Path root, List<Path> entries, int[] at) {}

    @Override
    public boolean hasNext() {
      while (next == null) {
        if (!stack.isEmpty()) {
          Frame f = stack.peek();
          if (f.at[0] >= f.entries.size()) {
            stack.pop();
            continue;
          }
          visit(f.root, f.entries.get(f.at[0]++));
        } else if (roots.hasNext()) {
          startRoot(roots.next());
        } else {
          return false;
        }
      }
      return true;
    }

    @Override
    public WalkedFile next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      WalkedFile f = next;
      next = null;
      return f;
    }

    private void startRoot(Path root) {
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(root, BasicFileAttributes.class);
      } catch (IOException e) {
        problems.accept("cannot read " + root + ": " + reason(e));
        return;
      }
      if (a.isDirectory()) {
        enter(root, root, a);
      } else {
        next = file(root, root, a, true);
      }
    }

    private void visit(Path root, Path p) {
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(p, BasicFileAttributes.class);
      } catch (IOException e) {
        if (Files.isSymbolicLink(p)) {
          return; // a dangling link: nothing there to read
        }
        problems.accept("cannot read " + p + ": " + reason(e));
        return;
      }
      if (a.isDirectory()) {
        enter(root, p, a);
      } else if (a.isRegularFile() && keepName.test(p.getFileName().toString())) {
        next = file(p, root, a, false);
      }
    }

    private void enter(Path root, Path folder, BasicFileAttributes a) {
      if (!skipped.isEmpty() && skipped.contains(folder.toAbsolutePath().normalize())) {
        return;
      }
      Object key = a.fileKey();
      if (key != null && !seenFolders.add(key)) {
        return;
      }
      List<Path> entries = new ArrayList<>();
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
        for (Path p : ds) {
          if (includeHidden || !p.getFileName().toString().startsWith(".")) {
            entries.add(p);
          }
        }
      } catch (IOException e) {
        problems.accept("cannot read folder " + folder + ": " + reason(e));
        return;
      }
      entries.sort(null);
      stack.push(new Frame(root, entries, new int[1]));
    }

    private static WalkedFile file(Path p, Path root, BasicFileAttributes a, boolean named) {
      Instant modified = a.lastModifiedTime().toInstant();
      return new WalkedFile(
          p, root, a.isRegularFile() ? a.size() : 0, modified, named, a.fileKey());
    }
  }
}
