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
   * over them need no query each (not when there are more than {@link FolderReadAhead#MAX_ROWS}).
   */
  public void readAhead(String depth, List<String> folders) {
    store.lock().lock();
    try {
      aheadPrefixes.addAll(
          FolderReadAhead.read(
              store,
              "probe_results",
              "path, size_bytes, modified_nanos, result",
              "depth = ?",
              depth,
              folders,
              rs ->
                  ahead.put(
                      rs.getString(1), new Cached(rs.getLong(2), rs.getLong(3), rs.getString(4)))));
    } catch (SQLException e) {
      throw new StoreFailedException("cannot read the probe cache", e);
    } finally {
      store.lock().unlock();
    }
  }

  /** The result remembered for this file as it is now, if any. */
  public Optional<String> lookup(String path, String depth, long sizeBytes, Instant modified) {
    store.lock().lock();
    try {
      if (!aheadPrefixes.isEmpty() && FolderReadAhead.covers(aheadPrefixes, path)) {
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
    try {
      long now = System.currentTimeMillis();
      store.inTransaction(
          "cannot write the probe cache",
          c -> {
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
          });
    } finally {
      pending.clear();
    }
  }

  /** Files that moved keep their results under their new paths (every depth). */
  public void renamed(List<String[]> fromTo) {
    store.lock().lock();
    try {
      writePending();
      store.renamePaths("probe_results", "cannot write the probe cache", fromTo);
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
