package dev.reel.identify;

import java.util.Map;

/**
 * What one path segment says.
 *
 * @param properties the properties found, in discovery order (lists for several values)
 * @param title the title text, or null
 * @param episodeTitle the episode title text, or null
 * @param releaseGroup the release group, or null
 * @param dayInFront whether a date stands before a film's title and year
 *     ("09.03.08.The.Doors.(1991)"): the day the file was saved, not an episode's
 */
record SegmentParse(
    Map<String, Object> properties,
    String title,
    String episodeTitle,
    String releaseGroup,
    boolean dayInFront) {}
