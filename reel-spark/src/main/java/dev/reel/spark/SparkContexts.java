package dev.reel.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The Spark context a reel job runs in. A master given by spark-submit (or {@code spark.master})
 * wins over {@code --master}, which wins over embedded {@code local[*]}. Speculation stays off: a
 * speculative copy of a prewarm task would send its requests a second time.
 */
public final class SparkContexts {
  private SparkContexts() {}

  /**
   * Starts (or joins, under spark-submit) the context.
   *
   * @param master the {@code --master} option, or null
   */
  public static JavaSparkContext open(String job, String master) {
    SparkConf conf = new SparkConf().setAppName("reel " + job);
    if (master != null && !conf.contains("spark.master")) {
      conf.setMaster(master);
    }
    conf.setIfMissing("spark.master", "local[*]");
    conf.set("spark.speculation", "false");
    // a local run is one machine: no web UI port to take, and the loopback address whatever the
    // host's name resolves to (or whether it resolves at all)
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    JavaSparkContext sc = new JavaSparkContext(conf);
    sc.setLogLevel(System.getProperty("reel.spark.log", "WARN"));
    return sc;
  }
}
