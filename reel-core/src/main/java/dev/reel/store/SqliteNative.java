package dev.reel.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * Gives sqlite-jdbc one extracted copy of its native library in the cache folder.
 *
 * <p>By itself the driver extracts its 1 MB library into the temporary folder under a new name in
 * every process and removes it at a normal exit; a process that is killed leaves its copy behind,
 * and every start reads the library out of the jar again. The copy here is made once per driver
 * version (through a temporary file and a rename, so processes starting together agree) and used
 * from then on. Where it cannot be made, the driver's own way is used.
 */
final class SqliteNative {
  private static volatile boolean done;

  private SqliteNative() {}

  static synchronized void useCopyIn(Path cacheFolder) {
    if (done || System.getProperty("org.sqlite.lib.path") != null) {
      return;
    }
    done = true;
    String name = System.mapLibraryName("sqlitejdbc");
    String resource =
        "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
    Path dir =
        cacheFolder.resolve("native").resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion());
    Path lib = dir.resolve(name);
    try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        return; // no library for this platform in the jar: the driver says what is wrong
      }
      if (!Files.isRegularFile(lib)) {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".lib", ".tmp");
        try {
          Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
          Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(tmp);
        }
      }
      System.setProperty("org.sqlite.lib.path", dir.toString());
      System.setProperty("org.sqlite.lib.name", name);
    } catch (IOException | RuntimeException e) {
      // a read-only cache folder: the driver extracts to the temporary folder as it would anyway
    }
  }
}
