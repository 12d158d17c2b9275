package dev.reel.cli;

import dev.reel.media.ProbeDepth;
import dev.reel.probe.ProbeRequest;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What probe reads and how: the options {@code reel probe} and {@code reel spark probe} share. */
public final class ProbeOptions {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files and folders to probe.")
  List<Path> paths;

  @Option(
      names = "--deep",
      description = "Also decode the first video and audio frame to prove the file plays.")
  boolean deep;

  @Option(
      names = "--timeout",
      defaultValue = "30s",
      paramLabel = "DURATION",
      converter = Converters.DurationValue.class,
      description = "Per-file time limit (500ms, 30s, 2m). Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  @Option(
      names = "--ext",
      split = ",",
      paramLabel = "EXT",
      description = "Extensions kept when walking folders. Default: mkv,mp4,m4v,avi,mov,vob,...")
  List<String> extensions;

  @Option(names = "--hidden", description = "Also walk hidden files and folders.")
  boolean hidden;

  @Mixin WorkerOptions workers = new WorkerOptions();

  /**
   * The request these options describe.
   *
   * @throws IllegalArgumentException for a missing path or a bad option (a usage error)
   */
  public ProbeRequest request() {
    return request(Runtime.getRuntime().availableProcessors());
  }

  /** The request, with {@code defaultWorkers} files at once unless --workers says otherwise. */
  public ProbeRequest request(int defaultWorkers) {
    for (Path p : paths) {
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        throw new IllegalArgumentException("no such file or folder: " + p);
      }
    }
    return new ProbeRequest(
        paths,
        extensions == null ? ProbeRequest.VIDEO_EXTENSIONS : new HashSet<>(extensions),
        hidden,
        deep ? ProbeDepth.DEEP : ProbeDepth.HEADER,
        timeout,
        workers.workers(defaultWorkers));
  }
}
