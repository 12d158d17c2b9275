package dev.reel.prewarm;

import dev.reel.http.HttpClientSettings;
import dev.reel.http.HttpRequestSpec;
import dev.reel.http.NettyHttpClient;
import dev.reel.job.InvalidRequestException;
import dev.reel.progress.ProgressModel;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs a prewarm: streams the listing on the calling thread, and hands each (object, derivative)
 * pair to a {@link PairFeed}, which runs at most {@code concurrency} pairs at once on the HTTP
 * client's event loops and queues a bounded number more. A pair holds its slot until its final
 * result (after retries and the verify request) is recorded and written, so memory is bounded by
 * the concurrency, not the listing. Retries and rate-limit waits happen on a scheduler thread.
 * {@link #stop()} (Ctrl-C) ends the listing, lets in-flight requests finish for the grace period,
 * then cancels the rest; cancelled pairs are not written, so a resume requests them again.
 */
public final class PrewarmJob {
  private final PrewarmRequest request;
  private final Consumer<String> problems;
  private final Consumer<String> notices;
  private final PrewarmStats stats = new PrewarmStats();
  private final AtomicLong listed = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong cancelled = new AtomicLong();
  private final AtomicLong notStarted = new AtomicLong();
  private final AtomicLong failuresShown = new AtomicLong();
  private static final int SHOWN_FAILURES = 10;
  private volatile boolean stopping;
  private volatile boolean listingDone;
  private volatile Thread runner;
  private volatile ResultsWriter results;
  private volatile PairFeed feedRef;
  private volatile long resumedDone;
  private volatile ProgressModel progress =
      new ProgressModel("prewarm", "requests", System::nanoTime);

  /**
   * @param problems receives one line per listing problem or bad object (file:line: what)
   */
  public PrewarmJob(PrewarmRequest request, Consumer<String> problems) {
    this(request, problems, m -> {});
  }

  /**
   * @param problems receives one line per listing problem or bad object (file:line: what)
   * @param notices receives lines that are news, not problems (what a resume skips)
   */
  public PrewarmJob(PrewarmRequest request, Consumer<String> problems, Consumer<String> notices) {
    this.request = request;
    this.problems = problems;
    this.notices = notices;
  }

  /** Asks the run to stop: no new requests; in-flight ones get the grace period. */
  public void stop() {
    stopping = true;
    synchronized (this) {
      if (runner != null) {
        runner.interrupt(); // wakes the listing thread if it waits for room in the feed
      }
    }
  }

  public boolean stopped() {
    return stopping;
  }

  /**
   * Runs to the end (or to {@link #stop()}).
   *
   * @throws IOException when the listing cannot be read or the results file cannot be written
   */
  public PrewarmSummary run() throws IOException {
    return run(progress);
  }

  /**
   * Runs to the end (or to {@link #stop()}), counting in {@code model}: each request ok or failed,
   * each pair skipped by a resume or a bad object, and each bad listing line as failed.
   */
  public PrewarmSummary run(ProgressModel model) throws IOException {
    this.progress = model;
    model.phase("listing");
    model.extras(
        () -> {
          java.util.Map<String, Object> x = new java.util.LinkedHashMap<>();
          x.put("p95_ms", stats.p95TotalMicros() / 1000.0);
          return x;
        });
    synchronized (this) {
      runner = Thread.currentThread();
    }
    try {
      return execute();
    } finally {
      synchronized (this) {
        runner = null;
      }
      Thread.interrupted(); // a stop's interrupt must not break writing the reports
    }
  }

  private PrewarmSummary execute() throws IOException {
    String started = Instant.now().toString();
    RunHeader header = request.header(started);
    ResumeState resume = null;
    if (request.resume() != null) {
      try {
        resume = ResumeState.load(request.resume(), header, stats);
      } catch (IllegalStateException e) {
        throw new InvalidRequestException(e.getMessage(), e);
      }
      resume.problems().forEach(problems);
      notices.accept(
          "resuming " + request.resume() + ": " + resume.size() + " finished pairs are skipped");
    }
    resumedDone = stats.done();
    ResultsWriter writer =
        request.resume() != null
            ? ResultsWriter.append(request.resume(), header)
            : request.results() != null ? ResultsWriter.create(request.results(), header) : null;
    HttpClientSettings settings =
        new HttpClientSettings(
            request.perHost(),
            request.connectTimeout(),
            request.firstByteTimeout(),
            request.totalTimeout(),
            request.insecure(),
            keptHeaders(),
            Integer.getInteger(
                "reel.http.threads", Math.max(1, Runtime.getRuntime().availableProcessors() / 2)));
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("prewarm-retry").daemon().unstarted(r));
    long t0 = System.nanoTime();
    PairFeed feed = new PairFeed(request.concurrency(), Math.max(256, request.concurrency() * 4));
    try (NettyHttpClient client = new NettyHttpClient(settings);
        ResultsWriter out = writer) {
      PairRunner pairs =
          new PairRunner(
              request,
              client,
              scheduler,
              new TokenBucket(request.ratePerSecond()),
              this::finish,
              () -> stopping,
              t0);
      this.results = out;
      this.feedRef = feed;
      Dispatcher dispatcher = new Dispatcher(pairs, feed, resume);
      try {
        request.source().list(dispatcher);
      } catch (IOException e) {
        if (!stopping) {
          throw e;
        }
      }
      listingDone = true;
      progress.totalComplete();
      if (!stopping) {
        progress.phase("finishing");
      }
      drain(feed, client);
    } finally {
      scheduler.shutdownNow();
    }
    double elapsed = (System.nanoTime() - t0) / 1e9;
    if (resume != null) {
      elapsed += resume.elapsedSeconds(); // the whole file's requests over the whole file's time
    }
    return PrewarmSummary.of(header, stats, elapsed, stopping);
  }

  /**
   * What this run counted so far (results resumed from the file included): for merging runs that
   * were kept apart, such as one per Spark partition.
   */
  public PrewarmStats stats() {
    return stats;
  }

  /** Requests cancelled by a stop (not written; a resume sends them again). */
  public long cancelledCount() {
    return cancelled.get();
  }

  /** Pairs listed but not started because of a stop (a resume sends them). */
  public long notStartedCount() {
    return notStarted.get();
  }

  /**
   * Waits until every pair has finished. After a stop, drops the pairs not started, waits the grace
   * period, then closes the client, which completes what is left as cancelled.
   */
  private void drain(PairFeed feed, NettyHttpClient client) {
    boolean graceUsed = false;
    while (true) {
      try {
        if (!stopping) {
          feed.awaitIdle(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
          return;
        }
        notStarted.addAndGet(feed.dropQueued());
        if (!graceUsed) {
          graceUsed = true;
          if (feed.awaitIdle(request.stopGrace().toMillis(), TimeUnit.MILLISECONDS)) {
            return;
          }
        }
        client.close(); // in-flight requests complete as cancelled
        feed.awaitIdle(10, TimeUnit.SECONDS);
        return;
      } catch (InterruptedException e) {
        stopping = true; // a stop() during the wait: go round with the grace period
      }
    }
  }

  private void finish(RequestResult r) {
    if (r.error() == ErrorClass.CANCELLED) {
      cancelled.incrementAndGet();
    } else {
      if (!r.ok()) {
        long n = failuresShown.incrementAndGet();
        if (n <= SHOWN_FAILURES) {
          problems.accept(
              r.url()
                  + ": "
                  + r.message()
                  + " ("
                  + r.error().label()
                  + ", "
                  + r.attempts()
                  + (r.attempts() == 1 ? " attempt)" : " attempts)"));
        } else if (n == SHOWN_FAILURES + 1) {
          problems.accept("more requests failed: see the report and the results file");
        }
      }
      stats.record(r);
      if (r.ok()) {
        progress.ok();
      } else {
        progress.failed();
      }
      ResultsWriter w = results;
      if (w != null) {
        w.write(r);
      }
    }
    feedRef.finished();
  }

  private static List<String> keptHeaders() {
    List<String> h = new ArrayList<>(CacheStatus.HEADERS);
    h.addAll(List.of("content-length", "content-range", "retry-after", "location"));
    return h;
  }

  /** Takes each listed object and feeds its pairs to the event loops. */
  private final class Dispatcher implements ObjectSink {
    private final PairRunner pairs;
    private final PairFeed feed;
    private final ResumeState resume;

    Dispatcher(PairRunner pairs, PairFeed feed, ResumeState resume) {
      this.pairs = pairs;
      this.feed = feed;
      this.resume = resume;
    }

    @Override
    public boolean accept(ListedObject o) {
      if (stopping) {
        return false;
      }
      listed.incrementAndGet();
      progress.addTotal(request.derivatives().size());
      request.requireUrlFor(o);
      for (Derivative d : request.derivatives()) {
        if (resume != null && resume.isDone(o.path(), d.name())) {
          skipped.incrementAndGet();
          progress.skipped();
          continue;
        }
        Runnable pair;
        try {
          pair = pairs.prepare(o, d);
        } catch (IllegalArgumentException e) {
          skipped.incrementAndGet();
          progress.failed();
          problems.accept(o.path() + ": " + e.getMessage());
          continue;
        }
        try {
          feed.put(pair);
        } catch (InterruptedException e) {
          stopping = true;
          return false;
        }
      }
      return !stopping;
    }

    @Override
    public void problem(String message) {
      progress.failed();
      problems.accept(message);
    }
  }

  /** The headers every request of a run carries. */
  static List<HttpRequestSpec.Header> headers(PrewarmRequest r) {
    List<HttpRequestSpec.Header> headers = new ArrayList<>(r.headers().size() + 2);
    if (r.headers().stream().noneMatch(h -> h.name().equalsIgnoreCase("user-agent"))) {
      headers.add(new HttpRequestSpec.Header("User-Agent", "reel-prewarm/1"));
    }
    if (r.method() == RequestMethod.RANGE) {
      headers.add(new HttpRequestSpec.Header("Range", "bytes=0-0"));
    }
    headers.addAll(r.headers());
    return List.copyOf(headers);
  }
}
