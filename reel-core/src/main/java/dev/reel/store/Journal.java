package dev.reel.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The organize journal: every run with all its actions, written in one transaction before the first
 * file is touched, then each action's end state as it happens.
 *
 * <p>End states are buffered and committed every {@value #BATCH} actions and at {@link #flush()}: a
 * crash can lose the last marks but never an action, because every action can tell from the file
 * system whether it happened (the organize job checks before it acts, resumes or undoes).
 */
public final class Journal {
  /** The journal format this reel writes and reads. A run written in another is refused. */
  public static final int FORMAT = 1;

  static final int BATCH = 256;
  private final Store store;
  private final List<Object[]> pendingMarks = new ArrayList<>();

  /** One run. {@code state}: applying, done, stopped, failed, undoing, undone. */
  public record Run(
      long run,
      int format,
      Instant started,
      Instant finished,
      String state,
      String library,
      String verb,
      String command,
      int actions) {}

  /**
   * One action. {@code state}: planned, done, failed, skipped, undone, undo_failed; {@code note}
   * says why an action failed or was skipped.
   */
  public record Entry(
      int seq,
      String verb,
      String kind,
      String source,
      String target,
      long sizeBytes,
      long modifiedNanos,
      String state,
      String note) {
    public Entry {
      Objects.requireNonNull(verb, "verb");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(target, "target");
    }
  }

  public Journal(Store store) {
    this.store = store;
  }

  /** Records a new run with its actions and the folders it will create; returns its number. */
  public long begin(
      String library, String verb, String command, List<Entry> actions, List<String> folders) {
    long[] run = new long[1];
    store.inTransaction(
        "cannot write the organize journal",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO organize_runs (format, started_millis, state, library, verb,"
                      + " command, actions) VALUES (?, ?, 'applying', ?, ?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            s.setInt(1, FORMAT);
            s.setLong(2, System.currentTimeMillis());
            s.setString(3, library);
            s.setString(4, verb);
            s.setString(5, command);
            s.setInt(6, actions.size());
            s.executeUpdate();
            try (ResultSet k = s.getGeneratedKeys()) {
              k.next();
              run[0] = k.getLong(1);
            }
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO organize_actions (run, seq, verb, kind, source, target, size_bytes,"
                      + " modified_nanos, state, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Entry e : actions) {
              s.setLong(1, run[0]);
              s.setInt(2, e.seq());
              s.setString(3, e.verb());
              s.setString(4, e.kind());
              s.setString(5, e.source());
              s.setString(6, e.target());
              s.setLong(7, e.sizeBytes());
              s.setLong(8, e.modifiedNanos());
              s.setString(9, e.state());
              s.setString(10, e.note());
              s.addBatch();
            }
            s.executeBatch();
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT OR IGNORE INTO organize_folders (run, path) VALUES (?, ?)")) {
            for (String f : folders) {
              s.setLong(1, run[0]);
              s.setString(2, f);
              s.addBatch();
            }
            s.executeBatch();
          }
        });
    return run[0];
  }

  /** Records an action's new state (committed with the next batch). */
  public void mark(long run, int seq, String state, String note) {
    store.lock().lock();
    try {
      pendingMarks.add(new Object[] {state, note, run, seq});
      if (pendingMarks.size() >= BATCH) {
        flush();
      }
    } finally {
      store.lock().unlock();
    }
  }

  /** Commits the pending marks. */
  public void flush() {
    store.lock().lock();
    try {
      if (pendingMarks.isEmpty()) {
        return;
      }
      store.inTransaction(
          "cannot write the organize journal",
          c -> {
            try (PreparedStatement s =
                c.prepareStatement(
                    "UPDATE organize_actions SET state = ?, note = ? WHERE run = ? AND seq = ?")) {
              for (Object[] m : pendingMarks) {
                s.setString(1, (String) m[0]);
                s.setString(2, (String) m[1]);
                s.setLong(3, (Long) m[2]);
                s.setInt(4, (Integer) m[3]);
                s.addBatch();
              }
              s.executeBatch();
            }
          });
      pendingMarks.clear();
    } finally {
      store.lock().unlock();
    }
  }

  /** Sets a run's state (after flushing the pending marks); a final state records the time. */
  public void state(long run, String state, boolean finished) {
    flush();
    store.lock().lock();
    try (PreparedStatement s =
        store
            .connection()
            .prepareStatement(
                "UPDATE organize_runs SET state = ?, finished_millis = ? WHERE run = ?")) {
      s.setString(1, state);
      if (finished) {
        s.setLong(2, System.currentTimeMillis());
      } else {
        s.setNull(2, java.sql.Types.INTEGER);
      }
      s.setLong(3, run);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new StoreFailedException("cannot write the organize journal", e);
    } finally {
      store.lock().unlock();
    }
  }

  /** All runs, newest first. */
  public List<Run> runs() {
    return query("SELECT * FROM organize_runs ORDER BY run DESC", null, Journal::run);
  }

  public Optional<Run> run(long run) {
    return query("SELECT * FROM organize_runs WHERE run = ?", run, Journal::run).stream()
        .findFirst();
  }

  /** A run's actions in order. */
  public List<Entry> actions(long run) {
    flush();
    return query(
        "SELECT * FROM organize_actions WHERE run = ? ORDER BY seq",
        run,
        rs ->
            new Entry(
                rs.getInt("seq"),
                rs.getString("verb"),
                rs.getString("kind"),
                rs.getString("source"),
                rs.getString("target"),
                rs.getLong("size_bytes"),
                rs.getLong("modified_nanos"),
                rs.getString("state"),
                rs.getString("note")));
  }

  /** The folders a run planned to create. */
  public List<String> folders(long run) {
    return query("SELECT path FROM organize_folders WHERE run = ?", run, rs -> rs.getString(1));
  }

  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private static Run run(ResultSet rs) throws SQLException {
    long fin = rs.getLong("finished_millis");
    boolean noFinish = rs.wasNull();
    return new Run(
        rs.getLong("run"),
        rs.getInt("format"),
        Instant.ofEpochMilli(rs.getLong("started_millis")),
        noFinish ? null : Instant.ofEpochMilli(fin),
        rs.getString("state"),
        rs.getString("library"),
        rs.getString("verb"),
        rs.getString("command"),
        rs.getInt("actions"));
  }

  private <T> List<T> query(String sql, Long arg, RowMapper<T> mapper) {
    store.lock().lock();
    try (PreparedStatement s = store.connection().prepareStatement(sql)) {
      if (arg != null) {
        s.setLong(1, arg);
      }
      List<T> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(mapper.map(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreFailedException("cannot read the organize journal", e);
    } finally {
      store.lock().unlock();
    }
  }
}
