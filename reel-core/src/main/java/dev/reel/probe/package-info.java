/**
 * The probe job: walk paths, probe every video file in parallel with per-file timeouts, and stream
 * one result per file to a table or JSON lines, with a summary at the end.
 */
package dev.reel.probe;
