/**
 * Makes real media for tests and benchmarks: tiny video files in a chosen container and codec,
 * audio whose loudness over time follows an envelope, long audio-only recordings, and broken
 * variants (truncated, zero-length, random bytes, zeroed header). Encoding goes through {@link
 * dev.reel.media.MediaEncoder}; nothing here is mocked.
 */
package dev.reel.testmedia;
