package dev.reel.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LookupsTest {
  @TempDir Path dir;

  @Test
  void answersLastTheirTimeAreSharedByStoresAndClearedOnRequest() {
    AtomicLong now = new AtomicLong(1_000_000);
    try (Store store = Store.open(dir, w -> {}).orElseThrow()) {
      Lookups l = new Lookups(store, now::get);
      assertThat(l.get("tmdb", "search/tv?query=heat")).isEmpty();
      l.put("tmdb", "search/tv?query=heat", new Lookups.Answer(true, "{\"id\":1}"), 1000);
      l.put("tmdb", "search/tv?query=nothing", new Lookups.Answer(false, ""), 100);
      assertThat(l.get("tmdb", "search/tv?query=heat"))
          .contains(new Lookups.Answer(true, "{\"id\":1}"));
      assertThat(l.get("ai", "search/tv?query=heat")).isEmpty(); // another service
      now.addAndGet(500); // the not-found answer has expired, the found one has not
      assertThat(l.get("tmdb", "search/tv?query=nothing")).isEmpty();
      assertThat(l.get("tmdb", "search/tv?query=heat")).isPresent();
      l.finishRun();
      assertThat(CacheRuns.read(store))
          .anySatisfy(
              r -> {
                assertThat(r.cache()).isEqualTo("lookup");
                assertThat(r.hits()).isEqualTo(2);
                assertThat(r.misses()).isEqualTo(3);
              });
      assertThat(store.counts().get("lookups")).isEqualTo(2);
    }
    try (Store again = Store.open(dir, w -> {}).orElseThrow()) {
      Lookups l = new Lookups(again, now::get);
      assertThat(l.get("tmdb", "search/tv?query=heat")).isPresent(); // another run reads it
      again.clear(List.of("lookups"));
      assertThat(l.get("tmdb", "search/tv?query=heat")).isEmpty();
    }
  }
}
