package dev.reel.cli;

import dev.reel.prewarm.Listings;
import dev.reel.prewarm.ObjectFilter;
import dev.reel.prewarm.ObjectSource;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where prewarm's objects come from, and which of them to keep. */
public final class ListingOptions {
  @Option(names = "--from-dir", paramLabel = "DIR", description = "List the files under DIR.")
  Path fromDir;

  @Option(
      names = "--from-list",
      paramLabel = "FILE",
      description =
          "Read objects from FILE ('-' for stdin): paths or URLs per line, CSV with a"
              + " path,size header, or JSONL with path and size.")
  String fromList;

  @Option(
      names = "--from-rclone",
      paramLabel = "REMOTE",
      description = "List an rclone remote path (one 'rclone lsjson -R' process).")
  String fromRclone;

  @Option(
      names = "--rclone-arg",
      paramLabel = "ARG",
      description = "Extra argument for rclone (e.g. --rclone-arg=--config=FILE); repeatable.")
  List<String> rcloneArgs = new ArrayList<>();

  @Option(
      names = "--from-s3",
      paramLabel = "s3://BUCKET/PREFIX",
      description =
          "List an S3-compatible bucket (credentials from the AWS environment/profile chain).")
  String fromS3;

  @Option(names = "--s3-endpoint", paramLabel = "URL", description = "Endpoint for R2, MinIO, ...")
  String s3Endpoint;

  @Option(
      names = "--s3-region",
      paramLabel = "REGION",
      description = "Region (default: AWS chain, else us-east-1).")
  String s3Region;

  @Option(
      names = "--s3-profile",
      paramLabel = "NAME",
      description = "Profile in ~/.aws/credentials.")
  String s3Profile;

  @Option(
      names = "--path-prefix",
      paramLabel = "PREFIX",
      description =
          "Put PREFIX/ before every listed path (e.g. the folder an rclone path leaves out).")
  String pathPrefix;

  @Option(
      names = "--ext",
      split = ",",
      paramLabel = "EXT",
      description = "Only these extensions (mp4,mkv,...).")
  List<String> extensions = new ArrayList<>();

  @Option(
      names = "--min-size",
      paramLabel = "SIZE",
      description = "Only objects of at least SIZE (50M, 1G).")
  String minSize;

  @Option(names = "--max-size", paramLabel = "SIZE", description = "Only objects of at most SIZE.")
  String maxSize;

  @Option(
      names = "--include",
      paramLabel = "GLOB",
      description = "Only paths matching GLOB; repeatable.")
  List<String> includes = new ArrayList<>();

  @Option(
      names = "--exclude",
      paramLabel = "GLOB",
      description = "Skip paths matching GLOB; repeatable.")
  List<String> excludes = new ArrayList<>();

  @Option(names = "--limit", paramLabel = "N", description = "At most N objects.")
  long limit = -1;

  @Option(
      names = "--largest-first",
      description = "Largest objects first (holds the listing, or the N largest with --limit).")
  boolean largestFirst;

  /** The selected listing; IllegalArgumentException when the options do not name one source. */
  ObjectSource source(InputStream stdin) {
    int n =
        (fromDir != null ? 1 : 0)
            + (fromList != null ? 1 : 0)
            + (fromRclone != null ? 1 : 0)
            + (fromS3 != null ? 1 : 0);
    if (n != 1) {
      throw new IllegalArgumentException(
          n == 0
              ? "give a listing: --from-dir, --from-list, --from-rclone or --from-s3"
              : "give one listing source, not " + n);
    }
    ObjectSource s;
    if (fromDir != null) {
      s = Listings.folder(fromDir);
    } else if (fromList != null) {
      s = Listings.listFile(fromList, stdin);
    } else if (fromRclone != null) {
      s = Listings.rclone(System.getProperty("reel.rclone", "rclone"), fromRclone, rcloneArgs);
    } else {
      s = Listings.s3(fromS3, s3Endpoint, s3Region, s3Profile);
    }
    if (pathPrefix != null && !pathPrefix.isEmpty()) {
      s = Listings.prefixed(s, pathPrefix);
    }
    if (limit < -1 || limit == 0) {
      throw new IllegalArgumentException("--limit must be at least 1, not " + limit);
    }
    ObjectFilter filter =
        new ObjectFilter(
            extensions,
            minSize == null ? -1 : Units.bytes(minSize),
            maxSize == null ? -1 : Units.bytes(maxSize),
            includes,
            excludes);
    return Listings.select(s, filter, limit, largestFirst);
  }
}
