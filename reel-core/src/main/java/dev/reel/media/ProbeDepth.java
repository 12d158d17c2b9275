package dev.reel.media;

/** How much work a probe does on each file. */
public enum ProbeDepth {
  /** Open the container and read stream parameters; decode nothing the container already says. */
  HEADER,
  /** Also read stream info that needs decoding and decode the first video and audio frame. */
  DEEP
}
