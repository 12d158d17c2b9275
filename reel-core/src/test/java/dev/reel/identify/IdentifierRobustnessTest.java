package dev.reel.identify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdentifierRobustnessTest {
  private final Identifier id = new Identifier(java.time.LocalDate.of(2026, 12, 1));

  @Test
  void oddInputsGiveAResultNeverAnException() {
    String longName = "A.".repeat(5_000) + "S01E01.mkv";
    List<String> odd =
        List.of(
            "",
            ".mkv",
            "mkv",
            "/",
            "\\\\",
            "C:\\Videos\\Show\\Season 1\\Show.S01E02.mkv",
            "/abs/path/Movie (2010)/Movie.mkv",
            "name\nwith\nnewlines.mkv",
            "ctrl\u0001\u0007.avi",
            "bad\uD800surrogate.mkv",
            "\uDC00",
            "[[[[(((({{{{",
            "-.-.-.-",
            longName,
            "S01E01",
            "1x01",
            "2024.01.01",
            "....mkv",
            "x264-",
            "-GROUP");
    for (String s : odd) {
      Identity i = id.identify(s);
      assertThat(i.input()).isEqualTo(s);
      assertThat(i.properties()).isNotNull();
    }
    assertThat(id.identify(".mkv").properties()).containsEntry("container", "mkv");
    assertThat(id.identify("C:\\Videos\\Show\\Season 1\\Show.S01E02.mkv").episodes())
        .containsExactly(2);
  }

  @Test
  void survives100000RandomAndMutatedNames() throws Exception {
    List<String> seeds =
        List.of(
            "The.Office.US.S02E03.720p.HDTV.x264-CTU.mkv",
            "[SubGroup] Show - 147 [1080p][ABCD1234].mkv",
            "Movies/Fear and Loathing in Las Vegas (1998)/Fear.and.Loathing.720p.HDDVD.DTS.x264-ESiR.mkv",
            "The.Daily.Show.2024.03.14.1080p.WEB.h264.mkv");
    String alphabet = "aeiouSsEe0123456789x.-_ ()[]{}/\\'&+,#@!\u00e9\u4e2d";
    SplittableRandom random = new SplittableRandom(42);
    long worstNanos = 0;
    for (int n = 0; n < 100_000; n++) {
      String name;
      if (n % 2 == 0) {
        int len = random.nextInt(0, 200);
        StringBuilder sb = new StringBuilder(len);
        for (int k = 0; k < len; k++) {
          sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        name = sb.toString();
      } else {
        StringBuilder sb = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
        for (int k = random.nextInt(1, 8); k > 0 && !sb.isEmpty(); k--) {
          int at = random.nextInt(sb.length());
          switch (random.nextInt(3)) {
            case 0 -> sb.deleteCharAt(at);
            case 1 -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
            default -> sb.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
          }
        }
        name = sb.toString();
      }
      long t = System.nanoTime();
      Identity i = id.identify(name);
      worstNanos = Math.max(worstNanos, System.nanoTime() - t);
      assertThat(i.input()).isEqualTo(name);
    }
    // Not a timing assertion: printed so that a catastrophic backtracking shows in the log.
    System.out.println("identify fuzz: worst single name " + worstNanos / 1000 + " us");
  }

  @Test
  void isSafeToShareBetweenThreads() throws Exception {
    List<String> names =
        List.of("The.Office.US.S02E03.720p.HDTV.x264-CTU.mkv", "Blade Runner 2049 (2017).mkv");
    List<Identity> expected = names.stream().map(id::identify).toList();
    Thread[] threads = new Thread[4];
    List<Throwable> errors = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    for (int t = 0; t < threads.length; t++) {
      threads[t] =
          new Thread(
              () -> {
                for (int k = 0; k < 5_000; k++) {
                  int j = k % names.size();
                  if (!id.identify(names.get(j)).equals(expected.get(j))) {
                    errors.add(new AssertionError("different result for " + names.get(j)));
                    return;
                  }
                }
              });
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(errors).isEmpty();
  }
}
