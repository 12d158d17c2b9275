package dev.reel.prewarm;

import dev.reel.stats.LatencyHistogram;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts and latency histograms of one (derivative, size category) cell. Latencies are of
 * successful requests only; failures are counted by class. Guarded by {@link PrewarmStats}.
 */
final class CellStats {
  final LatencyHistogram ttfb = new LatencyHistogram();
  final LatencyHistogram total = new LatencyHistogram();
  long requests;
  long ok;
  long retries;
  long bodyBytes;

  /** Sums over successful requests where both the original and the derivative size are known. */
  long comparedOriginalBytes;

  long comparedDerivativeBytes;
  long verified;
  long verifiedHits;
  final Map<ErrorClass, Long> errors = new EnumMap<>(ErrorClass.class);

  /** Counts by HTTP status (100-599), indexed by the status. */
  final long[] statuses = new long[600];

  final Map<String, Long> cache = new HashMap<>();

  void record(RequestResult r) {
    requests++;
    retries += Math.max(0, r.attempts() - 1);
    bodyBytes += r.bodyBytes();
    if (r.status() > 0 && r.status() < statuses.length) {
      statuses[r.status()]++;
    }
    if (!r.ok()) {
      errors.merge(r.error(), 1L, Long::sum);
      return;
    }
    ok++;
    if (r.ttfbMicros() >= 0) {
      ttfb.recordMicros(r.ttfbMicros());
    }
    total.recordMicros(r.totalMicros());
    cache.merge(r.cache(), 1L, Long::sum);
    if (r.sizeBytes() > 0 && r.derivativeBytes() >= 0) {
      comparedOriginalBytes += r.sizeBytes();
      comparedDerivativeBytes += r.derivativeBytes();
    }
    if (r.verifyCache() != null) {
      verified++;
      if (r.verifyCache().equals("hit")) {
        verifiedHits++;
      }
    }
  }

  void add(CellStats o) {
    ttfb.add(o.ttfb);
    total.add(o.total);
    requests += o.requests;
    ok += o.ok;
    retries += o.retries;
    bodyBytes += o.bodyBytes;
    comparedOriginalBytes += o.comparedOriginalBytes;
    comparedDerivativeBytes += o.comparedDerivativeBytes;
    verified += o.verified;
    verifiedHits += o.verifiedHits;
    o.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
    for (int i = 0; i < statuses.length; i++) {
      statuses[i] += o.statuses[i];
    }
    o.cache.forEach((k, v) -> cache.merge(k, v, Long::sum));
  }

  /** Counts by status, in status order. */
  Map<Integer, Long> statusCounts() {
    Map<Integer, Long> m = new TreeMap<>();
    for (int i = 0; i < statuses.length; i++) {
      if (statuses[i] > 0) {
        m.put(i, statuses[i]);
      }
    }
    return m;
  }

  /** Percent smaller than the originals, or NaN when no sizes could be compared. */
  double reductionPercent() {
    if (comparedOriginalBytes == 0) {
      return Double.NaN;
    }
    return 100.0 * (1.0 - (double) comparedDerivativeBytes / comparedOriginalBytes);
  }
}
