/**
 * Media records and interfaces: what a file contains ({@link dev.reel.media.MediaInfo}), how it is
 * probed ({@link dev.reel.media.MediaProbe}) and how synthetic media is encoded ({@link
 * dev.reel.media.MediaEncoder}). Nothing here touches native code; {@code media.ffmpeg} does.
 */
package dev.reel.media;
