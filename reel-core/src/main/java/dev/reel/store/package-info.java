/**
 * reel's SQLite store under the cache folder: schema versions and migrations, WAL mode for two
 * processes at once, and the probe cache's table. A store that cannot be used is reported in one
 * line and the job goes on without it.
 */
package dev.reel.store;
