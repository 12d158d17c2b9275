package dev.reel.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLException;

/**
 * An HTTP/1.1 client on Netty's event loops (epoll when available) with a keep-alive pool per host.
 * {@link #send} never blocks; the returned future completes on an event-loop thread, so callbacks
 * must be quick. Thread-safe.
 */
public final class NettyHttpClient implements AutoCloseable {
  private final HttpClientSettings settings;
  private final EventLoopGroup group;
  private final Bootstrap bootstrap;
  private final LongSupplier clock = System::nanoTime;
  private final ExchangeTimers timers;
  private final ConcurrentHashMap<HttpRequestSpec.Endpoint, HostPool> pools =
      new ConcurrentHashMap<>();
  private volatile SslContext ssl;
  private volatile boolean closed;

  public NettyHttpClient(HttpClientSettings settings) {
    this.settings = settings;
    boolean epoll = Epoll.isAvailable();
    this.group =
        new MultiThreadIoEventLoopGroup(
            settings.ioThreads(),
            new DefaultThreadFactory("reel-http", true),
            epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    this.bootstrap =
        new Bootstrap()
            .group(group)
            .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_KEEPALIVE, true);
    this.timers =
        new ExchangeTimers(
            settings.firstByteTimeout().toNanos(), settings.totalTimeout().toNanos());
  }

  /** Sends {@code spec}; the future always completes, with a response or a failure. */
  public CompletableFuture<HttpOutcome> send(HttpRequestSpec spec) {
    Exchange ex = new Exchange(spec);
    if (closed) {
      ex.fail(HttpOutcome.FailureKind.CANCELLED, "client closed", clock.getAsLong());
      return ex.result;
    }
    HostPool pool;
    try {
      pool = pools.computeIfAbsent(spec.endpoint(), k -> newPool(spec));
    } catch (IllegalStateException e) {
      ex.fail(HttpOutcome.FailureKind.TLS, e.getMessage(), clock.getAsLong());
      return ex.result;
    }
    pool.submit(ex);
    return ex.result;
  }

  private HostPool newPool(HttpRequestSpec spec) {
    return new HostPool(
        bootstrap,
        spec.endpoint().secure() ? sslContext() : null,
        spec,
        settings.maxConnectionsPerHost(),
        (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()),
        clock,
        timers,
        settings.keptHeaders());
  }

  private SslContext sslContext() {
    SslContext s = ssl;
    if (s == null) {
      synchronized (this) {
        if (ssl == null) {
          try {
            SslContextBuilder b = SslContextBuilder.forClient();
            if (settings.insecure()) {
              b.trustManager(InsecureTrustManagerFactory.INSTANCE)
                  .endpointIdentificationAlgorithm(null);
            } else {
              b.endpointIdentificationAlgorithm("HTTPS");
            }
            ssl = b.build();
          } catch (SSLException e) {
            throw new IllegalStateException("cannot set up tls: " + e.getMessage(), e);
          }
        }
        s = ssl;
      }
    }
    return s;
  }

  /** Whether {@link #close()} has begun. */
  public boolean isClosing() {
    return closed;
  }

  /** Connections open right now, over all hosts (for tests and diagnostics). */
  public int openConnections() {
    int n = 0;
    for (HostPool p : pools.values()) {
      n += p.openCount();
    }
    return n;
  }

  /**
   * Closes all connections; requests still in flight or waiting complete as {@link
   * HttpOutcome.FailureKind#CANCELLED}.
   */
  @Override
  public void close() {
    closed = true;
    for (HostPool p : pools.values()) {
      p.close();
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
