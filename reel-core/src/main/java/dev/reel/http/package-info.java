/**
 * An HTTP/1.1 client for many small concurrent requests, on Netty: keep-alive connection pools per
 * host with a connection limit, timeouts for connect, first byte and the whole exchange, and
 * outcomes that say what happened ({@link dev.reel.http.HttpOutcome}). The only package that
 * imports {@code io.netty}; only records leave it.
 */
package dev.reel.http;
