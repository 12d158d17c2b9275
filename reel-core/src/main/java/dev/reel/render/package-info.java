/**
 * {@code reel render}: edit lists (JSON, CSV, CMX 3600 EDL, OpenTimelineIO) read into one timeline
 * of clips. The renderer itself comes with its issue (#11); the reader is here first, so that the
 * edit lists {@code reel highlights} writes are proven readable.
 */
package dev.reel.render;
