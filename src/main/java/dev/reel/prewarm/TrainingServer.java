package dev.reel.prewarm;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP server on 127.0.0.1 that answers every GET with a 10 KB body, for the start-up
 * training run ({@code reel dev prewarm-training}): the launcher records which classes and methods
 * a prewarm run uses into a JDK AOT cache, so later runs start at full speed sooner.
 */
public final class TrainingServer implements AutoCloseable {
  private static final byte[] BODY = new byte[10 * 1024];
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);

  public TrainingServer() throws IOException {
    // without it, Nagle's algorithm and delayed ACKs hold each response back by 40 ms
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    server.setExecutor(executor);
    server.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("X-Cache", "MISS");
          exchange.sendResponseHeaders(200, BODY.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(BODY);
          }
        });
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
