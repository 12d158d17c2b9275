package dev.reel.prewarm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reel.files.CsvLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads objects from a list file, line by line. The first line that is not blank or a {@code #}
 * comment decides the format: a JSON object starts JSONL ({@code path} or {@code key}, optional
 * {@code size}); a comma-separated header naming a {@code path} or {@code key} column starts CSV
 * (optional {@code size} column); anything else is one path or http(s) URL per line. A malformed
 * line is reported with its file and line number and skipped.
 */
final class ListFileListing implements ObjectSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String name;
  private final Path file;
  private final InputStream stdin;

  /** Reads {@code file}, or {@code stdin} when file is "-". */
  ListFileListing(String file, InputStream stdin) {
    this.name = file.equals("-") ? "<stdin>" : file;
    this.file = file.equals("-") ? null : Path.of(file);
    this.stdin = stdin;
  }

  @Override
  public void list(ObjectSink sink) throws IOException {
    if (file != null && !Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "no such list file");
    }
    InputStream in = file == null ? stdin : Files.newInputStream(file);
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      Format format = null;
      int lineNo = 0;
      for (String line; (line = r.readLine()) != null; ) {
        lineNo++;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        if (format == null) {
          format = Format.detect(t);
          if (format.pathColumn >= 0) {
            continue; // the CSV header
          }
        }
        ListedObject o;
        try {
          o = format.parse(t);
        } catch (IllegalArgumentException e) {
          sink.problem(name + ":" + lineNo + ": " + e.getMessage());
          continue;
        }
        if (!sink.accept(o)) {
          return;
        }
      }
    }
  }

  @Override
  public String describe() {
    return "list file " + name;
  }

  /** One list format; for CSV, the columns of path and size (-1 when absent). */
  private record Format(String kind, int pathColumn, int sizeColumn) {
    static Format detect(String first) {
      if (first.startsWith("{")) {
        return new Format("jsonl", -1, -1);
      }
      if (first.contains(",")) {
        List<String> cells = CsvLine.split(first);
        int path = -1;
        int size = -1;
        for (int i = 0; i < cells.size(); i++) {
          String c = cells.get(i).strip().toLowerCase(Locale.ROOT);
          if (path < 0 && (c.equals("path") || c.equals("key") || c.equals("name"))) {
            path = i;
          } else if (size < 0 && (c.equals("size") || c.equals("bytes"))) {
            size = i;
          }
        }
        if (path >= 0) {
          return new Format("csv", path, size);
        }
      }
      return new Format("lines", -1, -1);
    }

    ListedObject parse(String line) {
      return switch (kind) {
        case "jsonl" -> jsonLine(line);
        case "csv" -> csvLine(line);
        default -> plainLine(line);
      };
    }

    private ListedObject csvLine(String line) {
      List<String> cells = CsvLine.split(line);
      if (pathColumn >= cells.size() || cells.get(pathColumn).isBlank()) {
        throw new IllegalArgumentException("no path in column " + (pathColumn + 1));
      }
      long size = -1;
      if (sizeColumn >= 0 && sizeColumn < cells.size() && !cells.get(sizeColumn).isBlank()) {
        size = parseSize(cells.get(sizeColumn).strip());
      }
      return objectAt(cells.get(pathColumn).strip(), size);
    }

    private static ListedObject jsonLine(String line) {
      JsonNode n;
      try {
        n = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
      }
      if (n == null || !n.isObject()) {
        throw new IllegalArgumentException("not a JSON object");
      }
      JsonNode p = first(n, "path", "key", "Path", "Key", "name", "Name");
      if (p == null || !p.isTextual() || p.asText().isBlank()) {
        throw new IllegalArgumentException("no \"path\" or \"key\" string");
      }
      JsonNode s = first(n, "size", "Size", "bytes");
      long size = -1;
      if (s != null && !s.isNull()) {
        size = s.canConvertToLong() ? s.asLong() : parseSize(s.asText());
        if (size < 0) {
          throw new IllegalArgumentException("negative size " + size);
        }
      }
      return objectAt(p.asText(), size);
    }

    private static JsonNode first(JsonNode n, String... names) {
      for (String name : names) {
        if (n.has(name)) {
          return n.get(name);
        }
      }
      return null;
    }

    private static ListedObject plainLine(String line) {
      return objectAt(line, -1);
    }

    private static long parseSize(String text) {
      try {
        long v = Long.parseLong(text);
        if (v < 0) {
          throw new IllegalArgumentException("negative size " + v);
        }
        return v;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("size '" + text + "' is not a whole number of bytes");
      }
    }
  }

  /** A path, or an http(s) URL whose path becomes the object path and whose origin is kept. */
  static ListedObject objectAt(String text, long size) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      URI u;
      try {
        u = new URI(text);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("not a valid URL: " + e.getMessage());
      }
      if (u.getHost() == null || u.getRawPath() == null || u.getRawPath().length() <= 1) {
        throw new IllegalArgumentException("URL has no host or no object path: " + text);
      }
      String path = UrlPaths.decode(u.getRawPath().substring(1));
      return new ListedObject(path, size, u.getScheme() + "://" + u.getRawAuthority());
    }
    String path = text.startsWith("/") ? text.substring(1) : text;
    if (path.isEmpty()) {
      throw new IllegalArgumentException("empty path");
    }
    return new ListedObject(path, size);
  }
}
