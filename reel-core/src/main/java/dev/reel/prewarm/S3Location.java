package dev.reel.prewarm;

/** A bucket and key prefix, parsed from {@code s3://bucket/prefix}. */
record S3Location(String bucket, String prefix) {
  S3Location {
    if (bucket.isEmpty()) {
      throw new IllegalArgumentException("no bucket name");
    }
  }

  static S3Location parse(String text) {
    if (!text.startsWith("s3://")) {
      throw new IllegalArgumentException(
          "an S3 location looks like s3://bucket/prefix, not " + text);
    }
    String rest = text.substring(5);
    int slash = rest.indexOf('/');
    return slash < 0
        ? new S3Location(rest, "")
        : new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + prefix;
  }
}
