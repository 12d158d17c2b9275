package dev.reel.organize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Computes where a video goes, relative to the library root, from what it is: the format renders
 * folders and file name, each component is made safe, and the extension is the source's own.
 */
final class TargetNamer {
  private final Naming naming;

  TargetNamer(Naming naming) {
    this.naming = naming;
  }

  /** The path of a movie or episode below the library root, '/'-separated. */
  String mainTarget(Subject s, Quality q, String ext) {
    NameTemplate t =
        s.kind() == Subject.Kind.EPISODE ? naming.episodeFormat() : naming.movieFormat();
    return finish(t.render(values(s, q, ext), naming.safeNames()::value), ext, t.hasToken("ext"));
  }

  /**
   * The path of an extra: in the extras folder of its movie or show (the folder of {@code
   * ownerTarget}, or the show folder for an episode), named after its own file.
   */
  String extraTarget(String ownerTarget, Subject owner, String kind, String stem, String ext) {
    String folder = ownerTarget.substring(0, Math.max(0, ownerTarget.lastIndexOf('/')));
    if (owner != null && owner.kind() == Subject.Kind.EPISODE && folder.contains("/")) {
      folder = folder.substring(0, folder.lastIndexOf('/')); // the show's folder, not the season's
    }
    String name = naming.safeNames().component(stem, "." + ext);
    return (folder.isEmpty() ? "" : folder + "/") + naming.layout().extraFolder(kind) + "/" + name;
  }

  /** The folder of an extra whose movie is not in this run: named from the extra's own subject. */
  String ownerlessFolder(Subject s) {
    Subject asMovie =
        new Subject(
            Subject.Kind.MOVIE,
            s.title(),
            s.year(),
            null,
            List.of(),
            null,
            null,
            null,
            null,
            null,
            null,
            s.tmdbId());
    return mainTarget(asMovie, null, "x");
  }

  private String finish(String rendered, String ext, boolean templateHasExt) {
    String[] parts = rendered.split("/", -1);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      boolean last = i == parts.length - 1;
      String p = parts[i];
      if (last) {
        String suffix = "." + ext;
        String stem = p;
        if (templateHasExt
            && p.toLowerCase(Locale.ROOT).endsWith(suffix.toLowerCase(Locale.ROOT))) {
          stem = p.substring(0, p.length() - suffix.length());
        }
        out.add(naming.safeNames().component(stem, suffix));
      } else if (!p.isBlank()) {
        out.add(naming.safeNames().component(p, ""));
      }
    }
    return String.join("/", out);
  }

  private Map<String, Object> valuesMap(Subject s, Quality q, String ext) {
    Map<String, Object> v = new HashMap<>();
    v.put("title", s.title());
    v.put("year", s.year());
    v.put("season", s.season());
    if (!s.episodes().isEmpty()) {
      v.put("episode", s.episodes().get(0));
      v.put("episode_range", s.episodes());
    } else if (s.date() != null) {
      v.put("date", s.date().toString());
    }
    v.put("episode_title", s.episodeTitle());
    v.put("edition", s.edition());
    v.put("part", s.part());
    String resolution = q == null ? null : q.resolution();
    v.put("resolution", resolution != null ? resolution : s.screenSize());
    v.put("video_codec", q == null ? null : q.videoCodec());
    v.put("tmdb", s.tmdbId() == null ? null : s.tmdbId().toString());
    v.put("ext", ext);
    return v;
  }

  private NameTemplate.Values values(Subject s, Quality q, String ext) {
    return new NameTemplate.Values(valuesMap(s, q, ext));
  }
}
