package dev.reel.prewarm;

import dev.reel.stats.LatencyHistogram;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The byte form of {@link PrewarmStats}: a version, then per cell its derivative, size category,
 * counts, errors, statuses, cache labels and two compressed histograms; then the overall histogram
 * and counts. Statuses are written sparsely (most of the 600 slots are zero).
 */
final class StatsCodec {
  private static final int VERSION = 1;

  private StatsCodec() {}

  interface CellSink {
    void cell(String derivative, SizeCategory category, CellStats stats);
  }

  interface TotalSink {
    void total(LatencyHistogram overall, long done, long failed);
  }

  static byte[] encode(
      List<PrewarmStats.Cell> cells, LatencyHistogram overall, long done, long failed) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(16_384);
    try (DataOutputStream out = new DataOutputStream(buf)) {
      out.writeInt(VERSION);
      out.writeInt(cells.size());
      for (PrewarmStats.Cell c : cells) {
        out.writeUTF(c.derivative());
        out.writeUTF(c.category().label());
        write(out, c.stats());
      }
      histogram(out, overall);
      out.writeLong(done);
      out.writeLong(failed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buf.toByteArray();
  }

  static void decode(byte[] bytes, CellSink cells, TotalSink totals) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int version = in.readInt();
      if (version != VERSION) {
        throw new IllegalArgumentException(
            "statistics of encoding " + version + ", this reel reads " + VERSION);
      }
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        String derivative = in.readUTF();
        SizeCategory category = SizeCategory.fromLabel(in.readUTF());
        cells.cell(derivative, category, read(in));
      }
      LatencyHistogram overall = histogram(in);
      totals.total(overall, in.readLong(), in.readLong());
    } catch (IOException e) {
      throw new IllegalArgumentException("not encoded prewarm statistics: " + e.getMessage(), e);
    }
  }

  private static void write(DataOutputStream out, CellStats s) throws IOException {
    histogram(out, s.ttfb);
    histogram(out, s.total);
    for (long v :
        new long[] {
          s.requests,
          s.ok,
          s.retries,
          s.bodyBytes,
          s.comparedOriginalBytes,
          s.comparedDerivativeBytes,
          s.verified,
          s.verifiedHits
        }) {
      out.writeLong(v);
    }
    out.writeInt(s.errors.size());
    for (Map.Entry<ErrorClass, Long> e : s.errors.entrySet()) {
      out.writeUTF(e.getKey().name());
      out.writeLong(e.getValue());
    }
    int statuses = 0;
    for (long c : s.statuses) {
      statuses += c > 0 ? 1 : 0;
    }
    out.writeInt(statuses);
    for (int i = 0; i < s.statuses.length; i++) {
      if (s.statuses[i] > 0) {
        out.writeShort(i);
        out.writeLong(s.statuses[i]);
      }
    }
    out.writeInt(s.cache.size());
    for (Map.Entry<String, Long> e : s.cache.entrySet()) {
      out.writeBoolean(e.getKey() != null);
      if (e.getKey() != null) {
        out.writeUTF(e.getKey());
      }
      out.writeLong(e.getValue());
    }
  }

  private static CellStats read(DataInputStream in) throws IOException {
    CellStats s = new CellStats();
    s.ttfb.add(histogram(in));
    s.total.add(histogram(in));
    s.requests = in.readLong();
    s.ok = in.readLong();
    s.retries = in.readLong();
    s.bodyBytes = in.readLong();
    s.comparedOriginalBytes = in.readLong();
    s.comparedDerivativeBytes = in.readLong();
    s.verified = in.readLong();
    s.verifiedHits = in.readLong();
    for (int i = in.readInt(); i > 0; i--) {
      s.errors.put(ErrorClass.valueOf(in.readUTF()), in.readLong());
    }
    for (int i = in.readInt(); i > 0; i--) {
      s.statuses[in.readShort()] = in.readLong();
    }
    for (int i = in.readInt(); i > 0; i--) {
      s.cache.put(in.readBoolean() ? in.readUTF() : null, in.readLong());
    }
    return s;
  }

  private static void histogram(DataOutputStream out, LatencyHistogram h) throws IOException {
    byte[] b = h.encode();
    out.writeInt(b.length);
    out.write(b);
  }

  private static LatencyHistogram histogram(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return LatencyHistogram.decode(b);
  }
}
