package dev.reel.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code reel dev ...}: hidden tools for developers and benchmarks. */
@Command(
    name = "dev",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = "Developer tools (test media for benchmarks).",
    subcommands = {MakeMediaCommand.class})
final class DevCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing dev command");
  }
}
