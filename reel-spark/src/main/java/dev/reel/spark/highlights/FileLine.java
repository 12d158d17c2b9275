package dev.reel.spark.highlights;

import dev.reel.highlights.ReviewPage;
import java.io.Serializable;

/**
 * One file's result as it travels back to the driver: the lines {@code reel highlights} prints for
 * it, whether it counts as failed, and its row of the overview page (null when it failed).
 */
record FileLine(String json, String table, boolean failed, ReviewPage.OverviewRow row)
    implements Serializable {}
