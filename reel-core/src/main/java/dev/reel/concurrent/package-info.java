/**
 * Bounded parallel work over a stream of items: a fixed number of named platform workers, a bounded
 * window of items in flight, per-item outcomes ({@link dev.reel.concurrent.ItemOutcome}) and
 * per-item timeouts that free the batch from a stuck item. See docs/CONCURRENCY.md.
 */
package dev.reel.concurrent;
