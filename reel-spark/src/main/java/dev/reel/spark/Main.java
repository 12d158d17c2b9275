package dev.reel.spark;

import dev.reel.cli.ReelCommand;
import dev.reel.cli.StdStreams;
import dev.reel.spark.cli.SparkCommand;

/**
 * The entry point of reel-spark: {@code ./reel spark ...} (embedded Spark) and {@code spark-submit
 * --class dev.reel.spark.Main reel-spark.jar ...} (a cluster).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(ReelCommand.run(new SparkCommand(), args, StdStreams.system()));
  }
}
