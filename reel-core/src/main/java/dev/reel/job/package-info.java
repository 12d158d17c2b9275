/**
 * What every job shares: per-item {@link dev.reel.job.Outcome}s, the {@link
 * dev.reel.job.JobSummary} that counts them and decides the exit code, and the typed failures
 * (invalid request: exit 2; job failed: exit 3) that the command runner maps in one place.
 */
package dev.reel.job;
