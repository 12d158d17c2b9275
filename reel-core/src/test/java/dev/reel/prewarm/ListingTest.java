package dev.reel.prewarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListingTest {
  @TempDir Path tmp;

  /** Collects a listing. */
  static final class Collected implements ObjectSink {
    final List<ListedObject> objects = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    @Override
    public boolean accept(ListedObject o) {
      objects.add(o);
      return true;
    }

    @Override
    public void problem(String message) {
      problems.add(message);
    }

    List<String> paths() {
      return objects.stream().map(ListedObject::path).toList();
    }
  }

  static Collected list(ObjectSource s) throws IOException {
    Collected c = new Collected();
    s.list(c);
    return c;
  }

  private Path file(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void plainListsTakePathsAndUrls() throws IOException {
    Path f =
        file(
            "l.txt",
            "# comment\n/videos/a.mp4\n\nhttps://cdn.example.com:8443/x/b%20c.mp4\nhttp://cdn.example.com/\nhttp://\n");
    Collected c = list(Listings.listFile(f.toString(), null));
    assertThat(c.objects)
        .containsExactly(
            new ListedObject("videos/a.mp4", -1),
            new ListedObject("x/b c.mp4", -1, "https://cdn.example.com:8443"));
    assertThat(c.problems)
        .containsExactly(
            f + ":5: URL has no host or no object path: http://cdn.example.com/",
            f + ":6: not a valid URL: Expected authority at index 7: http://");
  }

  @Test
  void csvWithHeaderAndQuotesAndBadLines() throws IOException {
    Path f =
        file(
            "l.csv",
            "size,path,etag\n10,a.mp4,x\n\"20\",\"b, the sequel.mp4\",y\n-5,c.mp4,z\nabc,d.mp4,w\n,e.mp4,v\n30\n");
    Collected c = list(Listings.listFile(f.toString(), null));
    assertThat(c.objects)
        .containsExactly(
            new ListedObject("a.mp4", 10),
            new ListedObject("b, the sequel.mp4", 20),
            new ListedObject("e.mp4", -1));
    assertThat(c.problems)
        .containsExactly(
            f + ":4: negative size -5",
            f + ":5: size 'abc' is not a whole number of bytes",
            f + ":7: no path in column 2");
  }

  @Test
  void jsonLinesTakePathOrKeyAndSize() throws IOException {
    Path f =
        file(
            "l.jsonl",
            "{\"path\":\"a.mp4\",\"size\":10}\n{\"Key\":\"b.mp4\",\"Size\":\"20\"}\n{\"size\":1}\n{oops\n[1]\n");
    Collected c = list(Listings.listFile(f.toString(), null));
    assertThat(c.objects)
        .containsExactly(new ListedObject("a.mp4", 10), new ListedObject("b.mp4", 20));
    assertThat(c.problems).hasSize(3);
    assertThat(c.problems.get(0)).isEqualTo(f + ":3: no \"path\" or \"key\" string");
    assertThat(c.problems.get(1)).startsWith(f + ":4: not valid JSON");
    assertThat(c.problems.get(2)).isEqualTo(f + ":5: not a JSON object");
  }

  @Test
  void stdinIsReadForDash() throws IOException {
    var in = new ByteArrayInputStream("a.mp4\nb.mp4\n".getBytes(StandardCharsets.UTF_8));
    assertThat(list(Listings.listFile("-", in)).paths()).containsExactly("a.mp4", "b.mp4");
  }

  @Test
  void missingSourcesSaySo() {
    assertThatThrownBy(() -> list(Listings.listFile(tmp.resolve("none.txt").toString(), null)))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("no such list file");
    assertThatThrownBy(() -> list(Listings.folder(tmp.resolve("nowhere"))))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("no such folder");
  }

  @Test
  void foldersListSortedRelativePathsWithSizesSkippingHidden() throws IOException {
    Files.createDirectories(tmp.resolve("v/b"));
    Files.write(tmp.resolve("v/b/2.mp4"), new byte[20]);
    Files.write(tmp.resolve("v/1.mp4"), new byte[10]);
    Files.write(tmp.resolve("v/.hidden.mp4"), new byte[1]);
    Files.write(tmp.resolve("v/a file.mkv"), new byte[30]);
    Collected c = list(Listings.folder(tmp.resolve("v")));
    assertThat(c.objects)
        .containsExactly(
            new ListedObject("1.mp4", 10),
            new ListedObject("a file.mkv", 30),
            new ListedObject("b/2.mp4", 20));
  }

  @Test
  void filtersLimitAndLargestFirst() throws IOException {
    ObjectSource src =
        RequestBuilder.objects(
            new ListedObject("a/x.MP4", 10),
            new ListedObject("a/y.mkv", 500),
            new ListedObject("b/z.mp4", 300),
            new ListedObject("b/skip.mp4", 200),
            new ListedObject("c/w.mp4", -1),
            new ListedObject("c/v.mov", 100));
    ObjectFilter mp4 =
        new ObjectFilter(List.of(".mp4", "mkv"), -1, -1, List.of(), List.of("skip*"));
    assertThat(list(Listings.select(src, mp4, -1, false)).paths())
        .containsExactly("a/x.MP4", "a/y.mkv", "b/z.mp4", "c/w.mp4");
    assertThat(list(Listings.select(src, mp4, 2, false)).paths())
        .containsExactly("a/x.MP4", "a/y.mkv");
    assertThat(list(Listings.select(src, mp4, -1, true)).paths())
        .containsExactly("a/y.mkv", "b/z.mp4", "a/x.MP4", "c/w.mp4");
    assertThat(list(Listings.select(src, mp4, 2, true)).paths())
        .containsExactly("a/y.mkv", "b/z.mp4");
    ObjectFilter sized = new ObjectFilter(List.of(), 100, 300, List.of("b/*"), List.of());
    assertThat(list(Listings.select(src, sized, -1, false)).paths())
        .containsExactly("b/z.mp4", "b/skip.mp4");
    assertThatThrownBy(() -> new ObjectFilter(List.of(), 10, 5, List.of(), List.of()))
        .hasMessageContaining("--min-size (10) is above --max-size (5)");
  }

  @Test
  void prefixGoesBeforeEveryPath() throws IOException {
    ObjectSource src = RequestBuilder.objects(new ListedObject("x.mp4", 1));
    assertThat(list(Listings.prefixed(src, "2024")).paths()).containsExactly("2024/x.mp4");
  }

  @Test
  void listingReportCountsCategoriesAndLargest() {
    ListingReport r = new ListingReport(2);
    r.add(new ListedObject("a", 10));
    r.add(new ListedObject("b", 60L << 20));
    r.add(new ListedObject("c", 300L << 20));
    r.add(new ListedObject("d", -1));
    assertThat(r.objects()).isEqualTo(4);
    assertThat(r.category(SizeCategory.MEDIUM)).containsExactly(1, 60L << 20);
    assertThat(r.largest().stream().map(ListedObject::path)).containsExactly("c", "b");
    assertThat(r.text()).contains("unknown", "largest:");
  }
}
