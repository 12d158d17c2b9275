package dev.reel.organize;

/**
 * What happens when a target exists with other content: never overwritten; the file is skipped
 * (reported), given the next free {@code (2)} name, or the whole plan fails before anything moves.
 */
public enum OnConflict {
  SKIP,
  INDEX,
  FAIL
}
