package dev.reel.prewarm;

import dev.reel.walk.FolderWalker;
import dev.reel.walk.WalkedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * Lists the regular files under a folder through the shared {@link FolderWalker}: depth first, in
 * name order, hidden entries skipped, link loops walked once, unreadable folders reported.
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
    Iterator<WalkedFile> files =
        new FolderWalker(name -> true, false, sink::problem).walk(List.of(root));
    while (files.hasNext()) {
      WalkedFile f = files.next();
      if (!sink.accept(new ListedObject(f.relative(), f.sizeBytes()))) {
        return;
      }
    }
  }

  @Override
  public String describe() {
    return "folder " + root;
  }
}
