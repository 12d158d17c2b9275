/**
 * The one folder walker every job uses: lazy, sorted, hidden entries skipped unless asked, symbolic
 * link loops safe, unreadable folders reported and skipped.
 */
package dev.reel.walk;
