package dev.reel.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.concurrent.StopToken;
import dev.reel.job.JobSummary;
import dev.reel.media.ProbeDepth;
import dev.reel.media.ProbeOutcome;
import dev.reel.media.ffmpeg.FfmpegMediaEncoder;
import dev.reel.media.ffmpeg.FfmpegMediaProbe;
import dev.reel.progress.ProgressModel;
import dev.reel.testmedia.TestMedia;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeJobTest {
  @TempDir static Path dir;
  private static Path library;
  private final List<String> warnings = new ArrayList<>();

  @BeforeAll
  static void makeLibrary() throws IOException {
    FfmpegMediaEncoder enc = new FfmpegMediaEncoder();
    library = Files.createDirectories(dir.resolve("lib"));
    Files.createDirectories(library.resolve("Show/Season 1"));
    Files.createDirectories(library.resolve(".trash"));
    TestMedia.of("mkv").seconds(0.4).write(enc, library.resolve("Show/Season 1/e01.mkv"));
    TestMedia.of("mp4").seconds(0.4).write(enc, library.resolve("Show/Season 1/e02.mp4"));
    TestMedia.of("mp4").seconds(0.4).write(enc, library.resolve(".trash/old.mp4"));
    TestMedia.of("mkv").seconds(0.4).write(enc, library.resolve("movie.mkv"));
    Files.writeString(library.resolve("notes.txt"), "not a video");
    Files.writeString(library.resolve("broken.avi"), "not a video either");
  }

  private final JobRunner job = new JobRunner();

  private JobRunner job() {
    return job;
  }

  /** The job with a fresh stop token and progress model for each run. */
  private final class JobRunner {
    private final ProbeJob probe =
        new ProbeJob(new FfmpegMediaProbe(), ProbeCache.NONE, warnings::add);

    JobSummary run(ProbeRequest request, java.util.function.Consumer<ProbeOutcome> sink) {
      return probe.run(
          request, sink, new StopToken(), new ProgressModel("probe", "files", System::nanoTime));
    }
  }

  private static ProbeRequest request(
      List<Path> paths, Set<String> ext, boolean hidden, Duration timeout) {
    return new ProbeRequest(paths, ext, hidden, ProbeDepth.HEADER, timeout, 2);
  }

  @Test
  void walksFoldersByExtensionInNameOrderAndSkipsHiddenOnes() {
    List<ProbeOutcome> out = new ArrayList<>();
    JobSummary summary =
        job()
            .run(
                request(
                    List.of(library), ProbeRequest.VIDEO_EXTENSIONS, false, Duration.ofSeconds(10)),
                out::add);
    assertThat(out)
        .extracting(o -> library.relativize(o.file().path()).toString())
        .containsExactly(
            "Show/Season 1/e01.mkv", "Show/Season 1/e02.mp4", "broken.avi", "movie.mkv");
    assertThat(summary.done()).isEqualTo(4);
    assertThat(summary.ok()).isEqualTo(3);
    assertThat(summary.failed()).isEqualTo(1);
    assertThat(out.get(2)).isInstanceOf(ProbeOutcome.Unreadable.class);
  }

  @Test
  void hiddenFoldersAndOtherExtensionsWhenAskedFor() {
    List<ProbeOutcome> out = new ArrayList<>();
    job().run(request(List.of(library), Set.of("MP4"), true, Duration.ofSeconds(10)), out::add);
    assertThat(out)
        .extracting(o -> o.file().path().getFileName().toString())
        .containsExactly("old.mp4", "e02.mp4");
  }

  @Test
  void aFileNamedDirectlyIsProbedWhateverItsExtension() {
    List<ProbeOutcome> out = new ArrayList<>();
    job()
        .run(
            request(
                List.of(library.resolve("notes.txt")),
                Set.of("mkv"),
                false,
                Duration.ofSeconds(10)),
            out::add);
    assertThat(out).singleElement().isInstanceOf(ProbeOutcome.Unreadable.class);
  }

  @Test
  void aReadThatBlocksTimesOutAndTheBatchGoesOn() throws Exception {
    Path fifo = mkfifo("silent.mkv");
    CountDownLatch writerOpen = new CountDownLatch(1);
    CountDownLatch stop = new CountDownLatch(1);
    Thread writer =
        new Thread(
            () -> {
              FileOutputStream w = null;
              try {
                w = new FileOutputStream(fifo.toFile()); // blocks until the probe opens the fifo
                writerOpen.countDown();
                stop.await(); // a writer that never writes: the reader's read() blocks
              } catch (IOException | InterruptedException e) {
                writerOpen.countDown();
              } finally {
                closeQuietly(w);
              }
            });
    writer.start();
    try {
      List<ProbeOutcome> out = new ArrayList<>();
      Path movie = library.resolve("movie.mkv");
      ProbeRequest req =
          new ProbeRequest(
              List.of(movie, fifo, movie),
              Set.of("mkv"),
              false,
              ProbeDepth.HEADER,
              Duration.ofSeconds(1),
              1);
      job().run(req, out::add);
      assertThat(out).hasSize(3);
      assertThat(out.get(0)).isInstanceOf(ProbeOutcome.Playable.class);
      assertThat(out.get(1))
          .isInstanceOfSatisfying(
              ProbeOutcome.TimedOut.class,
              t -> assertThat(t.error()).isEqualTo("timed out after 1s"));
      assertThat(out.get(2)).isInstanceOf(ProbeOutcome.Playable.class);
      assertThat(writerOpen.await(10, TimeUnit.SECONDS)).as("the probe opened the fifo").isTrue();
    } finally {
      stop.countDown(); // the writer closes: the stuck read sees end of file and its thread ends
      writer.join(10_000);
    }
  }

  @Test
  void anOpenThatBlocksTimesOutToo() throws Exception {
    Path fifo = mkfifo("nowriter.mp4");
    try {
      List<ProbeOutcome> out = new ArrayList<>();
      job().run(request(List.of(fifo), Set.of("mp4"), false, Duration.ofMillis(200)), out::add);
      assertThat(out).singleElement().isInstanceOf(ProbeOutcome.TimedOut.class);
    } finally {
      // opening a writer lets the stuck open() return; closing it gives end of file
      new FileOutputStream(fifo.toFile()).close();
    }
  }

  private static void closeQuietly(FileOutputStream w) {
    if (w != null) {
      try {
        w.close();
      } catch (IOException e) {
        // the test is over; nothing to report
      }
    }
  }

  private static Path mkfifo(String name) throws IOException, InterruptedException {
    Path fifo = dir.resolve(name);
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(p.waitFor()).isZero();
    return fifo;
  }
}
