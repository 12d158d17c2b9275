package dev.reel.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Runs one exchange at a time on a connection: writes the request, times the status line, counts
 * and discards the body, and hands the connection back to its pool when the response ends. Runs
 * only on the connection's event loop.
 */
final class ExchangeHandler extends ChannelInboundHandlerAdapter {
  private final HostPool pool;
  private final LongSupplier clock;
  private final ExchangeTimers timers;
  private Exchange current;
  private ScheduledFuture<?> deadlines;

  ExchangeHandler(HostPool pool, LongSupplier clock, ExchangeTimers timers) {
    this.pool = pool;
    this.clock = clock;
    this.timers = timers;
  }

  void send(Channel ch, Exchange ex) {
    if (!ch.isActive()) {
      failOrResend(ex, new java.nio.channels.ClosedChannelException());
      return;
    }
    current = ex;
    ex.sentNanos = clock.getAsLong();
    ch.writeAndFlush(request(ex.spec, pool.hostHeader()))
        .addListener(
            w -> {
              if (!w.isSuccess() && current == ex) {
                current = null;
                ch.close();
                failOrResend(ex, w.cause());
              }
            });
  }

  private static final HttpHeadersFactory HEADERS =
      DefaultHttpHeadersFactory.headersFactory().withValidation(false);
  private static final HttpHeadersFactory TRAILERS =
      DefaultHttpHeadersFactory.trailersFactory().withValidation(false);
  private static final AsciiString ANY = AsciiString.cached("*/*");

  /** Header names and values were checked when the run was set up; no validation per request. */
  private static FullHttpRequest request(HttpRequestSpec spec, String hostHeader) {
    FullHttpRequest req =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1,
            HttpMethod.valueOf(spec.method()),
            spec.target(),
            Unpooled.EMPTY_BUFFER,
            HEADERS,
            TRAILERS);
    HttpHeaders h = req.headers();
    h.set(HttpHeaderNames.HOST, hostHeader);
    h.set(HttpHeaderNames.ACCEPT, ANY);
    for (HttpRequestSpec.Header header : spec.headers()) {
      h.add(header.name(), header.value());
    }
    return req;
  }

  /**
   * Timeouts are checked by one periodic task per connection rather than two timers per request:
   * scheduling and cancelling timers cost more than the request itself at tens of thousands of
   * requests a second. A timeout fires up to one tick (1/8 of the shorter limit, 5-250 ms) late.
   */
  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    long tick =
        Math.clamp(
            Math.min(timers.firstByteNanos(), timers.totalNanos()) / 8,
            TimeUnit.MILLISECONDS.toNanos(5),
            TimeUnit.MILLISECONDS.toNanos(250));
    deadlines =
        ctx.executor()
            .scheduleAtFixedRate(
                () -> checkDeadlines(ctx.channel()), tick, tick, TimeUnit.NANOSECONDS);
    ctx.fireChannelActive();
  }

  private void checkDeadlines(Channel ch) {
    Exchange ex = current;
    if (ex == null) {
      return;
    }
    long now = clock.getAsLong();
    if (ex.ttfbNanos < 0 && now - ex.sentNanos >= timers.firstByteNanos()) {
      timeOut(ch, ex, "no response within " + seconds(timers.firstByteNanos()));
    } else if (now - ex.startNanos >= timers.totalNanos()) {
      timeOut(ch, ex, "response not complete within " + seconds(timers.totalNanos()));
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      Exchange ex = current;
      if (ex == null) {
        return; // a late part of a response we gave up on
      }
      if (msg instanceof HttpObject o && o.decoderResult().isFailure()) {
        current = null;
        ctx.close();
        ex.fail(
            HttpOutcome.FailureKind.CONNECTION,
            "invalid HTTP response from "
                + ex.spec.endpoint().host()
                + ":"
                + ex.spec.endpoint().port()
                + ": "
                + o.decoderResult().cause().getMessage(),
            clock.getAsLong());
        return;
      }
      if (msg instanceof HttpResponse r) {
        if (ex.ttfbNanos < 0) {
          ex.ttfbNanos = clock.getAsLong() - ex.startNanos;
        }
        int code = r.status().code();
        // 1xx (100 Continue, 103 Early Hints) come before the real response: wait for it
        ex.informational = code >= 100 && code < 200 && code != 101;
        if (ex.informational) {
          return;
        }
        ex.status = code;
        ex.keepAlive = HttpUtil.isKeepAlive(r);
        List<String> names = pool.keptHeaders();
        List<AsciiString> keys = pool.keptHeaderNames();
        HttpHeaders headers = r.headers();
        for (int i = 0; i < keys.size(); i++) {
          String v = headers.get(keys.get(i));
          if (v != null) {
            ex.headers.put(names.get(i), v);
          }
        }
      }
      if (msg instanceof HttpContent c) {
        if (ex.informational) {
          if (msg instanceof LastHttpContent) {
            ex.informational = false;
          }
          return;
        }
        ex.bodyBytes += c.content().readableBytes();
        if (msg instanceof LastHttpContent) {
          current = null;
          if (ex.keepAlive && ctx.channel().isActive() && !pool.isClosed()) {
            pool.release(ctx.channel());
          } else {
            ctx.close();
          }
          ex.succeed(clock.getAsLong());
        }
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Exchange ex = current;
    current = null;
    ctx.close();
    if (ex != null) {
      failOrResend(ex, cause);
    }
  }

  /** A failed TLS handshake says so, rather than looking like a closed connection. */
  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof SslHandshakeCompletionEvent e && !e.isSuccess()) {
      Exchange ex = current;
      current = null;
      ctx.close();
      if (ex != null && !ex.done()) {
        Throwable cause =
            e.cause() instanceof javax.net.ssl.SSLException
                ? e.cause()
                : new javax.net.ssl.SSLException(e.cause().getMessage(), e.cause());
        ex.fail(
            HttpOutcome.FailureKind.TLS, FailureText.message(cause, ex.spec), clock.getAsLong());
      }
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (deadlines != null) {
      deadlines.cancel(false);
    }
    Exchange ex = current;
    current = null;
    if (ex != null) {
      failOrResend(ex, new java.nio.channels.ClosedChannelException());
    }
    ctx.fireChannelInactive();
  }

  /**
   * A keep-alive connection the server already closed fails before any byte comes back; such a
   * request is sent again on another connection (at most twice), as browsers do for idempotent
   * requests.
   */
  private void failOrResend(Exchange ex, Throwable cause) {
    if (ex.done()) {
      return;
    }
    if (pool.isClosed()) {
      ex.fail(HttpOutcome.FailureKind.CANCELLED, "client closed", clock.getAsLong());
    } else if (ex.reused && ex.ttfbNanos < 0 && ex.staleResends < 2) {
      pool.resend(ex);
    } else {
      ex.fail(FailureText.kind(cause), FailureText.message(cause, ex.spec), clock.getAsLong());
    }
  }

  private void timeOut(Channel ch, Exchange ex, String message) {
    if (current != ex || ex.done()) {
      return;
    }
    current = null;
    ex.fail(HttpOutcome.FailureKind.TIMEOUT, message, clock.getAsLong());
    ch.close();
  }

  private static String seconds(long nanos) {
    double s = nanos / 1e9;
    return s == Math.rint(s) ? (long) s + " s" : String.format("%.3f s", s);
  }
}
