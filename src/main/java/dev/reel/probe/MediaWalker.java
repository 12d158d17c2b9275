package dev.reel.probe;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Lists the media files below some paths, in a stable order (names sorted within each folder).
 *
 * <p>A file named directly is always kept, whatever its extension; files found by walking a folder
 * are kept by extension. Hidden entries (names starting with a dot) are skipped unless asked for.
 * Symbolic links are followed, and a folder reached twice (a link loop) is walked once. A folder
 * that cannot be read is reported to {@code warnings} and skipped.
 */
final class MediaWalker {
  private final Set<String> extensions;
  private final boolean includeHidden;
  private final Consumer<String> warnings;

  MediaWalker(Set<String> extensions, boolean includeHidden, Consumer<String> warnings) {
    this.extensions = extensions;
    this.includeHidden = includeHidden;
    this.warnings = warnings;
  }

  List<Path> walk(List<Path> roots) {
    List<Path> out = new ArrayList<>();
    Set<Object> seenFolders = new HashSet<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        walkFolder(root, out, seenFolders);
      } else {
        out.add(root);
      }
    }
    return out;
  }

  private void walkFolder(Path folder, List<Path> out, Set<Object> seen) {
    Object key;
    try {
      key =
          Files.readAttributes(folder, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    } catch (IOException e) {
      warnings.accept("cannot read folder " + folder + ": " + reason(e));
      return;
    }
    if (key != null && !seen.add(key)) {
      return; // a link loop or a folder linked twice
    }
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
      for (Path p : ds) {
        entries.add(p);
      }
    } catch (IOException e) {
      warnings.accept("cannot read folder " + folder + ": " + reason(e));
      return;
    }
    entries.sort(null);
    for (Path p : entries) {
      String name = p.getFileName().toString();
      if (!includeHidden && name.startsWith(".")) {
        continue;
      }
      if (Files.isDirectory(p)) {
        walkFolder(p, out, seen);
      } else if (hasMediaExtension(name)) {
        out.add(p);
      }
    }
  }

  private boolean hasMediaExtension(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 && extensions.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  static String reason(IOException e) {
    String cls = e.getClass().getSimpleName();
    return switch (cls) {
      case "NoSuchFileException" -> "no such file or folder";
      case "AccessDeniedException" -> "permission denied";
      case "NotDirectoryException" -> "not a folder";
      default -> e.getMessage() == null ? cls : e.getMessage();
    };
  }
}
