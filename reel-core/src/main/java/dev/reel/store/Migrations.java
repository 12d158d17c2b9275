package dev.reel.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * The schema, one step per version. Step N brings a database from {@code user_version} N-1 to N.
 * Steps are only ever appended: a released step is never edited, so every database reaches the same
 * schema whatever version it started from.
 */
final class Migrations {
  static final List<List<String>> STEPS =
      List.of(
          List.of(
              // one row per (file, depth): a changed file replaces its row, nothing piles up
              """
              CREATE TABLE probe_results (
                path TEXT NOT NULL,
                depth TEXT NOT NULL,
                size_bytes INTEGER NOT NULL,
                modified_nanos INTEGER NOT NULL,
                result TEXT NOT NULL,
                probed_at_millis INTEGER NOT NULL,
                PRIMARY KEY (path, depth)
              ) WITHOUT ROWID""",
              // the hit rate of each cache's last run, for `reel cache stats`
              """
              CREATE TABLE cache_runs (
                cache TEXT PRIMARY KEY,
                hits INTEGER NOT NULL,
                misses INTEGER NOT NULL,
                finished_at_millis INTEGER NOT NULL
              )"""),
          List.of(
              // content hashes for duplicate detection, valid while size and mtime hold
              """
              CREATE TABLE file_hashes (
                path TEXT PRIMARY KEY,
                size_bytes INTEGER NOT NULL,
                modified_nanos INTEGER NOT NULL,
                quick_hash INTEGER,
                full_hash INTEGER
              ) WITHOUT ROWID""",
              // one row per organize run; format is the journal format the run was written in
              """
              CREATE TABLE organize_runs (
                run INTEGER PRIMARY KEY,
                format INTEGER NOT NULL,
                started_millis INTEGER NOT NULL,
                finished_millis INTEGER,
                state TEXT NOT NULL,
                library TEXT NOT NULL,
                verb TEXT NOT NULL,
                command TEXT NOT NULL,
                actions INTEGER NOT NULL
              )""",
              // every action of a run, written before the first file is touched
              """
              CREATE TABLE organize_actions (
                run INTEGER NOT NULL,
                seq INTEGER NOT NULL,
                verb TEXT NOT NULL,
                kind TEXT NOT NULL,
                source TEXT NOT NULL,
                target TEXT NOT NULL,
                size_bytes INTEGER NOT NULL,
                modified_nanos INTEGER NOT NULL,
                state TEXT NOT NULL,
                note TEXT,
                PRIMARY KEY (run, seq)
              ) WITHOUT ROWID""",
              // folders a run creates, removed by undo when they are empty again
              """
              CREATE TABLE organize_folders (
                run INTEGER NOT NULL,
                path TEXT NOT NULL,
                PRIMARY KEY (run, path)
              ) WITHOUT ROWID"""),
          List.of(
              // what organize's scan made of a file (its name read, its quality), valid while the
              // file is unchanged and the code that made it (fingerprint) is the same
              """
              CREATE TABLE organize_scans (
                path TEXT PRIMARY KEY,
                size_bytes INTEGER NOT NULL,
                modified_nanos INTEGER NOT NULL,
                fingerprint TEXT NOT NULL,
                record TEXT NOT NULL
              ) WITHOUT ROWID"""),
          List.of(
              // answers of online services (TMDB, an AI model), found or not, until they expire;
              // the question is the request without any key
              """
              CREATE TABLE lookups (
                service TEXT NOT NULL,
                question TEXT NOT NULL,
                found INTEGER NOT NULL,
                answer TEXT NOT NULL,
                asked_millis INTEGER NOT NULL,
                expires_millis INTEGER NOT NULL,
                PRIMARY KEY (service, question)
              ) WITHOUT ROWID"""));

  /** The tables `reel cache clear` may empty: caches only, never the organize journal. */
  static final Set<String> TABLES =
      Set.of("probe_results", "file_hashes", "organize_scans", "lookups");

  private Migrations() {}

  static int latest() {
    return STEPS.size();
  }

  static void apply(Connection c) throws SQLException, StoreUnusableException {
    int version = version(c);
    if (version == latest()) {
      return;
    }
    if (version > latest()) {
      throw new StoreUnusableException(
          "it has schema " + version + ", newer than this reel's " + latest() + "; update reel");
    }
    try (Statement s = c.createStatement()) {
      s.executeUpdate("BEGIN EXCLUSIVE");
      try {
        int now = version(c); // another process may have migrated while we waited
        for (int v = now; v < latest(); v++) {
          for (String sql : STEPS.get(v)) {
            s.executeUpdate(sql);
          }
        }
        s.executeUpdate("PRAGMA user_version = " + latest());
        s.executeUpdate("COMMIT");
      } catch (SQLException e) {
        s.executeUpdate("ROLLBACK");
        throw e;
      }
    }
  }

  static int version(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }
}
