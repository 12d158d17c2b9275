package dev.reel.identify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Tells what a video file is from its name and folders. Thread-safe: one instance serves every
 * thread. An instance made by {@link #rememberingFolders()} keeps the readings of folder names, for
 * jobs that identify many files of the same folders (a season pack is read once, not per episode).
 *
 * <p>The file name is read first; up to three parent folders fill in what it lacks (the show or
 * movie title, the season, the year). Bad input never throws: control characters and lone
 * surrogates become spaces, very long names are cut to {@value #MAX_LENGTH} characters, and a name
 * with nothing to read gives an identity with at most its container.
 */
public final class Identifier {
  static final int MAX_LENGTH = 4096;
  static final int MAX_SEGMENT = 255;
  private static final int FOLDERS = 3;

  private static final Set<String> CONTAINERS =
      Set.of(
          "mkv", "mp4", "m4v", "avi", "mov", "wmv", "ts", "m2ts", "webm", "mpg", "mpeg", "flv",
          "ogv", "ogm", "3gp", "divx", "vob", "iso", "mk3d", "mka", "srt", "sub", "idx", "ass",
          "ssa", "vtt", "nfo", "torrent", "nzb", "rmvb", "rm", "asf", "qt", "mp3", "flac", "m4a");
  private static final Set<String> SUBTITLE_FILES =
      Set.of("srt", "sub", "idx", "ass", "ssa", "vtt");
  private static final Set<String> GENERIC_FOLDERS =
      Set.of(
          "movies",
          "movie",
          "films",
          "film",
          "tv",
          "tv shows",
          "tvshows",
          "shows",
          "series",
          "videos",
          "video",
          "downloads",
          "download",
          "media",
          "complete",
          "anime",
          "home",
          "mnt",
          "data",
          "share",
          "users",
          "volumes",
          "storage",
          "library",
          "incoming",
          "torrents",
          "new",
          "extras",
          "specials",
          "featurettes",
          "trailers",
          "behind the scenes",
          "deleted scenes",
          "interviews",
          "scenes",
          "shorts",
          "other",
          "samples",
          "sample");

  private static final int FOLDER_MEMO_MAX = 20_000;
  private final java.util.concurrent.ConcurrentHashMap<String, TitledParse> folderMemo;

  private final java.time.LocalDate today;

  /** An identifier as of today (the day tells "15.01.31" from a date still to come). */
  public Identifier() {
    this(java.time.LocalDate.now());
  }

  /**
   * An identifier as of {@code today}: the only use of the calendar in reading a name, so that a
   * name reads the same on any day when the day is given.
   */
  public Identifier(java.time.LocalDate today) {
    this(null, today);
  }

  private Identifier(
      java.util.concurrent.ConcurrentHashMap<String, TitledParse> folderMemo,
      java.time.LocalDate today) {
    this.folderMemo = folderMemo;
    this.today = java.util.Objects.requireNonNull(today, "today");
  }

  /** An identifier that remembers how it read folder names (up to 20,000 of them). */
  public static Identifier rememberingFolders() {
    return new Identifier(
        new java.util.concurrent.ConcurrentHashMap<>(), java.time.LocalDate.now());
  }

  private TitledParse folderParse(String folder, Hints hints) {
    if (folderMemo == null || hints != Hints.NONE) {
      return parseWithHints(folder, false, hints);
    }
    TitledParse known = folderMemo.get(folder);
    if (known != null) {
      return known;
    }
    TitledParse p = parseWithHints(folder, false, hints);
    if (folderMemo.size() >= FOLDER_MEMO_MAX) {
      folderMemo.clear();
    }
    folderMemo.put(folder, p);
    return p;
  }

  /** Identifies a path or bare name. */
  public Identity identify(String pathOrName) {
    return identify(pathOrName, Hints.NONE);
  }

  /** Identifies a path or bare name with what the caller already knows. */
  public Identity identify(String pathOrName, Hints hints) {
    String input = pathOrName == null ? "" : pathOrName;
    String clean = PathText.sanitize(input);
    List<String> segments = new ArrayList<>();
    for (String s : PathText.segments(clean)) {
      String t = s.strip();
      if (!t.isEmpty() && !(t.length() == 2 && t.charAt(1) == ':')) {
        // no file system allows a longer name (NAME_MAX); longer input is cut, which bounds
        // the work for any input
        segments.add(t.length() > MAX_SEGMENT ? t.substring(t.length() - MAX_SEGMENT) : t);
      }
    }
    Map<String, Object> props = new LinkedHashMap<>();
    if (segments.isEmpty()) {
      return new Identity(input, props);
    }
    String file = segments.get(segments.size() - 1);
    int dot = file.lastIndexOf('.');
    if (dot > 0 && dot < file.length() - 1) {
      String ext = file.substring(dot + 1).toLowerCase(Locale.ROOT);
      if (CONTAINERS.contains(ext)) {
        props.put("container", ext);
        file = file.substring(0, dot);
      }
    } else if (dot == 0 && CONTAINERS.contains(file.substring(1).toLowerCase(Locale.ROOT))) {
      props.put("container", file.substring(1).toLowerCase(Locale.ROOT));
      return new Identity(input, props);
    }
    boolean reversed = PathText.reversed(file);
    if (reversed) {
      file = new StringBuilder(file).reverse().toString(); // "...10E20S.retraC.gnidniF"
    }
    LibraryTags.Stripped stripped = LibraryTags.strip(file);
    file = stripped.name();
    TitledParse main = parseWithHints(file, true, hints);
    props.putAll(main.parse().properties());
    if (stripped.edition() != null) {
      props.put("edition", stripped.edition());
    }
    if (props.get("container") instanceof String ext
        && SUBTITLE_FILES.contains(ext)
        && props.containsKey("language")
        && !props.containsKey("subtitle_language")) {
      props.put("subtitle_language", props.remove("language")); // "Show.S01E02.eng.srt"
    }
    String title = main.title() == null ? null : withLeadingArticle(main.title());
    String episodeTitle = main.parse().episodeTitle();
    String group = main.parse().releaseGroup();
    String folderTitle = null;
    List<String> folders = new ArrayList<>();
    for (int j = segments.size() - 2; j >= 0 && folders.size() < FOLDERS; j--) {
      folders.add(segments.get(j));
    }
    for (String folder : folders) {
      if (GENERIC_FOLDERS.contains(folder.toLowerCase(Locale.ROOT))) {
        continue;
      }
      TitledParse fp = folderParse(folder, hints);
      Map<String, Object> fprops = fp.parse().properties();
      if (!props.containsKey("season")
          && fprops.containsKey("season")
          && fprops.containsKey("episode")
          && props.containsKey("episode")) {
        props.put("season", fprops.get("season")); // "Show.S02E05.../160725_02.mkv"
        props.put("episode", fprops.get("episode"));
      }
      for (Map.Entry<String, Object> e : fp.parse().properties().entrySet()) {
        if (!props.containsKey(e.getKey()) && inheritable(e.getKey())) {
          props.put(e.getKey(), e.getValue());
        }
      }
      if (episodeTitle == null
          && fp.parse().episodeTitle() != null
          && (props.get("episode") == null
              || Objects.equals(fprops.get("episode"), props.get("episode")))) {
        episodeTitle = fp.parse().episodeTitle(); // an obfuscated file in its release folder
      }
      if (folderTitle == null && fp.title() != null) {
        folderTitle = fp.title();
      }
      if (fp.title() != null && (title == null || preferFolderTitle(title, fp))) {
        title = fp.title();
      }
      String folderGroup = fp.parse().releaseGroup();
      if ((group == null || reversed) && folderGroup != null && title != null) {
        group = folderGroup; // a reversed name is a repost: its folder is the release
        reversed = false;
      } else if (group != null
          && folderGroup != null
          && group.equalsIgnoreCase(folderGroup)
          && lowerCaseOnly(group)) {
        group = folderGroup; // "-ethel.mkv" in "...-ETHEL/": the release's own spelling
      }
    }
    if (props.containsKey("season")
        && !props.containsKey("episode")
        && file.length() <= 3
        && !file.isEmpty()
        && file.chars().allMatch(c -> c >= '0' && c <= '9')) {
      props.put("episode", Integer.parseInt(file)); // "Show S01/05.mkv": the season's 5th file
      episodeTitle = null;
      if (file.equals(title) && folderTitle != null) {
        title = folderTitle;
      }
    }
    boolean fileWasEpisodic =
        main.parse().properties().containsKey("season")
            || main.parse().properties().containsKey("episode")
            || main.parse().properties().containsKey("date");
    if (!fileWasEpisodic
        && props.containsKey("season")
        && folderTitle != null
        && title != null
        && episodeTitle == null
        && !title.equals(folderTitle)) {
      episodeTitle = title; // "Caprica (2008)/Season 1/Apotheosis.mp4"
      title = folderTitle;
    }
    if (title == null && episodeTitle != null) {
      int dash = episodeTitle.indexOf(" - ");
      if (dash > 0) { // "003. Show Name - Ep Name.avi": the show comes first
        title = episodeTitle.substring(0, dash).strip();
        episodeTitle = episodeTitle.substring(dash + 3).strip();
      } else if (!props.containsKey("season")) {
        title = episodeTitle; // "03 - Name.mkv" with no show folder: the name is all we have
        episodeTitle = null;
      }
    }
    if (title != null && episodeTitle != null) {
      String repeated = title + " - ";
      if (episodeTitle.regionMatches(true, 0, repeated, 0, repeated.length())) {
        episodeTitle = episodeTitle.substring(repeated.length()).strip(); // "2x05 - Show - Name"
      }
    }
    putTitle(props, title);
    if (episodeTitle != null) {
      props.put("episode_title", episodeTitle);
    }
    if (group != null) {
      props.put("release_group", group);
    }
    if (props.get("screen_size") instanceof List<?> sizes && sizes.contains("2160p")) {
      List<Object> rest = new ArrayList<>(sizes);
      rest.remove("2160p"); // "1080p.BluRay.4K.REMASTERED": 4K names the master, not the file
      props.put("screen_size", rest.size() == 1 ? rest.get(0) : rest);
    }
    for (String key : List.of("language", "subtitle_language")) {
      if (props.get(key) instanceof List<?> langs && langs.contains("und")) {
        List<Object> known = new ArrayList<>(langs);
        known.remove("und"); // "German.Dubbed", "Legendado.PT-BR": the language is known
        props.put(key, known.size() == 1 ? known.get(0) : known);
      }
    }
    deriveUltraHdBluray(props);
    String type = hints.type();
    if (type == null) {
      type =
          props.containsKey("episode")
                  || props.containsKey("season")
                  || props.containsKey("date") && !main.parse().dayInFront()
                  || props.containsKey("episode_details")
                  || animationEpisode(props.get("other"))
              ? "episode"
              : "movie";
    }
    props.put("type", type);
    String extra = Extras.detect(segments, props);
    if (extra != null) {
      props.put("extra", extra);
    }
    return new Identity(input, props);
  }

  /**
   * Whether a folder's title is better than the file's: the file name repeats it (folders are
   * usually written with care), or the file name is an obfuscated scene abbreviation
   * ("wthd-cab.avi") inside a release folder.
   */
  private static boolean preferFolderTitle(String fileTitle, TitledParse folder) {
    String f = squash(fileTitle);
    String d = squash(folder.title());
    if (f.equals(d)) { // same words: the folder wins only when it kept accents or capitals
      return !folder.title().chars().allMatch(c -> c < 128)
          || lowerCaseOnly(fileTitle) && !lowerCaseOnly(folder.title()); // "the.bear.s02e05"
    }
    if (d.length() >= 3 && f.contains(d)) {
      // the folder's spelling wins ("La Science des Rêves"), unless the file only adds a
      // leading article ("The Simpsons" inside "Simpsons/")
      return !ARTICLE_PREFIX.matcher(f.substring(0, f.length() - d.length())).matches()
          || !f.endsWith(d);
    }
    boolean oneWord = !fileTitle.contains(" ");
    return oneWord && folder.parse().properties().size() >= 2;
  }

  private static boolean lowerCaseOnly(String s) {
    return s.chars().noneMatch(Character::isUpperCase);
  }

  private static final java.util.regex.Pattern ARTICLE_PREFIX =
      java.util.regex.Pattern.compile("the|a|an|le|la|les|der|die|das|el");

  private static String squash(String s) {
    s = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString();
  }

  /** An OVA or ONA ("Show ONA v2") is an episode of its show. */
  private static boolean animationEpisode(Object other) {
    return MatchProperties.holds(other, "Original Video Animation")
        || MatchProperties.holds(other, "Original Net Animation");
  }

  /** Blu-ray with UHD, 2160p or 4K is an Ultra HD Blu-ray. */
  private static void deriveUltraHdBluray(Map<String, Object> props) {
    if (!"Blu-ray".equals(props.get("source"))) {
      return;
    }
    Object other = props.get("other");
    boolean uhd = MatchProperties.holds(other, "Ultra HD");
    if (uhd || "2160p".equals(props.get("screen_size"))) {
      props.put("source", "Ultra HD Blu-ray");
      if (other instanceof List<?> l) {
        List<Object> rest = new ArrayList<>(l);
        rest.remove("Ultra HD");
        props.put("other", rest.size() == 1 ? rest.get(0) : rest);
      } else if (uhd) {
        props.remove("other");
      }
    }
  }

  private static boolean inheritable(String property) {
    return !property.equals("episode_title")
        && !property.equals("container")
        && !property.equals("crc32")
        && !property.equals("version");
  }

  private static final java.util.regex.Pattern TRAILING_ARTICLE =
      java.util.regex.Pattern.compile(
          "(?i)^(.+?),\\s*(the|a|an|le|la|les|l'|der|die|das|el|los|las|il)$");

  /** "Simpsons, The" is "The Simpsons". */
  private static String withLeadingArticle(String title) {
    if (title.indexOf(',') < 0) {
      return title;
    }
    java.util.regex.Matcher article = TRAILING_ARTICLE.matcher(title);
    return article.matches() ? article.group(2) + " " + article.group(1) : title;
  }

  private static void putTitle(Map<String, Object> props, String title) {
    if (title == null) {
      return;
    }
    title = withLeadingArticle(title);
    int dash = title.indexOf(" - ");
    if (dash < 0) {
      dash = title.indexOf("--"); // "OSS_117--Cairo,_Nest_of_Spies"
    }
    if (dash > 0 && dash + 3 < title.length()) {
      props.put("title", title.substring(0, dash).strip());
      props.put("alternative_title", title.substring(dash + 2).replaceFirst("^-", "").strip());
    } else {
      props.put("title", title);
    }
  }

  private record TitledParse(SegmentParse parse, String title) {}

  /** Parses a segment; a known title at its start is taken as the title and the rest parsed. */
  private TitledParse parseWithHints(String segment, boolean fileName, Hints hints) {
    String known = null;
    int cut = -1;
    for (String t : hints.knownTitles()) {
      int end = prefixEnd(segment, t);
      if (end > cut) {
        cut = end;
        known = t;
      }
    }
    if (known != null) {
      SegmentParse rest = SegmentParser.parse(segment.substring(cut), fileName, today);
      return new TitledParse(rest, known);
    }
    SegmentParse p = SegmentParser.parse(segment, fileName, today);
    return new TitledParse(p, p.title());
  }

  /** Where {@code title}'s words end in {@code segment} when it starts with them, else -1. */
  private static int prefixEnd(String segment, String title) {
    List<Token> want = Tokenizer.tokens(title);
    List<Token> have = Tokenizer.tokens(segment);
    if (want.isEmpty() || have.size() < want.size()) {
      return -1;
    }
    for (int i = 0; i < want.size(); i++) {
      if (!want.get(i).lower().equals(have.get(i).lower())) {
        return -1;
      }
    }
    return have.get(want.size() - 1).end();
  }
}
