/**
 * Media records and interfaces: what a file contains ({@link dev.reel.media.MediaInfo}), how it is
 * probed ({@link dev.reel.media.MediaProbe}), how its audio is decoded block by block ({@link
 * dev.reel.media.AudioDecoder}), how a range of it is cut into a clip ({@link
 * dev.reel.media.ClipCutter}) and how synthetic media is encoded ({@link
 * dev.reel.media.MediaEncoder}). Nothing here touches native code; {@code media.ffmpeg} does.
 */
package dev.reel.media;
