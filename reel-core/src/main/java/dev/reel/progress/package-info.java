/**
 * Progress on stderr: a bar on a terminal, plain periodic lines otherwise, nothing when quiet.
 * Listeners are fast and never throw; {@link dev.reel.progress.ProgressListener#NONE} does nothing.
 */
package dev.reel.progress;
