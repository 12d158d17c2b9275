package dev.reel.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the rows of a path-keyed table that lie below some folders in one query per folder, for the
 * caches whose lookups of a walk over those folders then need no query each. Paths below a folder
 * are the range {@code [folder/, folder0)} of the primary key, so the read is an index range scan.
 */
final class FolderReadAhead {
  /** At most this many rows are read ahead; a bigger tree is looked up row by row. */
  static final int MAX_ROWS = 250_000;

  /** Receives one row. */
  interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  private FolderReadAhead() {}

  /**
   * Reads {@code columns} of {@code table}'s rows below {@code folders} that also match {@code
   * where} (with its one text argument {@code whereArg}, or none when null).
   *
   * @return the folder prefixes read ('/'-terminated), empty when there were too many rows
   */
  static List<String> read(
      Store store,
      String table,
      String columns,
      String where,
      String whereArg,
      List<String> folders,
      Row row)
      throws SQLException {
    String range = " WHERE path >= ? AND path < ?" + (where == null ? "" : " AND " + where);
    List<String> prefixes = new ArrayList<>();
    for (String f : folders) {
      prefixes.add(f.endsWith("/") ? f : f + "/");
    }
    try (PreparedStatement count =
            store.connection().prepareStatement("SELECT count(*) FROM " + table + range);
        PreparedStatement rows =
            store.connection().prepareStatement("SELECT " + columns + " FROM " + table + range)) {
      long n = 0;
      for (String p : prefixes) {
        bind(count, p, whereArg);
        try (ResultSet rs = count.executeQuery()) {
          n += rs.next() ? rs.getLong(1) : 0;
        }
      }
      if (n > MAX_ROWS) {
        return List.of();
      }
      for (String p : prefixes) {
        bind(rows, p, whereArg);
        try (ResultSet rs = rows.executeQuery()) {
          while (rs.next()) {
            row.accept(rs);
          }
        }
      }
      return prefixes;
    }
  }

  private static void bind(PreparedStatement s, String prefix, String whereArg)
      throws SQLException {
    s.setString(1, prefix);
    s.setString(2, upperBound(prefix));
    if (whereArg != null) {
      s.setString(3, whereArg);
    }
  }

  /** The smallest string greater than every string starting with {@code prefix}. */
  static String upperBound(String prefix) {
    char last = prefix.charAt(prefix.length() - 1);
    return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
  }

  /** Whether {@code path} lies below one of the prefixes read. */
  static boolean covers(List<String> prefixes, String path) {
    for (String p : prefixes) {
      if (path.startsWith(p)) {
        return true;
      }
    }
    return false;
  }
}
