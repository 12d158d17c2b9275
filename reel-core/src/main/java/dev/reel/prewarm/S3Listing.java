package dev.reel.prewarm;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists an S3-compatible bucket with ListObjectsV2, one page (up to 1,000 keys) at a time. An
 * endpoint override reaches R2, MinIO and the like (path-style addressing). Credentials come from
 * the AWS chain (environment, system properties, ~/.aws profiles, container and instance roles) or
 * a named profile; they never appear in messages.
 */
final class S3Listing implements ObjectSource {
  private final S3Location location;
  private final String endpoint;
  private final String region;
  private final String profile;

  /**
   * @param endpoint an endpoint URL for non-AWS services, or null
   * @param region a region, or null for the AWS chain (us-east-1 when it has none)
   * @param profile a profile of ~/.aws/credentials, or null for the default chain
   */
  S3Listing(S3Location location, String endpoint, String region, String profile) {
    this.location = location;
    this.endpoint = endpoint;
    this.region = region;
    this.profile = profile;
  }

  @Override
  public void list(ObjectSink sink) throws IOException {
    AwsCredentialsProvider creds =
        profile != null
            ? ProfileCredentialsProvider.create(profile)
            : DefaultCredentialsProvider.builder().build();
    List<String> secrets = new ArrayList<>();
    try {
      AwsCredentials c = creds.resolveCredentials();
      secrets.add(c.accessKeyId());
      secrets.add(c.secretAccessKey());
      if (c instanceof AwsSessionCredentials s) {
        secrets.add(s.sessionToken());
      }
    } catch (SdkException e) {
      throw new IOException(
          "no AWS credentials for "
              + location
              + ": set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or give"
              + " --s3-profile");
    }
    S3ClientBuilder b =
        S3Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(creds)
            .region(Region.of(regionOrDefault()));
    if (endpoint != null) {
      b.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
    }
    try (S3Client s3 = b.build()) {
      ListObjectsV2Request req =
          ListObjectsV2Request.builder()
              .bucket(location.bucket())
              .prefix(location.prefix().isEmpty() ? null : location.prefix())
              .build();
      for (S3Object o : s3.listObjectsV2Paginator(req).contents()) {
        if (o.key().endsWith("/")) {
          continue; // a folder marker
        }
        long size = o.size() == null ? -1 : o.size();
        if (!sink.accept(new ListedObject(o.key(), size))) {
          return;
        }
      }
    } catch (SdkException e) {
      throw new IOException("listing " + location + " failed: " + redact(e.getMessage(), secrets));
    }
  }

  private String regionOrDefault() {
    if (region != null) {
      return region;
    }
    try {
      // environment, system properties and ~/.aws/config; not the EC2 metadata service, whose
      // time-out would stall every run off EC2
      return new AwsRegionProviderChain(
              new SystemSettingsRegionProvider(), new AwsProfileRegionProvider())
          .getRegion()
          .id();
    } catch (SdkException e) {
      return "us-east-1";
    }
  }

  static String redact(String message, List<String> secrets) {
    String m = message == null ? "no message" : message;
    for (String s : secrets) {
      if (s != null && s.length() >= 4) {
        m = m.replace(s, "[redacted]");
      }
    }
    return m;
  }

  @Override
  public String describe() {
    return "S3 location " + location;
  }
}
