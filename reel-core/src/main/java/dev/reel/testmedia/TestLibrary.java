package dev.reel.testmedia;

import dev.reel.concurrent.ItemOutcome;
import dev.reel.concurrent.ParallelMap;
import dev.reel.media.MediaEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.stream.LongStream;

/**
 * Makes a library of many distinct small video files for benchmarks: containers rotate through mp4,
 * mkv, avi, mov and webm, each file has its own seed (so its own bytes), and files are spread over
 * folders of 100.
 */
public final class TestLibrary {
  private static final Container[] MIX = {
    Container.MP4,
    Container.MKV,
    Container.AVI,
    Container.MOV,
    Container.MP4,
    Container.MKV,
    Container.WEBM
  };

  private TestLibrary() {}

  /**
   * Writes {@code count} files below {@code dir} and returns their paths. Files that exist already
   * are kept as they are, so an interrupted run can be continued.
   *
   * @param done called with the number of files made so far
   */
  public static List<Path> make(
      MediaEncoder encoder,
      Path dir,
      int count,
      double seconds,
      int width,
      int height,
      int workers,
      LongConsumer done) {
    List<Path> out = new ArrayList<>(count);
    long[] made = new long[1];
    List<String> failures = new ArrayList<>();
    new ParallelMap<Long, Path>(workers, null, true, "reel-make")
        .run(
            LongStream.range(0, count).boxed().iterator(),
            i -> {
              Container c = MIX[(int) (i % MIX.length)];
              Path file =
                  dir.resolve(String.format(Locale.ROOT, "%03d", i / 100))
                      .resolve(String.format(Locale.ROOT, "clip-%06d.%s", i, c.extension()));
              if (Files.exists(file)) {
                return file;
              }
              try {
                Files.createDirectories(file.getParent());
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              return TestMedia.of(c)
                  .size(width, height)
                  .seconds(seconds)
                  .seed(i)
                  .write(encoder, file);
            },
            outcome -> {
              switch (outcome) {
                case ItemOutcome.Done<Long, Path> d -> out.add(d.value());
                case ItemOutcome.Failed<Long, Path> f ->
                    failures.add(f.item() + ": " + f.error().getMessage());
                case ItemOutcome.TimedOut<Long, Path> t -> failures.add(t.item() + ": timed out");
              }
              done.accept(++made[0]);
            });
    if (!failures.isEmpty()) {
      throw new IllegalStateException(
          failures.size() + " files could not be made, first: " + failures.get(0));
    }
    return out;
  }
}
