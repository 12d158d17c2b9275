package dev.reel.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.util.AsciiString;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Keep-alive connections to one (scheme, host, port), at most {@code max} open at once. A request
 * takes an idle connection, opens a new one while under the limit, or waits in line; a connection
 * that finishes a request serves the next in line before it goes idle.
 *
 * <p>{@code open} counts connections open or opening; only a channel's close listener (or a failed
 * connect) lowers it, so each connection is counted down exactly once. The lock guards {@code
 * idle}, {@code waiting} and {@code open}; nothing is sent while it is held.
 */
final class HostPool {
  private final Bootstrap bootstrap;
  private final String host;
  private final int port;
  private final int max;
  private final LongSupplier clock;
  private final List<String> keptHeaders;
  private final String hostHeader;
  private final List<AsciiString> keptHeaderNames;
  private final ArrayDeque<Channel> idle = new ArrayDeque<>();
  private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
  private final List<Channel> all = new ArrayList<>();
  private int open;
  private boolean closed;

  HostPool(
      Bootstrap base,
      SslContext ssl,
      HttpRequestSpec first,
      int max,
      int connectTimeoutMillis,
      LongSupplier clock,
      ExchangeTimers timers,
      List<String> keptHeaders) {
    this.host = first.endpoint().host();
    this.port = first.endpoint().port();
    this.hostHeader = first.endpoint().hostHeader();
    this.max = max;
    this.clock = clock;
    this.keptHeaders = keptHeaders;
    this.keptHeaderNames = keptHeaders.stream().map(AsciiString::of).toList();
    HostPool pool = this;
    this.bootstrap =
        base.clone()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    if (ssl != null) {
                      ch.pipeline().addLast(ssl.newHandler(ch.alloc(), host, port));
                    }
                    ch.pipeline()
                        .addLast(new HttpClientCodec())
                        .addLast(new ExchangeHandler(pool, clock, timers));
                  }
                });
  }

  void submit(Exchange ex) {
    Channel ch;
    synchronized (this) {
      if (closed) {
        ex.fail(HttpOutcome.FailureKind.CANCELLED, "client closed", clock.getAsLong());
        return;
      }
      do {
        ch = idle.pollLast();
      } while (ch != null && !ch.isActive());
      if (ch == null) {
        if (open >= max) {
          waiting.add(ex);
          return;
        }
        open++;
      }
    }
    if (ch != null) {
      ex.reused = true;
      ex.startNanos = clock.getAsLong();
      send(ch, ex);
    } else {
      connect(ex);
    }
  }

  /** A connection finished a request and may serve another. */
  void release(Channel ch) {
    Exchange next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        if (closed) {
          ch.close();
        } else {
          idle.addLast(ch);
        }
        return;
      }
    }
    next.reused = true;
    next.startNanos = clock.getAsLong();
    send(ch, next);
  }

  synchronized int openCount() {
    return open;
  }

  boolean isClosed() {
    synchronized (this) {
      return closed;
    }
  }

  /** Closes every connection and cancels every waiting request. */
  void close() {
    List<Channel> channels;
    List<Exchange> cancelled;
    synchronized (this) {
      closed = true;
      channels = List.copyOf(all);
      cancelled = List.copyOf(waiting);
      waiting.clear();
      idle.clear();
    }
    long now = clock.getAsLong();
    for (Exchange ex : cancelled) {
      ex.fail(HttpOutcome.FailureKind.CANCELLED, "client closed", now);
    }
    for (Channel ch : channels) {
      ch.close();
    }
  }

  private void connect(Exchange ex) {
    ex.startNanos = clock.getAsLong();
    ChannelFuture f = bootstrap.connect(host, port);
    f.addListener(
        done -> {
          if (done.isSuccess()) {
            Channel ch = f.channel();
            synchronized (this) {
              all.add(ch);
            }
            ch.closeFuture().addListener(c -> closed(ch));
            send(ch, ex);
          } else {
            connectFailed();
            ex.fail(
                FailureText.kind(done.cause()),
                FailureText.message(done.cause(), ex.spec),
                clock.getAsLong());
          }
        });
  }

  private void send(Channel ch, Exchange ex) {
    ExchangeHandler handler = ch.pipeline().get(ExchangeHandler.class);
    if (ch.eventLoop().inEventLoop()) {
      handler.send(ch, ex);
    } else {
      ch.eventLoop().execute(() -> handler.send(ch, ex));
    }
  }

  private void connectFailed() {
    Exchange next = null;
    synchronized (this) {
      open--;
      if (!closed && !waiting.isEmpty() && open < max) {
        open++;
        next = waiting.poll();
      }
    }
    if (next != null) {
      connect(next);
    }
  }

  private void closed(Channel ch) {
    Exchange next = null;
    synchronized (this) {
      all.remove(ch);
      idle.remove(ch);
      open--;
      if (!closed && !waiting.isEmpty() && open < max) {
        open++;
        next = waiting.poll();
      }
    }
    if (next != null) {
      connect(next);
    }
  }

  /** Sends a request again after its reused connection turned out to be closed. */
  void resend(Exchange ex) {
    ex.staleResends++;
    ex.reused = false;
    ex.ttfbNanos = -1;
    submit(ex);
  }

  /** The Host header of every request to this pool, made once. */
  String hostHeader() {
    return hostHeader;
  }

  List<String> keptHeaders() {
    return keptHeaders;
  }

  List<AsciiString> keptHeaderNames() {
    return keptHeaderNames;
  }
}
