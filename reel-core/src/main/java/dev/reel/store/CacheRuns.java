package dev.reel.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The hit rate of each cache's last run. */
public final class CacheRuns {
  private CacheRuns() {}

  /** One cache's last run. */
  public record LastRun(String cache, long hits, long misses, Instant finished) {
    public double hitRate() {
      long n = hits + misses;
      return n == 0 ? 0 : hits / (double) n;
    }
  }

  public static List<LastRun> read(Store store) {
    store.lock().lock();
    try (Statement s = store.connection().createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT cache, hits, misses, finished_at_millis FROM cache_runs ORDER BY cache")) {
      List<LastRun> out = new ArrayList<>();
      while (rs.next()) {
        out.add(
            new LastRun(
                rs.getString(1),
                rs.getLong(2),
                rs.getLong(3),
                Instant.ofEpochMilli(rs.getLong(4))));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreFailedException("cannot read the cache's statistics", e);
    } finally {
      store.lock().unlock();
    }
  }
}
