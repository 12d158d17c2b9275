package dev.reel.prewarm;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the regular files under a folder, depth first, in name order within each folder, skipping
 * hidden entries. Only one folder's names are in memory at a time per level.
 */
final class DirectoryListing implements ObjectSource {
  private final Path root;

  DirectoryListing(Path root) {
    this.root = root;
  }

  @Override
  public void list(ObjectSink sink) throws IOException {
    if (!Files.exists(root)) {
      throw new NoSuchFileException(root.toString(), null, "no such folder");
    }
    if (!Files.isDirectory(root)) {
      throw new IOException("not a folder: " + root);
    }
    walk(root, sink);
  }

  private boolean walk(Path dir, ObjectSink sink) {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        if (!p.getFileName().toString().startsWith(".")) {
          entries.add(p);
        }
      }
    } catch (IOException e) {
      sink.problem("cannot read folder " + dir + ": " + e.getMessage());
      return true;
    }
    entries.sort(null);
    for (Path p : entries) {
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink()) {
          a = Files.readAttributes(p, BasicFileAttributes.class);
          if (a.isDirectory()) {
            continue; // links to folders are not followed: no loops
          }
        }
      } catch (IOException e) {
        sink.problem("cannot read " + p + ": " + e.getMessage());
        continue;
      }
      if (a.isDirectory()) {
        if (!walk(p, sink)) {
          return false;
        }
      } else if (a.isRegularFile()) {
        String rel = root.relativize(p).toString().replace(java.io.File.separatorChar, '/');
        if (!sink.accept(new ListedObject(rel, a.size()))) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public String describe() {
    return "folder " + root;
  }
}
