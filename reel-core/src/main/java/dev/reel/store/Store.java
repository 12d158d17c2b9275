package dev.reel.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;

/**
 * reel's one SQLite database ({@code reel.db} in the cache folder): probe results, content hashes
 * and organize journals (metadata lookups later).
 *
 * <p>It runs in WAL mode with a busy timeout, so two reel processes can use it at once (readers
 * never wait; a writer waits up to {@value #BUSY_MILLIS} ms for the other). The schema carries its
 * version in {@code PRAGMA user_version}; {@link Migrations} brings an older database up to date
 * inside one exclusive transaction, so two processes starting together migrate it once. A database
 * that is corrupt, read-only, or from a newer reel is never touched: {@link #open} says so in one
 * line and the job runs without the cache.
 *
 * <p>One connection is shared; callers hold {@link #lock()} around each use (JDBC connections are
 * not safe for concurrent use).
 */
public final class Store implements AutoCloseable {
  static final int BUSY_MILLIS = 10_000;
  private final Path file;
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();

  private Store(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /** The database file inside {@code folder}. */
  public static Path fileIn(Path folder) {
    return folder.resolve("reel.db");
  }

  /**
   * Opens (creating or migrating) the store in {@code folder}, or says in one line to {@code
   * warnings} why it cannot and returns empty.
   */
  public static Optional<Store> open(Path folder, Consumer<String> warnings) {
    Path file = fileIn(folder);
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      warnings.accept(
          "cannot create the cache folder " + folder + " (" + e.getMessage() + "); no cache");
      return Optional.empty();
    }
    SqliteNative.useCopyIn(folder);
    Connection c = null;
    try {
      SQLiteConfig config = new SQLiteConfig();
      config.setBusyTimeout(BUSY_MILLIS);
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      c = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
      Migrations.apply(c);
      return Optional.of(new Store(file, c));
    } catch (SQLException | StoreUnusableException e) {
      closeQuietly(c);
      warnings.accept("cache " + file + " cannot be used (" + reason(e) + "); running without it");
      return Optional.empty();
    }
  }

  private static String reason(Exception e) {
    if (e instanceof StoreUnusableException) {
      return e.getMessage();
    }
    String m = String.valueOf(e.getMessage());
    if (m.contains("SQLITE_NOTADB") || m.contains("SQLITE_CORRUPT")) {
      return "the file is corrupt or not a database: remove it, reel makes a new one";
    }
    if (m.contains("SQLITE_READONLY") || m.contains("SQLITE_CANTOPEN")) {
      return "it is read-only or cannot be opened: give --cache DIR, or --no-cache";
    }
    return m.lines().findFirst().orElse(m);
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        // already failing; the first error is the one reported
      }
    }
  }

  public Path file() {
    return file;
  }

  ReentrantLock lock() {
    return lock;
  }

  Connection connection() {
    return connection;
  }

  /** Work on the connection inside one transaction. */
  interface SqlWork {
    void run(Connection c) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction under the lock: all of it is committed, or none (rolled
   * back) and a {@link StoreFailedException} says {@code what} failed.
   */
  void inTransaction(String what, SqlWork work) {
    lock.lock();
    try {
      connection.setAutoCommit(false);
      try {
        work.run(connection);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        try {
          connection.rollback();
        } catch (SQLException ignored) {
          // the first error is the one reported
        }
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreFailedException(what, e);
    } finally {
      lock.unlock();
    }
  }

  /** Renames rows of a path-keyed table: files that moved keep what is known of them. */
  void renamePaths(String table, String what, List<String[]> fromTo) {
    inTransaction(
        what,
        c -> {
          try (java.sql.PreparedStatement s =
              c.prepareStatement("UPDATE OR REPLACE " + table + " SET path = ? WHERE path = ?")) {
            for (String[] p : fromTo) {
              s.setString(1, p[1]);
              s.setString(2, p[0]);
              s.addBatch();
            }
            s.executeBatch();
          }
        });
  }

  /** The size on disk of the database with its write-ahead log. */
  public long sizeBytes() {
    long n = 0;
    for (Path p : List.of(file, Path.of(file + "-wal"))) {
      try {
        n += Files.size(p);
      } catch (IOException e) {
        // no WAL file right now
      }
    }
    return n;
  }

  /** Rows per table, for {@code reel cache stats}. */
  public Map<String, Long> counts() {
    lock.lock();
    try (Statement s = connection.createStatement()) {
      var rs =
          s.executeQuery(
              "SELECT (SELECT count(*) FROM probe_results), (SELECT count(*) FROM file_hashes),"
                  + " (SELECT count(*) FROM organize_runs), (SELECT count(*) FROM organize_scans),"
                  + " (SELECT count(*) FROM lookups)");
      rs.next();
      return Map.of(
          "probe_results",
          rs.getLong(1),
          "file_hashes",
          rs.getLong(2),
          "organize_runs",
          rs.getLong(3),
          "organize_scans",
          rs.getLong(4),
          "lookups",
          rs.getLong(5));
    } catch (SQLException e) {
      throw new StoreFailedException("cannot count the cache's entries", e);
    } finally {
      lock.unlock();
    }
  }

  /** Removes the rows of the given tables and gives the space back to the file system. */
  public void clear(List<String> tables) {
    lock.lock();
    try (Statement s = connection.createStatement()) {
      for (String t : tables) {
        if (!Migrations.TABLES.contains(t)) {
          throw new IllegalArgumentException("no table " + t + " in the store");
        }
        s.executeUpdate("DELETE FROM " + t);
      }
      s.executeUpdate("DELETE FROM cache_runs");
      s.executeUpdate("VACUUM");
    } catch (SQLException e) {
      throw new StoreFailedException("cannot clear the cache", e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      // nothing is pending: every write commits before close
    } finally {
      lock.unlock();
    }
  }
}
