package dev.reel.cli;

import dev.reel.media.ffmpeg.FfmpegMediaEncoder;
import dev.reel.testmedia.TestMedia;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A small Downloads folder for organize tests: real videos made by the fixture generator (two
 * sizes), each copy made distinct by bytes appended after the Matroska segment, which players and
 * the probe ignore.
 */
final class OrganizeFixture {
  private static Path small;
  private static Path large;

  private OrganizeFixture() {}

  static synchronized void base(Path dir) {
    if (small != null && Files.exists(small)) {
      return;
    }
    try {
      Files.createDirectories(dir);
      FfmpegMediaEncoder enc = new FfmpegMediaEncoder();
      small = TestMedia.of("mkv").size(320, 240).seconds(0.3).write(enc, dir.resolve("small.mkv"));
      large = TestMedia.of("mkv").size(640, 480).seconds(0.3).write(enc, dir.resolve("large.mkv"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A distinct small video at {@code file} (distinct by its name). */
  static Path video(Path file) {
    return variant(small, file, file.getFileName().toString());
  }

  /** A distinct larger (higher-resolution) video. */
  static Path better(Path file) {
    return variant(large, file, file.getFileName().toString());
  }

  static Path variant(Path base, Path file, String tag) {
    try {
      Files.createDirectories(file.getParent());
      Files.copy(base, file);
      Files.writeString(file, tag, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A typical download folder: episodes, a season pack, a movie with extras and sidecars, junk. */
  static void downloads(Path in) throws IOException {
    Path pack = in.resolve("Show.Name.S01.720p.HDTV.x264-GRP");
    video(pack.resolve("Show.Name.S01E01.Pilot.720p.HDTV.x264-GRP.mkv"));
    video(pack.resolve("Show.Name.S01E02.720p.HDTV.x264-GRP.mkv"));
    Files.writeString(
        pack.resolve("Show.Name.S01E01.Pilot.720p.HDTV.x264-GRP.en.forced.srt"), "1\n");
    better(in.resolve("Show.Name.S01E02.1080p.WEB.mkv"));
    Path movie = in.resolve("The.Matrix.1999.1080p.BluRay.x264-XYZ");
    video(movie.resolve("The.Matrix.1999.1080p.BluRay.x264-XYZ.mkv"));
    video(movie.resolve("Featurettes/Making of.mkv"));
    Files.writeString(movie.resolve("movie.nfo"), "<movie/>");
    Files.writeString(movie.resolve("poster.jpg"), "jpg");
    Files.createDirectories(movie.resolve("Subs"));
    Files.writeString(movie.resolve("Subs/2_English.srt"), "1\n");
    video(in.resolve("Daily.Show.2024.03.14.Guest.Name.720p.mkv"));
    video(in.resolve("Show.Name.S00E05.Special.mkv"));
    video(in.resolve("Another.Show.S02E03E04.mkv"));
    video(in.resolve("Heat.1995.Directors.Cut.mkv"));
    Files.copy(
        movie.resolve("The.Matrix.1999.1080p.BluRay.x264-XYZ.mkv"), in.resolve("matrix copy.mkv"));
    Files.write(in.resolve("Broken.Film.2001.mkv"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    video(in.resolve("sample.mkv"));
  }

  /** Runs reel in-process with this cache folder (and -q, except for commands without it). */
  static ProbeCommandTest.Run reel(Path cache, String... args) {
    java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of(args));
    a.add("--cache");
    a.add(cache.toString());
    if (!args[0].equals("runs")) {
      a.add("-q");
    }
    return ProbeCommandTest.run(a.toArray(String[]::new));
  }

  /** The JSON objects of a JSON-lines output. */
  static java.util.List<com.fasterxml.jackson.databind.JsonNode> jsonLines(String out)
      throws IOException {
    java.util.List<com.fasterxml.jackson.databind.JsonNode> l = new java.util.ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        l.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line));
      }
    }
    return l;
  }

  /** Every regular file below {@code dir} with its SHA-256, by path relative to {@code dir}. */
  static Map<String, String> contents(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    if (!Files.exists(dir)) {
      return m;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        m.put(dir.relativize(p).toString(), sha256(p));
      }
    }
    return m;
  }

  /** Every entry (files, folders, links) below {@code dir}, relative. */
  static java.util.List<String> entries(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return java.util.List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }

  static String sha256(Path p) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
