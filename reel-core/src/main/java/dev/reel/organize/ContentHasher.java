package dev.reel.organize;

import dev.reel.store.FileHashes;
import dev.reel.store.StoreFailedException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import net.jpountz.xxhash.StreamingXXHash64;
import net.jpountz.xxhash.XXHashFactory;

/**
 * XXHash64 of files: a quick hash of the size and the first and last {@value #BLOCK} bytes, which
 * tells most different files of one size apart, and the full hash for those it does not. Hashes are
 * remembered in the store (by path, size and modification time) when there is one.
 */
final class ContentHasher {
  static final int BLOCK = 64 * 1024;
  private static final long SEED = 0x7265656cL; // "reel"
  private static final XXHashFactory XX = XXHashFactory.safeInstance();
  private final FileHashes cache;

  /**
   * @param cache remembered hashes, or null for none
   */
  ContentHasher(FileHashes cache) {
    this.cache = cache;
  }

  long quick(Path file, long size, Instant modified) throws IOException {
    FileHashes.Row known = known(file, size, modified);
    if (known != null) {
      return known.quickHash();
    }
    long h = quickOf(file, size);
    remember(new FileHashes.Row(file.toString(), size, modified, h, null));
    return h;
  }

  long full(Path file, long size, Instant modified) throws IOException {
    FileHashes.Row known = known(file, size, modified);
    if (known != null && known.fullHash() != null) {
      return known.fullHash();
    }
    long h = fullOf(file);
    long q = known != null ? known.quickHash() : quickOf(file, size);
    remember(new FileHashes.Row(file.toString(), size, modified, q, h));
    return h;
  }

  void flush() {
    if (cache != null) {
      try {
        cache.flush();
      } catch (StoreFailedException e) {
        // hashes are only a cache: the next run makes them again
      }
    }
  }

  private FileHashes.Row known(Path file, long size, Instant modified) {
    if (cache == null) {
      return null;
    }
    try {
      return cache.lookup(file.toString(), size, modified).orElse(null);
    } catch (StoreFailedException e) {
      return null;
    }
  }

  private void remember(FileHashes.Row row) {
    if (cache != null) {
      try {
        cache.put(row);
      } catch (StoreFailedException e) {
        // only a cache
      }
    }
  }

  static long quickOf(Path file, long size) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        StreamingXXHash64 h = XX.newStreamingHash64(SEED)) {
      byte[] sizeBytes = ByteBuffer.allocate(8).putLong(size).array();
      h.update(sizeBytes, 0, 8);
      ByteBuffer buf = ByteBuffer.allocate(BLOCK);
      readAt(ch, 0, buf, h);
      if (size > BLOCK) {
        readAt(ch, Math.max(BLOCK, size - BLOCK), buf, h);
      }
      return h.getValue();
    }
  }

  static long fullOf(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        StreamingXXHash64 h = XX.newStreamingHash64(SEED)) {
      ByteBuffer buf = ByteBuffer.allocate(1 << 20);
      while (ch.read(buf) >= 0) {
        buf.flip();
        h.update(buf.array(), 0, buf.limit());
        buf.clear();
      }
      return h.getValue();
    }
  }

  /** A streaming full hash, for hashing while copying. */
  static StreamingXXHash64 streaming() {
    return XX.newStreamingHash64(SEED);
  }

  private static void readAt(FileChannel ch, long position, ByteBuffer buf, StreamingXXHash64 h)
      throws IOException {
    buf.clear();
    long pos = position;
    while (buf.hasRemaining()) {
      int n = ch.read(buf, pos);
      if (n < 0) {
        break;
      }
      pos += n;
    }
    buf.flip();
    h.update(buf.array(), 0, buf.limit());
  }
}
