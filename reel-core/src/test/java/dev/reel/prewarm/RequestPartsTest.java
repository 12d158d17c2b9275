package dev.reel.prewarm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.http.HttpOutcome;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RequestPartsTest {
  @Test
  void cacheStatusReadsEveryCdnsHeader() {
    assertThat(CacheStatus.of(Map.of("cf-cache-status", "HIT"))).isEqualTo("hit");
    assertThat(CacheStatus.of(Map.of("cf-cache-status", "DYNAMIC"))).isEqualTo("dynamic");
    assertThat(CacheStatus.of(Map.of("x-cache", "Hit from cloudfront"))).isEqualTo("hit");
    assertThat(CacheStatus.of(Map.of("x-cache", "RefreshHit from cloudfront"))).isEqualTo("hit");
    assertThat(CacheStatus.of(Map.of("x-cache", "HIT, MISS"))).isEqualTo("miss");
    assertThat(CacheStatus.of(Map.of("x-cache-status", "EXPIRED"))).isEqualTo("expired");
    assertThat(CacheStatus.of(Map.of("age", "12"))).isEqualTo("hit");
    assertThat(CacheStatus.of(Map.of("age", "0"))).isEqualTo("miss");
    assertThat(CacheStatus.of(Map.of())).isEqualTo("none");
  }

  @Test
  void retryAfterTakesSecondsOrADate() {
    long now = 1_700_000_000_000L;
    assertThat(RetryPolicy.retryAfter("7", now)).isEqualTo(Duration.ofSeconds(7));
    assertThat(RetryPolicy.retryAfter("Tue, 14 Nov 2023 22:13:40 GMT", now))
        .isEqualTo(Duration.ofSeconds(20));
    assertThat(RetryPolicy.retryAfter("soon", now)).isNull();
  }

  @Test
  void backoffDoublesWithJitterAndCapsRetryAfter() {
    RetryPolicy p =
        new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(30));
    HttpOutcome err = new HttpOutcome.Response(502, 1, 1, 0, Map.of());
    Random r = new Random(1);
    for (int attempt = 1; attempt <= 6; attempt++) {
      long full = Math.min(1000, 100L << (attempt - 1));
      Duration d = p.delay(err, attempt, r, 0);
      assertThat(d.toMillis()).isBetween(full / 2, full);
    }
    HttpOutcome limited = new HttpOutcome.Response(429, 1, 1, 0, Map.of("retry-after", "3600"));
    assertThat(p.delay(limited, 1, r, 0)).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.retries(limited, 1)).isTrue();
    assertThat(p.retries(new HttpOutcome.Response(404, 1, 1, 0, Map.of()), 1)).isFalse();
    assertThat(p.retries(err, 6)).isFalse();
    assertThat(p.retries(new HttpOutcome.Failed(HttpOutcome.FailureKind.TLS, "bad cert", -1, 1), 1))
        .isFalse();
  }

  @Test
  void tokenBucketSpacesStarts() {
    TokenBucket b = new TokenBucket(100);
    assertThat(b.reserve(0)).isZero();
    assertThat(b.reserve(0)).isEqualTo(10_000_000L);
    assertThat(b.reserve(0)).isEqualTo(20_000_000L);
    assertThat(b.reserve(1_000_000_000L)).isZero(); // idle time does not build a burst
    assertThat(b.reserve(1_000_000_000L)).isEqualTo(10_000_000L);
    assertThat(new TokenBucket(0).reserve(5)).isZero();
  }

  @Test
  void longHashSetHoldsManyKeys() {
    LongHashSet s = new LongHashSet();
    for (long i = 0; i < 100_000; i++) {
      assertThat(s.add(ResumeState.key("v" + i, "desktop"))).isTrue();
    }
    assertThat(s.add(ResumeState.key("v5", "desktop"))).isFalse();
    assertThat(s.contains(ResumeState.key("v99999", "desktop"))).isTrue();
    assertThat(s.contains(ResumeState.key("v99999", "mobile"))).isFalse();
    assertThat(s.add(0)).isTrue();
    assertThat(s.contains(0)).isTrue();
    assertThat(s.size()).isEqualTo(100_001);
  }
}
