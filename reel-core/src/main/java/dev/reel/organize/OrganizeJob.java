package dev.reel.organize;

import dev.reel.concurrent.StopToken;
import dev.reel.identify.Identifier;
import dev.reel.media.MediaProbe;
import dev.reel.media.ProbeDepth;
import dev.reel.probe.ProbeCache;
import dev.reel.probe.ProbeJob;
import dev.reel.probe.ProbeRequest;
import dev.reel.progress.ProgressModel;
import dev.reel.store.FileHashes;
import dev.reel.store.ScanRecords;
import dev.reel.store.Store;
import dev.reel.store.StoreFailedException;
import dev.reel.walk.FolderWalker;
import dev.reel.walk.WalkedFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Plans an organize run: walks the sources (skipping the library inside them), probes every video
 * (the probe cache answers for unchanged files) while identifying its name on the same worker, and
 * hands the results to the {@link Planner}. Nothing on disk changes here; {@link Applier} carries a
 * plan out.
 */
public final class OrganizeJob {
  private final ProbeJob probes;
  private final Identifier identifier = Identifier.rememberingFolders();
  private final Store store;
  private final Consumer<String> warnings;
  private final LongSupplier nanoClock;
  private final List<String> phaseTimes = new ArrayList<>();
  private SubjectRefiner refiner = SubjectRefiner.NONE;
  private SecondOpinion secondOpinion = SecondOpinion.NONE;

  /**
   * @param store for content hashes, or null
   * @param warnings receives one line per folder that could not be read and per file that could not
   *     be hashed
   */
  public OrganizeJob(
      MediaProbe probe,
      ProbeCache cache,
      Store store,
      Consumer<String> warnings,
      LongSupplier nanoClock) {
    this.probes = new ProbeJob(probe, cache, warnings);
    this.store = store;
    this.warnings = warnings;
    this.nanoClock = nanoClock;
  }

  /** Refines subjects between the scan and the plan (a lookup); none by default. */
  public OrganizeJob refiningWith(SubjectRefiner refiner) {
    this.refiner = java.util.Objects.requireNonNull(refiner, "refiner");
    return this;
  }

  /**
   * Reads the names the parser is unsure of again (an AI model) before the lookup; none by default.
   */
  public OrganizeJob secondOpinionFrom(SecondOpinion opinion) {
    this.secondOpinion = java.util.Objects.requireNonNull(opinion, "opinion");
    return this;
  }

  /** The plan; {@code null} when a stop came before the plan was complete. */
  public Plan plan(OrganizeRequest request, StopToken stop, ProgressModel progress) {
    Set<String> keep = new HashSet<>(ProbeRequest.VIDEO_EXTENSIONS);
    keep.addAll(Sidecars.EXTENSIONS);
    Set<Path> skip = new HashSet<>();
    if (!request.inPlace()) {
      skip.add(request.library());
    }
    skip.add(request.duplicatesDir());
    if (request.quarantineDir() != null) {
      skip.add(request.quarantineDir());
    }
    Iterator<WalkedFile> all =
        new FolderWalker(FolderWalker.extensions(keep), request.scan().includeHidden(), warnings)
            .skipping(skip)
            .walk(request.sources());
    List<WalkedFile> sidecars = new ArrayList<>();
    List<ScannedFile> scanned = java.util.Collections.synchronizedList(new ArrayList<>());
    long t0 = nanoClock.getAsLong();
    progress.beginPhase("probe");
    ScanRecords scans = scanRecords(request);
    Iterator<WalkedFile> videos = unknownOnly(videosOnly(all, sidecars), scans, scanned, progress);
    long dropped =
        probes.probeEach(
            videos,
            request.sources(),
            ProbeDepth.HEADER,
            request.scan().timeout(),
            request.scan().workers(),
            (file, outcome) -> Subject.of(identifier.identify(nameWithFolders(file))),
            p -> {
              Subject s =
                  p.extra() != null
                      ? p.extra()
                      : Subject.of(identifier.identify(nameWithFolders(p.file())));
              ScannedFile f = ScannedFile.of(p.file(), p.outcome(), s);
              scanned.add(f);
              if (scans != null && !(p.outcome() instanceof dev.reel.media.ProbeOutcome.TimedOut)) {
                remember(scans, f);
              }
              progress.ok();
            },
            stop,
            progress);
    if (scans != null) {
      try {
        scans.flush();
      } catch (StoreFailedException e) {
        warnings.accept(e.getMessage() + "; the next plan reads the names again");
      }
    }
    // files answered from the scan cache and probed ones arrive in different orders: one order
    scanned.sort(java.util.Comparator.comparing(f -> f.file().path()));
    long t1 = nanoClock.getAsLong();
    phase("walk+probe+identify", t1 - t0, scanned.size());
    if (stop.isStopped() || dropped > 0) {
      return null;
    }
    FileHashes hashes = null;
    if (store != null) {
      try {
        hashes = new FileHashes(store);
        hashes.readAhead(
            request.sources().stream()
                .filter(java.nio.file.Files::isDirectory)
                .map(Path::toString)
                .toList());
      } catch (StoreFailedException e) {
        warnings.accept(e.getMessage() + "; hashing without the cache");
      }
    }
    List<ScannedFile> refined = refine(reread(scanned, stop, progress), stop, progress);
    Planner planner = new Planner(request, new ContentHasher(hashes), warnings);
    Plan plan = planner.plan(refined, sidecars, stop, progress);
    progress.total(plan.actions().size());
    for (PlannedAction a : plan.actions()) {
      if (a.acts()) {
        progress.ok();
      } else {
        progress.skipped();
      }
    }
    phase("hash+plan", nanoClock.getAsLong() - t1, plan.actions().size());
    return stop.isStopped() ? null : plan;
  }

  /** The scan cache, when there is a store and the code's fingerprint can be read. */
  private ScanRecords scanRecords(OrganizeRequest request) {
    String fingerprint = Fingerprint.VALUE;
    if (store == null || fingerprint == null) {
      return null;
    }
    try {
      ScanRecords r = new ScanRecords(store, fingerprint);
      r.readAhead(
          request.sources().stream()
              .filter(java.nio.file.Files::isDirectory)
              .map(Path::toString)
              .toList());
      return r;
    } catch (StoreFailedException e) {
      warnings.accept(e.getMessage() + "; reading every name again");
      return null;
    }
  }

  private void remember(ScanRecords scans, ScannedFile f) {
    try {
      scans.put(
          f.file().path().toString(),
          f.file().sizeBytes(),
          f.file().modified(),
          ScanRecordCodec.encode(f));
    } catch (StoreFailedException e) {
      // only a cache: the next plan reads the name again
    }
  }

  /** The fingerprint of the scan's code (the name parser and this package), made on first use. */
  private static final class Fingerprint {
    static final String VALUE = CodeFingerprint.of(Identifier.class, OrganizeJob.class);
  }

  /**
   * Files the scan cache knows (unchanged since, same code) go straight to {@code scanned}; the
   * others on to be probed and identified.
   */
  private static Iterator<WalkedFile> unknownOnly(
      Iterator<WalkedFile> videos,
      ScanRecords scans,
      List<ScannedFile> scanned,
      ProgressModel progress) {
    if (scans == null) {
      return videos;
    }
    return keeping(
        videos,
        f -> {
          ScannedFile known = null;
          try {
            known =
                scans
                    .lookup(f.path().toString(), f.sizeBytes(), f.modified())
                    .map(text -> ScanRecordCodec.decode(text, f))
                    .orElse(null);
          } catch (StoreFailedException e) {
            // read it again
          }
          if (known == null) {
            return true;
          }
          scanned.add(known);
          progress.addTotal(1);
          progress.ok();
          return false;
        });
  }

  /** The doubtful names read again by the second opinion, when there is one. */
  private List<ScannedFile> reread(
      List<ScannedFile> scanned, StopToken stop, ProgressModel progress) {
    if (secondOpinion == SecondOpinion.NONE || stop.isStopped()) {
      return scanned;
    }
    java.util.Map<String, Subject> doubtful = new java.util.LinkedHashMap<>();
    for (ScannedFile f : scanned) {
      if (f.subject().doubt().isPresent()) {
        doubtful.put(nameWithFolders(f.file()), f.subject());
      }
    }
    if (doubtful.isEmpty()) {
      return scanned;
    }
    long t = nanoClock.getAsLong();
    progress.beginPhase("ai");
    java.util.Map<String, Subject> better = secondOpinion.reread(doubtful, stop, progress);
    phase("ai", nanoClock.getAsLong() - t, doubtful.size());
    List<ScannedFile> out = new ArrayList<>(scanned.size());
    for (ScannedFile f : scanned) {
      Subject b = f.subject().doubt().isPresent() ? better.get(nameWithFolders(f.file())) : null;
      out.add(b == null ? f : new ScannedFile(f.file(), f.problem(), b, f.quality()));
    }
    return out;
  }

  private List<ScannedFile> refine(
      List<ScannedFile> scanned, StopToken stop, ProgressModel progress) {
    if (refiner == SubjectRefiner.NONE || stop.isStopped()) {
      return scanned;
    }
    progress.beginPhase("lookup");
    java.util.Set<Subject> distinct = new java.util.LinkedHashSet<>();
    for (ScannedFile f : scanned) {
      distinct.add(f.subject());
    }
    java.util.Map<Subject, Subject> better = refiner.refine(distinct, stop);
    List<ScannedFile> out = new ArrayList<>(scanned.size());
    for (ScannedFile f : scanned) {
      Subject b = better.get(f.subject());
      out.add(b == null ? f : new ScannedFile(f.file(), f.problem(), b, f.quality()));
    }
    return out;
  }

  /** How long each phase took, one line: "walk+probe+identify 1.20s (10,000 files), ...". */
  public String phases() {
    return String.join(", ", phaseTimes);
  }

  public void phase(String name, long nanos, long items) {
    phaseTimes.add(String.format(Locale.ROOT, "%s %.2fs (%,d)", name, nanos / 1e9, items));
  }

  /** The name identify reads: the path below the root, with the root folder's own name. */
  static String nameWithFolders(WalkedFile f) {
    Path parent = f.path().getParent();
    if (f.named()) {
      return parent == null || parent.getFileName() == null
          ? f.path().getFileName().toString()
          : parent.getFileName() + "/" + f.path().getFileName();
    }
    Path rootName = f.root().getFileName();
    return rootName == null ? f.relative() : rootName + "/" + f.relative();
  }

  private static Iterator<WalkedFile> videosOnly(
      Iterator<WalkedFile> all, List<WalkedFile> sidecars) {
    return keeping(
        all,
        f -> {
          String ext = Sidecars.ext(f.path().getFileName().toString()).toLowerCase(Locale.ROOT);
          if (!Sidecars.EXTENSIONS.contains(ext)) {
            return true;
          }
          if (!f.named()) { // a sidecar named directly has nothing to follow
            synchronized (sidecars) {
              sidecars.add(f);
            }
          }
          return false;
        });
  }

  /**
   * The items of {@code in} that {@code keep} accepts, read as the iterator advances; {@code keep}
   * may take the others elsewhere.
   */
  private static <T> Iterator<T> keeping(Iterator<T> in, java.util.function.Predicate<T> keep) {
    return new Iterator<>() {
      private T next;

      @Override
      public boolean hasNext() {
        while (next == null && in.hasNext()) {
          T t = in.next();
          if (keep.test(t)) {
            next = t;
          }
        }
        return next != null;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        T t = next;
        next = null;
        return t;
      }
    };
  }
}
