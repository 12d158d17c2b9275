/**
 * {@code reel prewarm}: list video objects (folder, list file, rclone remote, S3 bucket), request
 * every derivative of each from a transforming CDN so that it is cached, and report exact latency
 * statistics in bounded memory. Listing is streamed, one JSONL line is written per request, and
 * statistics live in HdrHistograms. See docs/CONCURRENCY.md for the threads.
 */
package dev.reel.prewarm;
