package dev.reel.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The probe cache's table: a result (opaque text, written by the probe job) per (path, depth),
 * valid while the file's size and modification time are what they were when it was probed.
 *
 * <p>Lookups run on any thread; new results are buffered and written in one transaction per {@value
 * #BATCH} rows and at {@link #flush()}, so a run of 100,000 files costs 100 commits, not 100,000.
 */
public final class ProbeResults {
  static final int BATCH = 1_000;
  private final Store store;
  private final PreparedStatement select;
  private final PreparedStatement upsert;
  private final List<Row> pending = new ArrayList<>();
  private long hits;
  private long misses;
  // rows read ahead for the folders a run walks: path -> row; lookups below those folders use it
  private final java.util.Map<String, Cached> ahead = new java.util.HashMap<>();
  private final List<String> aheadPrefixes = new ArrayList<>();

  private record Cached(long sizeBytes, long modifiedNanos, String result) {}

  /** At most this many rows are read ahead; a bigger tree is looked up row by row. */
  static final int READ_AHEAD_MAX = 250_000;

  /** A result to remember. */
  public record Row(String path, String depth, long sizeBytes, Instant modified, String result) {}

  public ProbeResults(Store store) {
    this.store = store;
    store.lock().lock();
    try {
      Connection c = store.connection();
      this.select =
          c.prepareStatement(
              "SELECT size_bytes, modified_nanos, result FROM probe_results"
                  + " WHERE path = ? AND depth = ?");
      this.upsert =
          c.prepareStatement(
              "INSERT OR REPLACE INTO probe_results"
                  + " (path, depth, size_bytes, modified_nanos, result, probed_at_millis)"
                  + " VALUES (?, ?, ?, ?, ?, ?)");
    } catch (SQLException e) {
      throw new StoreFailedException("cannot read the probe cache", e);
    } finally {
      store.lock().unlock();
    }
  }

  /**
   * Reads the rows of one depth below these folders in one query, so that the lookups of a walk
   * over them need no query each. Folders with more than {@value #READ_AHEAD_MAX} rows together are
   * not read ahead.
   */
  public void readAhead(String depth, List<String> folders) {
    store.lock().lock();
    try (PreparedStatement count =
            store
                .connection()
                .prepareStatement(
                    "SELECT count(*) FROM probe_results WHERE depth = ? AND path >= ? AND path < ?");
        PreparedStatement rows =
            store
                .connection()
                .prepareStatement(
                    "SELECT path, size_bytes, modified_nanos, result FROM probe_results"
                        + " WHERE depth = ? AND path >= ? AND path < ?")) {
      long n = 0;
      List<String> prefixes = new ArrayList<>();
      for (String f : folders) {
        String prefix = f.endsWith("/") ? f : f + "/";
        count.setString(1, depth);
        count.setString(2, prefix);
        count.setString(3, upperBound(prefix));
        try (ResultSet rs = count.executeQuery()) {
          n += rs.next() ? rs.getLong(1) : 0;
        }
        prefixes.add(prefix);
      }
      if (n > READ_AHEAD_MAX) {
        return;
      }
      for (String prefix : prefixes) {
        rows.setString(1, depth);
        rows.setString(2, prefix);
        rows.setString(3, upperBound(prefix));
        try (ResultSet rs = rows.executeQuery()) {
          while (rs.next()) {
            ahead.put(rs.getString(1), new Cached(rs.getLong(2), rs.getLong(3), rs.getString(4)));
          }
        }
        aheadPrefixes.add(prefix);
      }
    } catch (SQLException e) {
      throw new StoreFailedException("cannot read the probe cache", e);
    } finally {
      store.lock().unlock();
    }
  }

  /** The smallest string greater than every string starting with {@code prefix}. */
  static String upperBound(String prefix) {
    char last = prefix.charAt(prefix.length() - 1);
    return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
  }

  private boolean readAheadCovers(String path) {
    for (String p : aheadPrefixes) {
      if (path.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /** The result remembered for this file as it is now, if any. */
  public Optional<String> lookup(String path, String depth, long sizeBytes, Instant modified) {
    store.lock().lock();
    try {
      if (!aheadPrefixes.isEmpty() && readAheadCovers(path)) {
        Cached c = ahead.remove(path);
        if (c != null && c.sizeBytes == sizeBytes && c.modifiedNanos == nanos(modified)) {
          hits++;
          return Optional.of(c.result);
        }
        misses++;
        return Optional.empty();
      }
      select.setString(1, path);
      select.setString(2, depth);
      try (ResultSet rs = select.executeQuery()) {
        if (rs.next() && rs.getLong(1) == sizeBytes && rs.getLong(2) == nanos(modified)) {
          hits++;
          return Optional.of(rs.getString(3));
        }
      }
      misses++;
      return Optional.empty();
    } catch (SQLException e) {
      throw new StoreFailedException("cannot read the probe cache", e);
    } finally {
      store.lock().unlock();
    }
  }

  /** Remembers a result; written with the next batch. */
  public void put(Row row) {
    store.lock().lock();
    try {
      pending.add(row);
      if (pending.size() >= BATCH) {
        writePending();
      }
    } finally {
      store.lock().unlock();
    }
  }

  /** Writes what is pending and records this run's hit rate. */
  public void flush() {
    store.lock().lock();
    try {
      writePending();
      try (PreparedStatement s =
          store
              .connection()
              .prepareStatement(
                  "INSERT OR REPLACE INTO cache_runs (cache, hits, misses, finished_at_millis)"
                      + " VALUES ('probe', ?, ?, ?)")) {
        s.setLong(1, hits);
        s.setLong(2, misses);
        s.setLong(3, System.currentTimeMillis());
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new StoreFailedException("cannot write the probe cache", e);
    } finally {
      store.lock().unlock();
    }
  }

  private void writePending() {
    if (pending.isEmpty()) {
      return;
    }
    Connection c = store.connection();
    try {
      c.setAutoCommit(false);
      long now = System.currentTimeMillis();
      for (Row r : pending) {
        upsert.setString(1, r.path());
        upsert.setString(2, r.depth());
        upsert.setLong(3, r.sizeBytes());
        upsert.setLong(4, nanos(r.modified()));
        upsert.setString(5, r.result());
        upsert.setLong(6, now);
        upsert.addBatch();
      }
      upsert.executeBatch();
      c.commit();
      pending.clear();
    } catch (SQLException e) {
      pending.clear();
      try {
        c.rollback();
      } catch (SQLException ignored) {
        // the first error is the one reported
      }
      throw new StoreFailedException("cannot write the probe cache", e);
    } finally {
      try {
        c.setAutoCommit(true);
      } catch (SQLException e) {
        // the connection is gone; the next use reports it
      }
    }
  }

  /** Files that moved keep their results under their new paths (every depth). */
  public void renamed(List<String[]> fromTo) {
    store.lock().lock();
    try {
      writePending();
      Connection c = store.connection();
      c.setAutoCommit(false);
      try (PreparedStatement s =
          c.prepareStatement("UPDATE OR REPLACE probe_results SET path = ? WHERE path = ?")) {
        for (String[] p : fromTo) {
          s.setString(1, p[1]);
          s.setString(2, p[0]);
          s.addBatch();
        }
        s.executeBatch();
        c.commit();
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreFailedException("cannot write the probe cache", e);
    } finally {
      store.lock().unlock();
    }
  }

  public long hits() {
    return hits;
  }

  public long misses() {
    return misses;
  }

  static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
