package dev.reel.organize;

import dev.reel.concurrent.StopToken;
import dev.reel.job.JobFailedException;
import dev.reel.progress.ProgressModel;
import dev.reel.walk.WalkedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Decides what happens to every scanned file. It needs the whole set at once (duplicates and
 * conflicts are between files), so the records it works on are small.
 *
 * <p>In order: unplayable and unknown files stay (or unplayable ones go to the quarantine);
 * byte-identical files are found and all but one are duplicates; of several files of the same
 * episode or movie the best by {@link Quality} wins and the others are duplicates; winners get
 * their library names, extras go next to the movie or show they belong to, sidecars follow their
 * video. A target is never one that exists or that another action of the plan has taken: identical
 * content already in the library makes the file a duplicate, other content is a conflict.
 */
final class Planner {
  private final OrganizeRequest request;
  private final TargetNamer namer;
  private final DuplicateFinder duplicates;
  private final Consumer<String> warnings;
  private final Targets targets;
  private final List<PlannedAction> acting = new ArrayList<>();
  private final List<PlannedAction> staying = new ArrayList<>();

  Planner(OrganizeRequest request, ContentHasher hasher, Consumer<String> warnings) {
    this.request = request;
    this.namer = new TargetNamer(request.naming());
    this.duplicates = new DuplicateFinder(hasher, warnings);
    this.warnings = warnings;
    this.hasher = hasher;
    this.targets = new Targets(hasher, warnings);
  }

  private final ContentHasher hasher;

  /** A video that will be placed, with where. */
  private record Placed(ScannedFile file, Path target, Verb verb, String group) {}

  Plan plan(
      List<ScannedFile> videos, List<WalkedFile> sidecars, StopToken stop, ProgressModel progress) {
    List<ScannedFile> candidates = new ArrayList<>();
    for (ScannedFile f : videos) {
      if (!f.playable()) {
        unplayable(f);
      } else if (f.subject().kind() == Subject.Kind.AMBIGUOUS) {
        stay(
            f,
            ActionKind.UNKNOWN,
            "the online lookup was not sure which show or movie this is (see --min-confidence)");
      } else if (f.subject().kind() == Subject.Kind.UNKNOWN) {
        stay(
            f,
            ActionKind.UNKNOWN,
            "sample".equals(f.subject().extra())
                ? "a sample"
                : f.subject().title() == null
                    ? "the name says nothing about what it is"
                    : "no episode number or date in the name");
      } else {
        candidates.add(f);
      }
    }
    progress.beginPhase("hash");
    Map<ScannedFile, ScannedFile> copies =
        duplicates.copies(
            candidates,
            Comparator.comparingInt(Planner::nameScore).reversed().thenComparing(preference()),
            stop,
            progress);
    progress.beginPhase("plan");
    Map<String, List<ScannedFile>> byKey = new LinkedHashMap<>();
    List<ScannedFile> extras = new ArrayList<>();
    for (ScannedFile f : candidates) {
      ScannedFile original = copies.get(f);
      if (original != null) {
        duplicate(f, "same bytes as " + original.file().path());
      } else if (f.subject().kind() == Subject.Kind.EXTRA) {
        extras.add(f);
      } else {
        String key = f.subject().key();
        if (request.naming().keepVersions()) {
          key += "|" + f.quality().resolution();
        }
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
      }
    }
    Map<Path, Placed> placed = new HashMap<>();
    Map<Path, Placed> mainByFolder = new HashMap<>();
    Set<Path> movies = new HashSet<>();
    for (List<ScannedFile> same : byKey.values()) {
      List<ScannedFile> ranked = new ArrayList<>(same);
      ranked.sort(preference());
      ScannedFile best = ranked.get(0);
      String rel = namer.mainTarget(best.subject(), best.quality(), ext(best));
      Placed p = place(best, rel, best.subject().group());
      if (p != null) {
        placed.put(best.file().path(), p);
        Path folder = best.file().path().getParent();
        Placed first = mainByFolder.putIfAbsent(folder, p);
        if (first != null && first != MIXED && !first.group().equals(p.group())) {
          mainByFolder.put(folder, MIXED);
        }
        if (best.subject().kind() == Subject.Kind.MOVIE) {
          movies.add(best.file().path());
        }
      }
      for (int i = 1; i < ranked.size(); i++) {
        ScannedFile worse = ranked.get(i);
        duplicate(
            worse,
            "same "
                + worse.subject().kind().label()
                + " as "
                + best.file().path().getFileName()
                + ", lower quality ("
                + worse.quality().describe()
                + " < "
                + best.quality().describe()
                + ")");
      }
    }
    for (ScannedFile extra : extras) {
      Placed owner = ownerOf(extra, mainByFolder);
      String stem = Sidecars.stem(extra.file().path().getFileName().toString());
      String rel;
      String group;
      if (owner != null) {
        String ownerRel = request.library().relativize(owner.target).toString().replace('\\', '/');
        rel =
            namer.extraTarget(
                ownerRel, owner.file.subject(), extra.subject().extra(), stem, ext(extra));
        group = owner.group;
      } else {
        rel =
            namer.extraTarget(
                namer.ownerlessFolder(extra.subject()),
                null,
                extra.subject().extra(),
                stem,
                ext(extra));
        group = extra.subject().group();
      }
      Placed p = place(extra, rel, group);
      if (p != null) {
        placed.put(extra.file().path(), p);
      }
    }
    planSidecars(sidecars, videos, placed, movies);
    acting.sort(
        Comparator.comparing((PlannedAction a) -> a.target().getParent().toString())
            .thenComparing(a -> a.target().getFileName().toString()));
    List<PlannedAction> all = new ArrayList<>(acting);
    all.addAll(staying);
    hasher.flush();
    return new Plan(request.library(), request.action(), all);
  }

  /** How much a name says: of identical files, the one whose name says most is kept. */
  private static int nameScore(ScannedFile f) {
    Subject s = f.subject();
    int score =
        switch (s.kind()) {
          case EPISODE -> 4;
          case MOVIE -> 3;
          case EXTRA -> 1;
          case UNKNOWN, AMBIGUOUS -> 0;
        };
    score = score * 4 + (s.year() != null ? 1 : 0) + (s.episodeTitle() != null ? 1 : 0);
    return score;
  }

  /** Best first: playable and higher quality, then the first found. */
  private static Comparator<ScannedFile> preference() {
    return Comparator.comparing(ScannedFile::quality, Quality.BEST_FIRST)
        .thenComparing(f -> f.file().path());
  }

  /** Marks a folder holding videos of several shows or movies: no owner for extras there. */
  private static final Placed MIXED = new Placed(null, Path.of("/"), Verb.NONE, "");

  private Placed ownerOf(ScannedFile extra, Map<Path, Placed> mainByFolder) {
    Path root = extra.file().root();
    for (Path f = extra.file().path().getParent(); f != null; f = f.getParent()) {
      Placed p = mainByFolder.get(f);
      if (p == MIXED) {
        return null;
      }
      if (p != null) {
        return p;
      }
      if (f.equals(root)) {
        break;
      }
    }
    return null;
  }

  /**
   * Places a video at its library name, or plans it as duplicate or conflict; null if not placed.
   */
  private Placed place(ScannedFile f, String relative, String group) {
    ActionKind kind =
        switch (f.subject().kind()) {
          case EPISODE -> ActionKind.EPISODE;
          case MOVIE -> ActionKind.MOVIE;
          default -> ActionKind.EXTRA;
        };
    Path target = request.library().resolve(relative).normalize();
    if (target.equals(f.file().path())) {
      stay(f, kind, "already in place");
      return new Placed(f, target, Verb.NONE, group);
    }
    Path free = target;
    for (int n = 2; ; n++) {
      Targets.Existing e =
          targets.existing(free, f.file().path(), f.file().sizeBytes(), f.file().modified());
      if (e == Targets.Existing.NONE) {
        break;
      }
      if (e == Targets.Existing.SAME_FILE) {
        stay(f, kind, "already in the library as " + free);
        return new Placed(f, free, Verb.NONE, group); // still the owner of its extras and sidecars
      }
      if (e == Targets.Existing.IDENTICAL) {
        duplicate(f, "identical to " + free + ", already in the library");
        return request.action() == Verb.MOVE ? null : new Placed(f, free, Verb.NONE, group);
      }
      if (request.onConflict() == OnConflict.SKIP || n > 99) {
        stay(f, ActionKind.CONFLICT, free + " exists with other content");
        return null;
      }
      if (request.onConflict() == OnConflict.FAIL) {
        throw new JobFailedException(
            "target "
                + free
                + " exists with other content than "
                + f.file().path()
                + "; nothing was changed (--on-conflict fail)");
      }
      free = Targets.indexed(target, n);
    }
    targets.claim(free);
    add(kind, request.action(), f.file(), free, group, "");
    return new Placed(f, free, request.action(), group);
  }

  private void planSidecars(
      List<WalkedFile> sidecars,
      List<ScannedFile> videos,
      Map<Path, Placed> placed,
      Set<Path> movies) {
    Map<Path, WalkedFile> byPath = new HashMap<>();
    for (WalkedFile s : sidecars) {
      byPath.put(s.path(), s);
    }
    Map<Path, List<Sidecars.Attached>> attached =
        Sidecars.attach(
            sidecars.stream().map(WalkedFile::path).toList(),
            videos.stream().map(v -> v.file().path()).toList(),
            movies);
    Map<Path, PlannedAction> movedAside = new HashMap<>();
    for (PlannedAction a : acting) {
      if (a.kind() == ActionKind.DUPLICATE || a.kind() == ActionKind.UNPLAYABLE) {
        movedAside.put(a.source(), a);
      }
    }
    List<Path> owners = new ArrayList<>(attached.keySet());
    owners.sort(null);
    for (Path ownerPath : owners) {
      Placed owner = placed.get(ownerPath);
      PlannedAction aside = movedAside.get(ownerPath);
      for (Sidecars.Attached a : attached.get(ownerPath)) {
        WalkedFile s = byPath.get(a.file());
        if (owner == null && aside != null && a.how() == Sidecars.Naming.AFTER_VIDEO) {
          // follows its video into the duplicates or quarantine folder, under its own name
          Path target = aside.target().resolveSibling(s.path().getFileName().toString());
          if (!targets.isClaimed(target) && !targets.exists(target)) {
            targets.claim(target);
            add(
                ActionKind.SIDECAR,
                Verb.MOVE,
                s,
                target,
                aside.group(),
                "follows " + ownerPath.getFileName());
          }
          continue;
        }
        if (owner == null) {
          continue; // its video stays: so does it
        }
        Path target;
        if (a.how() == Sidecars.Naming.IN_FOLDER) {
          target = owner.target.resolveSibling(a.suffix());
        } else {
          String videoName = owner.target.getFileName().toString();
          String stem = Sidecars.stem(videoName);
          target =
              owner.target.resolveSibling(request.naming().safeNames().component(stem, a.suffix()));
        }
        Targets.Existing e = targets.existing(target, s.path(), s.sizeBytes(), null);
        switch (e) {
          case NONE -> {
            targets.claim(target);
            add(
                ActionKind.SIDECAR,
                owner.verb,
                s,
                target,
                owner.group,
                "follows " + ownerPath.getFileName());
          }
          case SAME_FILE, IDENTICAL ->
              staying.add(
                  new PlannedAction(
                      ActionKind.SIDECAR,
                      Verb.NONE,
                      s.path(),
                      null,
                      s.sizeBytes(),
                      s.modified(),
                      owner.group,
                      "already in the library as " + target));
          case OTHER ->
              staying.add(
                  new PlannedAction(
                      ActionKind.CONFLICT,
                      Verb.NONE,
                      s.path(),
                      null,
                      s.sizeBytes(),
                      s.modified(),
                      owner.group,
                      target + " exists with other content"));
        }
      }
    }
  }

  private void unplayable(ScannedFile f) {
    String why = f.problem();
    if (request.quarantineDir() != null) {
      Path target = aside(request.quarantineDir(), f.file());
      add(ActionKind.UNPLAYABLE, Verb.MOVE, f.file(), target, "", why);
    } else {
      stay(f, ActionKind.UNPLAYABLE, why);
    }
  }

  private void duplicate(ScannedFile f, String why) {
    if (request.action() == Verb.MOVE) {
      Path target = aside(request.duplicatesDir(), f.file());
      add(ActionKind.DUPLICATE, Verb.MOVE, f.file(), target, f.subject().group(), why);
    } else {
      stay(f, ActionKind.DUPLICATE, why);
    }
  }

  /** A free path for a file put aside: the folder, the source root's name, the relative path. */
  private Path aside(Path folder, WalkedFile f) {
    Path base =
        f.named() || f.root().getFileName() == null
            ? folder.resolve(f.relative())
            : folder.resolve(f.root().getFileName().toString()).resolve(f.relative());
    Path free = base.normalize();
    for (int n = 2; targets.isClaimed(free) || targets.exists(free); n++) {
      free = Targets.indexed(base, n);
    }
    targets.claim(free);
    return free;
  }

  private void add(
      ActionKind kind, Verb verb, WalkedFile f, Path target, String group, String why) {
    acting.add(
        new PlannedAction(kind, verb, f.path(), target, f.sizeBytes(), f.modified(), group, why));
  }

  private void stay(ScannedFile f, ActionKind kind, String why) {
    staying.add(
        new PlannedAction(
            kind,
            Verb.NONE,
            f.file().path(),
            null,
            f.file().sizeBytes(),
            f.file().modified(),
            f.subject().group(),
            why));
  }

  private static String ext(ScannedFile f) {
    return Sidecars.ext(f.file().path().getFileName().toString());
  }
}
