package dev.reel.identify;

import java.util.Map;

/**
 * What one path segment says.
 *
 * @param properties the properties found, in discovery order (lists for several values)
 * @param title the title text, or null
 * @param episodeTitle the episode title text, or null
 * @param releaseGroup the release group, or null
 */
record SegmentParse(
    Map<String, Object> properties, String title, String episodeTitle, String releaseGroup) {}
