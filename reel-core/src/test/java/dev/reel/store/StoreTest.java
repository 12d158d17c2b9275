package dev.reel.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
  @TempDir Path dir;
  private final List<String> warnings = new ArrayList<>();

  @Test
  void aNewStoreHasTheLatestSchemaInWalMode() throws Exception {
    try (Store s = Store.open(dir, warnings::add).orElseThrow()) {
      assertThat(s.counts()).containsEntry("probe_results", 0L);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + Store.fileIn(dir));
        Statement st = c.createStatement()) {
      assertThat(one(st, "PRAGMA user_version")).isEqualTo(String.valueOf(Migrations.latest()));
      assertThat(one(st, "PRAGMA journal_mode")).isEqualTo("wal");
    }
    assertThat(warnings).isEmpty();
  }

  @Test
  void resultsSurviveReopeningAndAChangedFileIsAMiss() {
    Instant t = Instant.parse("2026-01-02T03:04:05.123456789Z");
    try (Store s = Store.open(dir, warnings::add).orElseThrow()) {
      ProbeResults r = new ProbeResults(s);
      r.put(new ProbeResults.Row("/v/a.mkv", "header", 100, t, "{\"a\":1}"));
      r.flush();
    }
    try (Store s = Store.open(dir, warnings::add).orElseThrow()) {
      ProbeResults r = new ProbeResults(s);
      assertThat(r.lookup("/v/a.mkv", "header", 100, t)).contains("{\"a\":1}");
      assertThat(r.lookup("/v/a.mkv", "deep", 100, t)).isEmpty();
      assertThat(r.lookup("/v/a.mkv", "header", 101, t)).isEmpty();
      assertThat(r.lookup("/v/a.mkv", "header", 100, t.plusNanos(1))).isEmpty();
      r.flush();
      assertThat(CacheRuns.read(s))
          .singleElement()
          .satisfies(
              run -> {
                assertThat(run.hits()).isEqualTo(1);
                assertThat(run.misses()).isEqualTo(3);
              });
      s.clear(List.of("probe_results"));
      assertThat(s.counts()).containsEntry("probe_results", 0L);
    }
  }

  @Test
  void aCorruptFileIsReportedInOneLineAndLeftAlone() throws Exception {
    Path file = Store.fileIn(dir);
    byte[] junk = "this is not a database, just some bytes.".repeat(200).getBytes();
    Files.write(file, junk);
    Optional<Store> s = Store.open(dir, warnings::add);
    assertThat(s).isEmpty();
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains(file.toString())
        .contains("corrupt or not a database")
        .contains("running without it")
        .doesNotContain("\n");
    assertThat(Files.readAllBytes(file)).isEqualTo(junk);
  }

  @Test
  void aStoreFromANewerReelIsNotTouched() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + Store.fileIn(dir));
        Statement st = c.createStatement()) {
      st.executeUpdate("PRAGMA user_version = 99");
    }
    assertThat(Store.open(dir, warnings::add)).isEmpty();
    assertThat(warnings).singleElement().asString().contains("schema 99, newer than this reel's");
  }

  @Test
  void aFolderThatCannotBeMadeIsAWarning() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("file"), "x");
    assertThat(Store.open(notAFolder.resolve("cache"), warnings::add)).isEmpty();
    assertThat(warnings).singleElement().asString().contains("cannot create the cache folder");
  }

  @Test
  void twoStoresOnOneFileWriteAtTheSameTime() throws Exception {
    Instant t = Instant.EPOCH;
    try (Store a = Store.open(dir, warnings::add).orElseThrow();
        Store b = Store.open(dir, warnings::add).orElseThrow()) {
      CountDownLatch go = new CountDownLatch(1);
      List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
      List<Thread> threads = new ArrayList<>();
      for (Store s : List.of(a, b)) {
        String prefix = s == a ? "/a/" : "/b/";
        threads.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      try {
                        go.await();
                        ProbeResults r = new ProbeResults(s);
                        for (int i = 0; i < 3_000; i++) {
                          r.put(new ProbeResults.Row(prefix + i, "header", i, t, "{}"));
                        }
                        r.flush();
                      } catch (Throwable e) {
                        errors.add(e);
                      }
                    }));
      }
      go.countDown();
      for (Thread th : threads) {
        th.join();
      }
      assertThat(errors).isEmpty();
      assertThat(a.counts()).containsEntry("probe_results", 6_000L);
    }
  }

  private static String one(Statement st, String sql) throws Exception {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
