package dev.reel.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A real HTTP/1.1 server on 127.0.0.1 for tests, with programmable behaviour per request: status,
 * headers, body size (or a given text body), delay before the status line, connection reset, stall,
 * or close. Keeps connections alive like a CDN, records every request (with the time it arrived and
 * its body) and counts requests per target.
 */
public final class TestHttpServer implements AutoCloseable {
  /** A request as the server saw it. */
  public record Request(
      String method,
      String target,
      Map<String, String> headers,
      long arrivedNanos,
      int seen,
      String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** What to do with a request. */
  public sealed interface Reply {}

  /** Answer after {@code delayMillis} with a body of {@code bodyBytes}. */
  public record Respond(int status, Map<String, String> headers, long bodyBytes, long delayMillis)
      implements Reply {
    public static Respond ok(long bodyBytes) {
      return new Respond(200, Map.of(), bodyBytes, 0);
    }

    public Respond withHeader(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Respond(status, h, bodyBytes, delayMillis);
    }

    public Respond after(long millis) {
      return new Respond(status, headers, bodyBytes, millis);
    }
  }

  /** Answer with this text as the body (a JSON API's answer). */
  public record Text(int status, Map<String, String> headers, String body) implements Reply {
    public static Text json(String body) {
      return new Text(200, Map.of("Content-Type", "application/json"), body);
    }

    public static Text status(int status, String body) {
      return new Text(status, Map.of("Content-Type", "application/json"), body);
    }

    public Text withHeader(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Text(status, h, body);
    }
  }

  /** A 103 Early Hints response, then {@code then}. */
  public record EarlyHints(Respond then) implements Reply {}

  /** Bytes that are not HTTP. */
  public record Garbage() implements Reply {}

  /** Reset the connection (RST) without answering. */
  public record Reset() implements Reply {}

  /** Never answer; hold the connection open until the client gives up. */
  public record Stall() implements Reply {}

  private final ServerSocket server;
  private final Function<Request, Reply> behaviour;
  private final ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
  private final ConcurrentHashMap<String, AtomicInteger> perTarget = new ConcurrentHashMap<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final List<Socket> sockets = new ArrayList<>();
  private volatile boolean closed;

  private final boolean tls;

  public TestHttpServer(Function<Request, Reply> behaviour) throws IOException {
    this(behaviour, null);
  }

  /** A server speaking TLS with {@code ssl}'s key when it is not null. */
  public TestHttpServer(Function<Request, Reply> behaviour, SSLContext ssl) throws IOException {
    this.behaviour = behaviour;
    this.tls = ssl != null;
    this.server =
        ssl == null
            ? new ServerSocket(0, 512, InetAddress.getLoopbackAddress())
            : ssl.getServerSocketFactory()
                .createServerSocket(0, 512, InetAddress.getLoopbackAddress());
    Thread.ofPlatform().daemon().name("test-http-accept").start(this::accept);
  }

  public int port() {
    return server.getLocalPort();
  }

  public String baseUrl() {
    return (tls ? "https" : "http") + "://127.0.0.1:" + port();
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** How many requests asked for {@code target} so far. */
  public int count(String target) {
    AtomicInteger n = perTarget.get(target);
    return n == null ? 0 : n.get();
  }

  public int connections() {
    return connections.get();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket s = server.accept();
        connections.incrementAndGet();
        synchronized (sockets) {
          sockets.add(s);
        }
        Thread.ofVirtual().start(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      s.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      while (true) {
        String line = readLine(in);
        if (line == null) {
          return;
        }
        if (line.isEmpty()) {
          continue;
        }
        String[] parts = line.split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = readLine(in); h != null && !h.isEmpty(); h = readLine(in)) {
          int c = h.indexOf(':');
          headers.put(
              h.substring(0, c).strip().toLowerCase(Locale.ROOT), h.substring(c + 1).strip());
        }
        int seen = perTarget.computeIfAbsent(parts[1], k -> new AtomicInteger()).incrementAndGet();
        String length = headers.get("content-length");
        String body =
            length == null
                ? ""
                : new String(in.readNBytes(Integer.parseInt(length)), StandardCharsets.UTF_8);
        Request req = new Request(parts[0], parts[1], headers, System.nanoTime(), seen, body);
        requests.add(req);
        Reply reply = behaviour.apply(req);
        switch (reply) {
          case Reset r -> {
            s.setSoLinger(true, 0);
            return;
          }
          case Stall st -> {
            while (in.read() >= 0) {
              // wait until the client closes
            }
            return;
          }
          case Respond r -> respond(out, req, r);
          case Text t -> {
            byte[] text = t.body().getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder("HTTP/1.1 ").append(t.status()).append(" X\r\n");
            head.append("Content-Length: ").append(text.length).append("\r\n");
            t.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(text);
            out.flush();
          }
          case EarlyHints e -> {
            out.write(
                "HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            respond(out, req, e.then());
          }
          case Garbage g -> {
            out.write("SSH-2.0-OpenSSH\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
          }
        }
      }
    } catch (IOException | InterruptedException e) {
      // the client went away
    }
  }

  private static void respond(OutputStream out, Request req, Respond r)
      throws IOException, InterruptedException {
    if (r.delayMillis() > 0) {
      Thread.sleep(r.delayMillis());
    }
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(r.status()).append(" X\r\n");
    head.append("Content-Length: ").append(r.bodyBytes()).append("\r\n");
    r.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
    if (!req.method().equals("HEAD")) {
      byte[] chunk = new byte[8192];
      for (long left = r.bodyBytes(); left > 0; left -= chunk.length) {
        out.write(chunk, 0, (int) Math.min(left, chunk.length));
      }
    }
    out.flush();
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c; (c = in.read()) >= 0; ) {
      if (c == '\n') {
        int n = b.length();
        return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
      }
      b.append((char) c);
    }
    return b.isEmpty() ? null : b.toString();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    synchronized (sockets) {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }
}
