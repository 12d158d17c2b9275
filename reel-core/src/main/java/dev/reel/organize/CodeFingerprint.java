package dev.reel.organize;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * A fingerprint of the code of some packages: a digest of their class files' names and CRCs (from
 * the jar's directory, so nothing is unpacked). Results cached under it are used only by the same
 * code: any change to the parser or the planner's reading of it makes a new fingerprint.
 */
final class CodeFingerprint {
  private CodeFingerprint() {}

  /** The fingerprint of the packages of these classes, or null when their code cannot be read. */
  static String of(Class<?>... anchors) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (Class<?> c : anchors) {
        String pkg = c.getPackageName().replace('.', '/') + "/";
        Path where = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> parts = new ArrayList<>();
        if (Files.isDirectory(where)) {
          Path dir = where.resolve(pkg);
          try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
              CRC32 crc = new CRC32();
              crc.update(Files.readAllBytes(p));
              parts.add(p.getFileName() + ":" + crc.getValue());
            }
          }
        } else {
          try (JarFile jar = new JarFile(where.toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
              JarEntry j = e.nextElement();
              if (j.getName().startsWith(pkg) && j.getName().indexOf('/', pkg.length()) < 0) {
                parts.add(j.getName() + ":" + j.getCrc());
              }
            }
          }
          parts.sort(null);
        }
        for (String p : parts) {
          d.update(p.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
      }
      return HexFormat.of().formatHex(d.digest(), 0, 12);
    } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
      return null; // no fingerprint: nothing is cached under it
    }
  }
}
