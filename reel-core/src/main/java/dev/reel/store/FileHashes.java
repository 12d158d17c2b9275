package dev.reel.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Content hashes of files (a quick one of the first and last blocks, and the full one when it was
 * needed), valid while the file keeps its size and modification time. Writes are buffered and
 * committed in batches, like {@link ProbeResults}.
 */
public final class FileHashes {
  private final Store store;
  private final PreparedStatement select;
  private final PreparedStatement upsert;
  private final PreparedStatement rename;
  private final List<Row> pending = new ArrayList<>();
  private final java.util.Map<String, Row> ahead = new java.util.HashMap<>();
  private final List<String> aheadPrefixes = new ArrayList<>();

  /** The hashes known for a file; {@code fullHash} is null when only the quick one was made. */
  public record Row(String path, long sizeBytes, Instant modified, long quickHash, Long fullHash) {}

  public FileHashes(Store store) {
    this.store = store;
    store.lock().lock();
    try {
      Connection c = store.connection();
      select =
          c.prepareStatement(
              "SELECT size_bytes, modified_nanos, quick_hash, full_hash FROM file_hashes WHERE path = ?");
      upsert =
          c.prepareStatement(
              "INSERT OR REPLACE INTO file_hashes (path, size_bytes, modified_nanos, quick_hash,"
                  + " full_hash) VALUES (?, ?, ?, ?, ?)");
      rename = c.prepareStatement("UPDATE OR REPLACE file_hashes SET path = ? WHERE path = ?");
    } catch (SQLException e) {
      throw new StoreFailedException("cannot read the hash cache", e);
    } finally {
      store.lock().unlock();
    }
  }

  /**
   * Reads the hashes of the files below these folders in one query (not when there are more than
   * {@link FolderReadAhead#MAX_ROWS}), so that the lookups of a run over them need no query each.
   */
  public void readAhead(List<String> folders) {
    store.lock().lock();
    try {
      aheadPrefixes.addAll(
          FolderReadAhead.read(
              store,
              "file_hashes",
              "path, size_bytes, modified_nanos, quick_hash, full_hash",
              null,
              null,
              folders,
              rs -> {
                long full = rs.getLong(5);
                Long fullHash = rs.wasNull() ? null : full;
                ahead.put(
                    rs.getString(1),
                    new Row(
                        rs.getString(1),
                        rs.getLong(2),
                        Instant.ofEpochSecond(0, rs.getLong(3)),
                        rs.getLong(4),
                        fullHash));
              }));
    } catch (SQLException e) {
      throw new StoreFailedException("cannot read the hash cache", e);
    } finally {
      store.lock().unlock();
    }
  }

  /** The hashes remembered for this file as it is now. */
  public Optional<Row> lookup(String path, long sizeBytes, Instant modified) {
    store.lock().lock();
    try {
      if (FolderReadAhead.covers(aheadPrefixes, path)) {
        Row r = ahead.get(path);
        return r != null
                && r.sizeBytes() == sizeBytes
                && ProbeResults.nanos(r.modified()) == ProbeResults.nanos(modified)
            ? Optional.of(new Row(path, sizeBytes, modified, r.quickHash(), r.fullHash()))
            : Optional.empty();
      }
      select.setString(1, path);
      try (ResultSet rs = select.executeQuery()) {
        if (rs.next()
            && rs.getLong(1) == sizeBytes
            && rs.getLong(2) == ProbeResults.nanos(modified)) {
          long quick = rs.getLong(3);
          long full = rs.getLong(4);
          return Optional.of(new Row(path, sizeBytes, modified, quick, rs.wasNull() ? null : full));
        }
      }
      return Optional.empty();
    } catch (SQLException e) {
      throw new StoreFailedException("cannot read the hash cache", e);
    } finally {
      store.lock().unlock();
    }
  }

  public void put(Row row) {
    store.lock().lock();
    try {
      pending.add(row);
      if (pending.size() >= ProbeResults.BATCH) {
        flush();
      }
    } finally {
      store.lock().unlock();
    }
  }

  /** Files that moved keep their hashes under their new paths. */
  public void renamed(List<String[]> fromTo) {
    store.lock().lock();
    try {
      flush();
      store.renamePaths("file_hashes", "cannot write the hash cache", fromTo);
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
          "cannot write the hash cache",
          c -> {
            for (Row r : pending) {
              upsert.setString(1, r.path());
              upsert.setLong(2, r.sizeBytes());
              upsert.setLong(3, ProbeResults.nanos(r.modified()));
              upsert.setLong(4, r.quickHash());
              if (r.fullHash() == null) {
                upsert.setNull(5, Types.INTEGER);
              } else {
                upsert.setLong(5, r.fullHash());
              }
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
