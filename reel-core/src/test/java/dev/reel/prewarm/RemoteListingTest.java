package dev.reel.prewarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listings from S3 (a real S3-compatible server, S3Proxy, in-process) and rclone. */
class RemoteListingTest {
  private static final String ACCESS = "AKIDTESTREEL0001";
  private static final String SECRET = "very-secret-key-reel-test";
  @TempDir Path tmp;

  @AfterEach
  void clearCredentials() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  private void objects(Path root) throws IOException {
    Files.createDirectories(root.resolve("videos/2024/trip"));
    Files.write(root.resolve("videos/2024/trip/a b.mp4"), new byte[1234]);
    Files.write(root.resolve("videos/2024/c.mkv"), new byte[10]);
    Files.write(root.resolve("videos/other.txt"), new byte[3]);
  }

  @Test
  void listsAnS3BucketPageByPageWithTheCredentialChain() throws Exception {
    Path store = tmp.resolve("s3");
    objects(store.resolve("media"));
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(new FilesystemNio2BlobStore(store.toString()))
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET)
            .build();
    proxy.start();
    try {
      while (!proxy.getState().equals("STARTED")) {
        Thread.onSpinWait();
      }
      String endpoint = "http://127.0.0.1:" + proxy.getPort();
      System.setProperty("aws.accessKeyId", ACCESS);
      System.setProperty("aws.secretAccessKey", SECRET);
      ListingTest.Collected c =
          ListingTest.list(Listings.s3("s3://media/videos/2024/", endpoint, "us-east-1", null));
      assertThat(c.objects)
          .containsExactlyInAnyOrder(
              new ListedObject("videos/2024/trip/a b.mp4", 1234),
              new ListedObject("videos/2024/c.mkv", 10));

      assertThatThrownBy(
              () -> ListingTest.list(Listings.s3("s3://nope", endpoint, "us-east-1", null)))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("listing s3://nope/ failed:")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET, ACCESS));

      System.setProperty("aws.secretAccessKey", "wrong-secret-value");
      assertThatThrownBy(
              () -> ListingTest.list(Listings.s3("s3://media", endpoint, "us-east-1", null)))
          .isInstanceOf(IOException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-secret-value", ACCESS));
    } finally {
      proxy.stop();
    }
  }

  @Test
  void listsAnRcloneRemoteWithOneProcess() throws Exception {
    assumeThat(onPath("rclone")).as("rclone is installed (.ci/run installs it)").isTrue();
    objects(tmp.resolve("remote"));
    ListingTest.Collected c =
        ListingTest.list(
            Listings.rclone("rclone", ":local:" + tmp.resolve("remote/videos"), List.of()));
    assertThat(c.objects)
        .containsExactlyInAnyOrder(
            new ListedObject("2024/trip/a b.mp4", 1234),
            new ListedObject("2024/c.mkv", 10),
            new ListedObject("other.txt", 3));
    assertThatThrownBy(
            () -> ListingTest.list(Listings.rclone("rclone", "nosuchremote:bucket", List.of())))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("rclone lsjson nosuchremote:bucket failed (exit");
  }

  @Test
  void missingRcloneSaysHowToInstallIt() {
    assertThatThrownBy(
            () ->
                ListingTest.list(
                    Listings.rclone(tmp.resolve("no-rclone").toString(), "r2:videos", List.of())))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("rclone is not installed: install it with 'apt-get install rclone'");
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
