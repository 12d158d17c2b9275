package dev.reel.prewarm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding for URL paths and query values (RFC 3986): everything but unreserved characters
 * is encoded, and in paths '/' is kept so folders stay folders.
 */
final class UrlPaths {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UrlPaths() {}

  /** Encodes an object path; '/' separators are kept. */
  static String encodePath(String path) {
    return encode(path, true);
  }

  /** Encodes a query parameter name or value. */
  static String encodeQuery(String value) {
    return encode(value, false);
  }

  private static String encode(String s, boolean keepSlash) {
    StringBuilder out = null;
    byte[] bytes = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!unreserved(c) && !(keepSlash && c == '/')) {
        bytes = s.getBytes(StandardCharsets.UTF_8);
        out = new StringBuilder(bytes.length + 16);
        break;
      }
    }
    if (bytes == null) {
      return s;
    }
    for (byte b : bytes) {
      char c = (char) (b & 0xff);
      if (b >= 0 && (unreserved(c) || (keepSlash && c == '/'))) {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return out.toString();
  }

  private static boolean unreserved(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  /** Decodes %XX escapes (not '+'); a malformed escape is kept as it is. */
  static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%'
          && i + 2 < s.length()
          && hex(s.charAt(i + 1)) >= 0
          && hex(s.charAt(i + 2)) >= 0) {
        out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
        i += 2;
      } else {
        int cp = s.codePointAt(i);
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
        i += Character.charCount(cp) - 1;
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }
}
