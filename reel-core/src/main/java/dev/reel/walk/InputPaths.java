package dev.reel.walk;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Turns command-line inputs into files, in the order given: a file as it is, a folder walked (by
 * the {@link FolderWalker}) for the names it keeps, and a glob ({@code "vods/*.mkv"}, {@code
 * "clips/**.mp4"}, quoted so the shell leaves it) matched below the folder it starts with. A
 * missing path or a glob that matches nothing is an {@code IllegalArgumentException} naming it.
 */
public final class InputPaths {
  private InputPaths() {}

  public static List<Path> expand(
      List<String> args, Predicate<String> keepName, Consumer<String> problems) {
    List<Path> files = new ArrayList<>();
    FolderWalker walker = new FolderWalker(keepName, false, problems);
    for (String a : args) {
      Path p = Path.of(a);
      if (Files.isRegularFile(p)) {
        files.add(p);
      } else if (Files.isDirectory(p)) {
        walker.walk(List.of(p)).forEachRemaining(f -> files.add(f.path()));
      } else if (a.contains("*") || a.contains("?") || a.contains("[")) {
        int cut = 0;
        for (int i = 0; i < a.length(); i++) {
          char c = a.charAt(i);
          if (c == '*' || c == '?' || c == '[') {
            break;
          }
          if (c == '/') {
            cut = i + 1;
          }
        }
        Path base = cut == 0 ? Path.of(".") : Path.of(a.substring(0, cut));
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + a.substring(cut));
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(base)) {
          Iterator<WalkedFile> all =
              new FolderWalker(name -> true, false, problems).walk(List.of(base));
          all.forEachRemaining(
              f -> {
                if (m.matches(base.relativize(f.path()))) {
                  found.add(f.path());
                }
              });
        }
        if (found.isEmpty()) {
          throw new IllegalArgumentException("no file matches " + a);
        }
        files.addAll(found);
      } else {
        throw new IllegalArgumentException("no such file or folder: " + a);
      }
    }
    return files;
  }
}
