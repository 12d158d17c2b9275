/**
 * {@code reel organize}: scans folders, probes and identifies every video, plans where each goes in
 * a Plex or Jellyfin library (duplicates, conflicts, sidecars, unplayable files), and carries the
 * plan out through a journal so that a run can be resumed after a crash and undone.
 */
package dev.reel.organize;
