package dev.reel.spark.cli;

import dev.reel.cli.VersionProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command of reel-spark: {@code reel spark <command> [options]}. */
@Command(
    name = "reel spark",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "reel's jobs on Apache Spark: the driver lists, executors run the same job code as",
      "reel on one machine, and the outputs are the same. Paths must be visible to every",
      "executor (a shared mount); results folders must be on storage every executor shares."
    },
    subcommands = {
      SparkProbeCommand.class,
      SparkPrewarmCommand.class,
      SparkHighlightsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class SparkCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }
}
