package dev.reel.prewarm;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/** Makes the listing sources the command line names. */
public final class Listings {
  private Listings() {}

  public static ObjectSource folder(Path root) {
    return new DirectoryListing(root);
  }

  /** A list file, or stdin for "-". */
  public static ObjectSource listFile(String file, InputStream stdin) {
    return new ListFileListing(file, stdin);
  }

  public static ObjectSource rclone(String executable, String remote, List<String> extraArgs) {
    return new RcloneListing(executable, remote, extraArgs);
  }

  /**
   * An S3 bucket from {@code s3://bucket/prefix}.
   *
   * @throws IllegalArgumentException when the location is not an s3:// URL
   */
  public static ObjectSource s3(String location, String endpoint, String region, String profile) {
    return new S3Listing(S3Location.parse(location), endpoint, region, profile);
  }

  /** The listing with {@code prefix} (a folder) put before every path. */
  public static ObjectSource prefixed(ObjectSource source, String prefix) {
    return new PrefixedListing(source, prefix);
  }

  /** The listing after filters, a limit (-1: none) and an optional largest-first order. */
  public static ObjectSource select(
      ObjectSource source, ObjectFilter filter, long limit, boolean largestFirst) {
    return new SelectedListing(source, filter, limit, largestFirst);
  }
}
