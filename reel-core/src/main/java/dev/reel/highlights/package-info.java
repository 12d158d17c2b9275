/**
 * {@code reel highlights}: the loudness of long recordings over time, read block by block in
 * constant memory, and the loud moments found in it (a threshold from the recording's own levels,
 * and the seed tool's sustained, spike and jump rules).
 */
package dev.reel.highlights;
