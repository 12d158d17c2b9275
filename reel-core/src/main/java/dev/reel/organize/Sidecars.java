package dev.reel.organize;

import dev.reel.identify.Languages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the files that belong to a video and must follow it: subtitles, {@code .nfo}, posters and
 * fanart.
 *
 * <p>A sidecar belongs to the video in its folder whose file name it starts with ({@code
 * Movie.2010.mkv} owns {@code Movie.2010.en.forced.srt} and {@code Movie.2010-poster.jpg}; the
 * longest such name wins); its target keeps what follows that name. In a folder (or its {@code
 * Subs} folder, as some releases ship them) with a single video, the other subtitles and the {@code
 * .nfo} belong to it too: their language and forced/SDH tags are read from their names ({@code
 * 2_English.srt} becomes {@code .en.srt}); {@code poster.jpg} and {@code fanart.jpg} go to a
 * movie's folder under their own names. A sidecar that fits no video is left where it is.
 */
final class Sidecars {
  static final Set<String> SUBTITLES = Set.of("srt", "ass", "ssa", "sub", "idx", "vtt", "sup");
  static final Set<String> EXTENSIONS =
      Set.of("srt", "ass", "ssa", "sub", "idx", "vtt", "sup", "nfo", "jpg", "jpeg", "png", "tbn");
  private static final Set<String> ARTWORK =
      Set.of(
          "poster",
          "fanart",
          "folder",
          "cover",
          "banner",
          "backdrop",
          "landscape",
          "clearlogo",
          "clearart",
          "logo",
          "disc",
          "thumb");
  private static final Set<String> TAGS = Set.of("forced", "sdh", "cc", "hi", "default");

  /** A sidecar attached to a video: the file, and how its target is named. */
  record Attached(Path file, Naming how, String suffix) {}

  /** How an attached sidecar's target is named. */
  enum Naming {
    /** The video's target name (without extension) followed by the suffix. */
    AFTER_VIDEO,
    /** The suffix as the whole name, in the video's target folder (movie artwork). */
    IN_FOLDER
  }

  private Sidecars() {}

  /**
   * Attaches sidecars to videos.
   *
   * @param videos the main videos (movies and episodes) by source path
   * @param movies which of them are movies (artwork with generic names goes only to movies)
   * @return for each video that has any, its sidecars
   */
  static Map<Path, List<Attached>> attach(
      List<Path> sidecars, List<Path> videos, Set<Path> movies) {
    Map<Path, List<Path>> byFolder = new HashMap<>();
    for (Path v : videos) {
      byFolder.computeIfAbsent(v.getParent(), k -> new ArrayList<>()).add(v);
    }
    Map<Path, List<Attached>> out = new HashMap<>();
    for (Path s : sidecars) {
      Owned o = attachOne(s, byFolder, movies);
      if (o != null) {
        out.computeIfAbsent(o.owner, k -> new ArrayList<>()).add(o.sidecar);
      }
    }
    return out;
  }

  private record Owned(Path owner, Attached sidecar) {}

  private static Owned attachOne(Path s, Map<Path, List<Path>> byFolder, Set<Path> movies) {
    String name = s.getFileName().toString();
    String ext = ext(name);
    Path folder = s.getParent();
    // by name: the video in the same folder whose stem starts the sidecar's name
    Path best = null;
    int bestLen = -1;
    for (Path v : byFolder.getOrDefault(folder, List.of())) {
      String stem = stem(v.getFileName().toString());
      if (name.length() > stem.length()
          && name.startsWith(stem)
          && (name.charAt(stem.length()) == '.' || name.charAt(stem.length()) == '-')
          && stem.length() > bestLen) {
        best = v;
        bestLen = stem.length();
      }
    }
    if (best != null) {
      return owned(new Attached(s, Naming.AFTER_VIDEO, name.substring(bestLen)), best);
    }
    // the single video of this folder, or of the folder above a Subs folder
    Path only = single(byFolder.get(folder));
    if (only == null && folder != null && isSubsFolder(folder)) {
      only = single(byFolder.get(folder.getParent()));
    }
    if (only == null
        && folder != null
        && folder.getParent() != null
        && isSubsFolder(folder.getParent())) {
      // Subs/<episode name>/2_English.srt
      for (Path v : byFolder.getOrDefault(folder.getParent().getParent(), List.of())) {
        if (stem(v.getFileName().toString()).equals(folder.getFileName().toString())) {
          only = v;
        }
      }
    }
    if (only == null) {
      return null;
    }
    String lower = ext.toLowerCase(Locale.ROOT);
    if (SUBTITLES.contains(lower)) {
      return owned(new Attached(s, Naming.AFTER_VIDEO, subtitleTags(stem(name)) + "." + ext), only);
    }
    if (lower.equals("nfo")) {
      return owned(new Attached(s, Naming.AFTER_VIDEO, "." + ext), only);
    }
    String base = stem(name).toLowerCase(Locale.ROOT);
    if (ARTWORK.contains(base) && movies.contains(only)) {
      return owned(new Attached(s, Naming.IN_FOLDER, base + "." + lower), only);
    }
    return null;
  }

  private static Owned owned(Attached a, Path owner) {
    return new Owned(owner, a);
  }

  private static boolean isSubsFolder(Path folder) {
    String n = folder.getFileName() == null ? "" : folder.getFileName().toString();
    return n.equalsIgnoreCase("subs") || n.equalsIgnoreCase("subtitles");
  }

  private static Path single(List<Path> videos) {
    return videos != null && videos.size() == 1 ? videos.get(0) : null;
  }

  /** ".en.forced" from "2_English.Forced", "" when no tag is found. */
  static String subtitleTags(String stem) {
    StringBuilder b = new StringBuilder();
    String language = null;
    List<String> tags = new ArrayList<>();
    for (String word : stem.split("[._\\-\\s\\[\\]()]+")) {
      if (word.isEmpty()) {
        continue;
      }
      String w = word.toLowerCase(Locale.ROOT);
      if (TAGS.contains(w)) {
        tags.add(w.equals("hi") || w.equals("cc") ? "sdh" : w);
      } else if (language == null && w.length() >= 2 && !w.chars().allMatch(Character::isDigit)) {
        language = Languages.code(w);
      }
    }
    if (language != null) {
      b.append('.').append(language);
    }
    for (String t : tags) {
      b.append('.').append(t);
    }
    return b.toString();
  }

  static String stem(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  static String ext(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(dot + 1) : "";
  }
}
