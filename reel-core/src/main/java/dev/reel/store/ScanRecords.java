package dev.reel.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What organize's scan made of each file (opaque text), valid while the file keeps its size and
 * modification time and the scan's code keeps its fingerprint. Read ahead per folder and written in
 * batches, like {@link ProbeResults}.
 */
public final class ScanRecords {
  private final Store store;
  private final String fingerprint;
  private final PreparedStatement upsert;
  private final List<Object[]> pending = new ArrayList<>();
  private final Map<String, Object[]> ahead = new HashMap<>();

  /**
   * @param fingerprint the scan code's fingerprint: rows of another are not used
   */
  public ScanRecords(Store store, String fingerprint) {
    this.store = store;
    this.fingerprint = fingerprint;
    store.lock().lock();
    try {
      upsert =
          store
              .connection()
              .prepareStatement(
                  "INSERT OR REPLACE INTO organize_scans (path, size_bytes, modified_nanos,"
                      + " fingerprint, record) VALUES (?, ?, ?, ?, ?)");
    } catch (SQLException e) {
      throw new StoreFailedException("cannot read the scan cache", e);
    } finally {
      store.lock().unlock();
    }
  }

  /**
   * Reads the rows of this fingerprint below these folders (not when there are more than {@link
   * FolderReadAhead#MAX_ROWS}); lookups answer from them only.
   */
  public void readAhead(List<String> folders) {
    store.lock().lock();
    try {
      FolderReadAhead.read(
          store,
          "organize_scans",
          "path, size_bytes, modified_nanos, record",
          "fingerprint = ?",
          fingerprint,
          folders,
          rs ->
              ahead.put(
                  rs.getString(1), new Object[] {rs.getLong(2), rs.getLong(3), rs.getString(4)}));
    } catch (SQLException e) {
      throw new StoreFailedException("cannot read the scan cache", e);
    } finally {
      store.lock().unlock();
    }
  }

  /** The record read ahead for this file as it is now. */
  public Optional<String> lookup(String path, long sizeBytes, Instant modified) {
    store.lock().lock();
    try {
      Object[] r = ahead.remove(path);
      if (r != null && (Long) r[0] == sizeBytes && (Long) r[1] == ProbeResults.nanos(modified)) {
        return Optional.of((String) r[2]);
      }
      return Optional.empty();
    } finally {
      store.lock().unlock();
    }
  }

  public void put(String path, long sizeBytes, Instant modified, String record) {
    store.lock().lock();
    try {
      pending.add(new Object[] {path, sizeBytes, ProbeResults.nanos(modified), record});
      if (pending.size() >= ProbeResults.BATCH) {
        flush();
      }
    } finally {
      store.lock().unlock();
    }
  }

  public void flush() {
    store.lock().lock();
    try {
      if (pending.isEmpty()) {
        return;
      }
      store.inTransaction(
          "cannot write the scan cache",
          c -> {
            for (Object[] p : pending) {
              upsert.setString(1, (String) p[0]);
              upsert.setLong(2, (Long) p[1]);
              upsert.setLong(3, (Long) p[2]);
              upsert.setString(4, fingerprint);
              upsert.setString(5, (String) p[3]);
              upsert.addBatch();
            }
            upsert.executeBatch();
          });
    } finally {
      pending.clear();
      store.lock().unlock();
    }
  }
}
