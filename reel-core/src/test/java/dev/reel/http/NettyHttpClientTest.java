package dev.reel.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class NettyHttpClientTest {
  private static HttpClientSettings settings(int perHost, Duration firstByte) {
    return new HttpClientSettings(
        perHost,
        Duration.ofSeconds(2),
        firstByte,
        Duration.ofSeconds(10),
        false,
        List.of("x-cache", "content-length"),
        1);
  }

  private static HttpRequestSpec get(String url) {
    return HttpRequestSpec.of("GET", URI.create(url), List.of());
  }

  @Test
  void readsStatusBodyAndKeptHeaders() throws Exception {
    try (TestHttpServer server =
            new TestHttpServer(
                r -> TestHttpServer.Respond.ok(100_000).withHeader("X-Cache", "HIT from test"));
        NettyHttpClient client = new NettyHttpClient(settings(4, Duration.ofSeconds(5)))) {
      HttpOutcome o = client.send(get(server.baseUrl() + "/a%20b/c.mp4?imwidth=1")).get();
      assertThat(o).isInstanceOf(HttpOutcome.Response.class);
      HttpOutcome.Response r = (HttpOutcome.Response) o;
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.bodyBytes()).isEqualTo(100_000);
      assertThat(r.header("x-cache")).isEqualTo("HIT from test");
      assertThat(r.ttfbNanos()).isPositive().isLessThanOrEqualTo(r.totalNanos());
      assertThat(server.requests().get(0).target()).isEqualTo("/a%20b/c.mp4?imwidth=1");
      assertThat(server.requests().get(0).header("host")).isEqualTo("127.0.0.1:" + server.port());
    }
  }

  @Test
  void reusesConnectionsUpToThePerHostLimit() throws Exception {
    try (TestHttpServer server = new TestHttpServer(r -> TestHttpServer.Respond.ok(10).after(20));
        NettyHttpClient client = new NettyHttpClient(settings(3, Duration.ofSeconds(5)))) {
      List<CompletableFuture<HttpOutcome>> fs = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        fs.add(client.send(get(server.baseUrl() + "/x" + i)));
      }
      for (CompletableFuture<HttpOutcome> f : fs) {
        assertThat(((HttpOutcome.Response) f.get()).status()).isEqualTo(200);
      }
      assertThat(server.connections()).isEqualTo(3);
      assertThat(client.openConnections()).isEqualTo(3);
      assertThat(server.requests()).hasSize(30);
    }
  }

  @Test
  void headRequestsEndWithoutABody() throws Exception {
    try (TestHttpServer server = new TestHttpServer(r -> TestHttpServer.Respond.ok(5000));
        NettyHttpClient client = new NettyHttpClient(settings(1, Duration.ofSeconds(5)))) {
      for (int i = 0; i < 3; i++) {
        HttpOutcome.Response r =
            (HttpOutcome.Response)
                client
                    .send(
                        HttpRequestSpec.of("HEAD", URI.create(server.baseUrl() + "/h"), List.of()))
                    .get();
        assertThat(r.bodyBytes()).isZero();
        assertThat(r.header("content-length")).isEqualTo("5000");
      }
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void stallPastTheFirstByteTimeoutIsATimeout() throws Exception {
    try (TestHttpServer server = new TestHttpServer(r -> new TestHttpServer.Stall());
        NettyHttpClient client = new NettyHttpClient(settings(1, Duration.ofMillis(200)))) {
      HttpOutcome o = client.send(get(server.baseUrl() + "/slow")).get();
      assertThat(o)
          .isInstanceOfSatisfying(
              HttpOutcome.Failed.class,
              f -> {
                assertThat(f.kind()).isEqualTo(HttpOutcome.FailureKind.TIMEOUT);
                assertThat(f.message()).contains("no response within 0.200 s");
                assertThat(f.totalNanos()).isGreaterThanOrEqualTo(200_000_000L);
              });
    }
  }

  @Test
  void resetIsAConnectionFailure() throws Exception {
    try (TestHttpServer server = new TestHttpServer(r -> new TestHttpServer.Reset());
        NettyHttpClient client = new NettyHttpClient(settings(1, Duration.ofSeconds(5)))) {
      HttpOutcome o = client.send(get(server.baseUrl() + "/reset")).get();
      assertThat(o)
          .isInstanceOfSatisfying(
              HttpOutcome.Failed.class,
              f -> assertThat(f.kind()).isEqualTo(HttpOutcome.FailureKind.CONNECTION));
    }
  }

  @Test
  void refusedPortUnknownHostAndTlsToPlainServerSayWhatFailed() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    try (TestHttpServer plain = new TestHttpServer(r -> TestHttpServer.Respond.ok(1));
        NettyHttpClient client = new NettyHttpClient(settings(1, Duration.ofSeconds(5)))) {
      HttpOutcome.Failed refused =
          (HttpOutcome.Failed) client.send(get("http://127.0.0.1:" + closedPort + "/x")).get();
      assertThat(refused.kind()).isEqualTo(HttpOutcome.FailureKind.CONNECTION);
      assertThat(refused.message()).contains("127.0.0.1:" + closedPort);

      HttpOutcome.Failed dns =
          (HttpOutcome.Failed) client.send(get("http://no-such-host.invalid/x")).get();
      assertThat(dns.kind()).isEqualTo(HttpOutcome.FailureKind.DNS);
      assertThat(dns.message()).isEqualTo("unknown host no-such-host.invalid");

      HttpOutcome.Failed tls =
          (HttpOutcome.Failed) client.send(get("https://127.0.0.1:" + plain.port() + "/x")).get();
      assertThat(tls.kind()).isEqualTo(HttpOutcome.FailureKind.TLS);
      assertThat(tls.message()).startsWith("tls failure with 127.0.0.1:" + plain.port());
    }
  }

  @Test
  void closeCancelsWhatIsInFlightAndWaiting() throws Exception {
    try (TestHttpServer server = new TestHttpServer(r -> new TestHttpServer.Stall())) {
      NettyHttpClient client = new NettyHttpClient(settings(1, Duration.ofSeconds(30)));
      CompletableFuture<HttpOutcome> inFlight = client.send(get(server.baseUrl() + "/a"));
      CompletableFuture<HttpOutcome> waiting = client.send(get(server.baseUrl() + "/b"));
      while (server.requests().isEmpty()) {
        Thread.onSpinWait();
      }
      client.close();
      assertThat(((HttpOutcome.Failed) inFlight.get()).kind())
          .isEqualTo(HttpOutcome.FailureKind.CANCELLED);
      assertThat(((HttpOutcome.Failed) waiting.get()).kind())
          .isEqualTo(HttpOutcome.FailureKind.CANCELLED);
    }
  }

  @Test
  void tlsCertificatesAreCheckedUnlessInsecure(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
    try (TestHttpServer server =
        new TestHttpServer(r -> TestHttpServer.Respond.ok(3), SelfSignedTls.serverContext(tmp))) {
      try (NettyHttpClient strict = new NettyHttpClient(settings(1, Duration.ofSeconds(5)))) {
        HttpOutcome.Failed f = (HttpOutcome.Failed) strict.send(get(server.baseUrl() + "/a")).get();
        assertThat(f.kind()).isEqualTo(HttpOutcome.FailureKind.TLS);
        assertThat(f.message()).startsWith("tls failure with 127.0.0.1:" + server.port());
        assertThat(server.requests()).isEmpty();
      }
      HttpClientSettings insecure =
          new HttpClientSettings(
              1,
              Duration.ofSeconds(2),
              Duration.ofSeconds(5),
              Duration.ofSeconds(10),
              true,
              List.of(),
              1);
      try (NettyHttpClient lax = new NettyHttpClient(insecure)) {
        HttpOutcome.Response r =
            (HttpOutcome.Response) lax.send(get(server.baseUrl() + "/a")).get();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.bodyBytes()).isEqualTo(3);
      }
    }
  }

  @Test
  void earlyHintsWaitForTheFinalResponseAndGarbageFailsAtOnce() throws Exception {
    try (TestHttpServer server =
            new TestHttpServer(
                r ->
                    r.target().equals("/early")
                        ? new TestHttpServer.EarlyHints(TestHttpServer.Respond.ok(7))
                        : new TestHttpServer.Garbage());
        NettyHttpClient client = new NettyHttpClient(settings(1, Duration.ofSeconds(5)))) {
      HttpOutcome.Response r =
          (HttpOutcome.Response) client.send(get(server.baseUrl() + "/early")).get();
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.bodyBytes()).isEqualTo(7);
      HttpOutcome.Failed f =
          (HttpOutcome.Failed) client.send(get(server.baseUrl() + "/junk")).get();
      assertThat(f.kind()).isEqualTo(HttpOutcome.FailureKind.CONNECTION);
      assertThat(f.message()).startsWith("invalid HTTP response from 127.0.0.1:" + server.port());
      assertThat(f.totalNanos()).isLessThan(4_000_000_000L);
    }
  }
}
