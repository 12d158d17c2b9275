package dev.reel.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The lookup cache: the answer of an online service to a question (found, or known not to be
 * there), kept until it expires, shared by every command and run. Questions must never hold a key:
 * the table is a file anyone with the cache folder can read.
 */
public final class Lookups {
  private final Store store;
  private final LongSupplier millis;
  private final PreparedStatement select;
  private final PreparedStatement upsert;
  private long hits;
  private long misses;

  /** A cached answer. */
  public record Answer(boolean found, String text) {}

  /**
   * @param millis the clock, in epoch milliseconds
   */
  public Lookups(Store store, LongSupplier millis) {
    this.store = store;
    this.millis = millis;
    store.lock().lock();
    try {
      Connection c = store.connection();
      this.select =
          c.prepareStatement(
              "SELECT found, answer FROM lookups"
                  + " WHERE service = ? AND question = ? AND expires_millis > ?");
      this.upsert =
          c.prepareStatement(
              "INSERT OR REPLACE INTO lookups"
                  + " (service, question, found, answer, asked_millis, expires_millis)"
                  + " VALUES (?, ?, ?, ?, ?, ?)");
    } catch (SQLException e) {
      throw new StoreFailedException("cannot read the lookup cache", e);
    } finally {
      store.lock().unlock();
    }
  }

  /** The answer, when one is kept and has not expired. */
  public Optional<Answer> get(String service, String question) {
    store.lock().lock();
    try {
      select.setString(1, service);
      select.setString(2, question);
      select.setLong(3, millis.getAsLong());
      try (ResultSet rs = select.executeQuery()) {
        if (rs.next()) {
          hits++;
          return Optional.of(new Answer(rs.getInt(1) != 0, rs.getString(2)));
        }
        misses++;
        return Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreFailedException("cannot read the lookup cache", e);
    } finally {
      store.lock().unlock();
    }
  }

  /** Keeps an answer for {@code ttlMillis}. */
  public void put(String service, String question, Answer answer, long ttlMillis) {
    store.lock().lock();
    try {
      long now = millis.getAsLong();
      upsert.setString(1, service);
      upsert.setString(2, question);
      upsert.setInt(3, answer.found() ? 1 : 0);
      upsert.setString(4, answer.text());
      upsert.setLong(5, now);
      upsert.setLong(6, now + ttlMillis);
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw new StoreFailedException("cannot write the lookup cache", e);
    } finally {
      store.lock().unlock();
    }
  }

  /** Records this run's hit rate (for {@code reel cache stats}). */
  public void finishRun() {
    store.lock().lock();
    try (PreparedStatement s =
        store
            .connection()
            .prepareStatement(
                "INSERT OR REPLACE INTO cache_runs (cache, hits, misses, finished_at_millis)"
                    + " VALUES ('lookup', ?, ?, ?)")) {
      s.setLong(1, hits);
      s.setLong(2, misses);
      s.setLong(3, millis.getAsLong());
      s.executeUpdate();
    } catch (SQLException e) {
      throw new StoreFailedException("cannot write the lookup cache", e);
    } finally {
      store.lock().unlock();
    }
  }
}
