package dev.reel.walk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWalkerTest {
  @TempDir Path dir;
  private final List<String> problems = new ArrayList<>();

  @Test
  void walksDepthFirstInNameOrderSkippingHiddenAndOtherExtensions() throws Exception {
    touch("b/2.mkv");
    touch("b/1.mp4");
    touch("a.mkv");
    touch("c.txt");
    touch(".hidden/x.mkv");
    touch("b/.y.mkv");
    assertThat(relative(walker(false), List.of(dir)))
        .containsExactly("a.mkv", "b/1.mp4", "b/2.mkv");
    assertThat(relative(walker(true), List.of(dir)))
        .containsExactly(".hidden/x.mkv", "a.mkv", "b/.y.mkv", "b/1.mp4", "b/2.mkv");
    assertThat(problems).isEmpty();
  }

  @Test
  void followsLinksButWalksALoopOnce() throws Exception {
    touch("lib/show/e1.mkv");
    Files.createSymbolicLink(dir.resolve("lib/show/again"), dir.resolve("lib"));
    Files.createSymbolicLink(dir.resolve("lib/link.mkv"), dir.resolve("lib/show/e1.mkv"));
    Files.createSymbolicLink(dir.resolve("lib/dangling.mkv"), dir.resolve("nowhere.mkv"));
    assertThat(relative(walker(false), List.of(dir.resolve("lib"))))
        .containsExactly("link.mkv", "show/e1.mkv");
    assertThat(problems).isEmpty();
  }

  @Test
  void aFileNamedDirectlyIsKeptAndAMissingRootIsOneProblem() throws Exception {
    Path notes = touch("notes.txt");
    List<WalkedFile> files = new ArrayList<>();
    walker(false).walk(List.of(notes, dir.resolve("gone"))).forEachRemaining(files::add);
    assertThat(files).singleElement().satisfies(f -> assertThat(f.named()).isTrue());
    assertThat(files.get(0).sizeBytes()).isEqualTo(1);
    assertThat(problems)
        .containsExactly("cannot read " + dir.resolve("gone") + ": no such file or folder");
  }

  @Test
  void isLazy() throws Exception {
    touch("a/1.mkv");
    touch("b/2.mkv");
    Iterator<WalkedFile> it = walker(false).walk(List.of(dir));
    assertThat(it.next().relative()).isEqualTo("a/1.mkv");
    Files.delete(dir.resolve("b/2.mkv"));
    touch("b/3.mkv"); // folder b is read only now, after the first file was taken
    assertThat(it.next().relative()).isEqualTo("b/3.mkv");
    assertThat(it.hasNext()).isFalse();
  }

  private FolderWalker walker(boolean hidden) {
    return new FolderWalker(FolderWalker.extensions(Set.of("mkv", "mp4")), hidden, problems::add);
  }

  private static List<String> relative(FolderWalker w, List<Path> roots) {
    List<String> out = new ArrayList<>();
    w.walk(roots).forEachRemaining(f -> out.add(f.relative()));
    return out;
  }

  private Path touch(String rel) throws Exception {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, "x");
  }
}
