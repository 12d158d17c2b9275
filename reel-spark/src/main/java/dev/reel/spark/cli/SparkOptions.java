package dev.reel.spark.cli;

import picocli.CommandLine.Option;

/** Where a job runs on Spark, and in how many parts. */
public final class SparkOptions {
  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master (spark://host:7077, local[4], ...). Default: spark-submit's, else"
              + " embedded local[*].")
  String master;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      description =
          "Parts to split the work into. Default: 4 per core of the cluster, more for a large"
              + " job (500 files or 25,000 requests a part).")
  int partitions;
}
