package dev.reel.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: {@code reel <command> [options]}. */
@Command(
    name = "reel",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Probe, identify, organize, cut and serve large amounts of video.",
    subcommands = {
      ProbeCommand.class,
      IdentifyCommand.class,
      PrewarmCommand.class,
      DevCommand.class,
      CommandLine.HelpCommand.class
    })
public final class ReelCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }

  /** Runs {@code args} and returns the exit code: 0 ok, 1 some items failed, 2 usage, 3 failure. */
  public static int run(String[] args, StdStreams streams) {
    CommandLine cmd = new CommandLine(new ReelCommand(), new CommandFactory(streams));
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setOut(new PrintWriter(streams.out(), true));
    cmd.setErr(new PrintWriter(streams.err(), true));
    cmd.setExecutionExceptionHandler(new FailureHandler(streams, hasVerbose(args)));
    cmd.setParameterExceptionHandler(ReelCommand::usageError);
    return cmd.execute(args);
  }

  /**
   * A usage error: one line naming the command. An unknown option or argument also shows the usage;
   * other errors (a missing file, a bad value) point to --help instead of burying the line.
   */
  private static int usageError(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
    if (ex instanceof CommandLine.UnmatchedArgumentException) {
      cmd.usage(err);
    } else {
      err.println("see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
    }
    return 2;
  }

  private static boolean hasVerbose(String[] args) {
    for (String a : args) {
      if (a.equals("--verbose") || a.equals("-v")) {
        return true;
      }
    }
    return false;
  }

  /** Builds commands with the streams they write to. */
  private record CommandFactory(StdStreams streams) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (cls == ProbeCommand.class) {
        return cls.cast(new ProbeCommand(streams));
      }
      if (cls == IdentifyCommand.class) {
        return cls.cast(new IdentifyCommand(streams));
      }
      if (cls == PrewarmCommand.class) {
        return cls.cast(new PrewarmCommand(streams));
      }
      if (cls == PrewarmListCommand.class) {
        return cls.cast(new PrewarmListCommand(streams));
      }
      if (cls == PrewarmReportCommand.class) {
        return cls.cast(new PrewarmReportCommand(streams));
      }
      if (cls == MakeMediaCommand.class) {
        return cls.cast(new MakeMediaCommand(streams));
      }
      return CommandLine.defaultFactory().create(cls);
    }
  }

  /** Turns an exception escaping a command into one line on stderr and exit code 3. */
  private record FailureHandler(StdStreams streams, boolean verbose)
      implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
        Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
      if (ex instanceof IllegalArgumentException) {
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
        return 2;
      }
      String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
      cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + msg);
      if (verbose) {
        ex.printStackTrace(streams.err());
      }
      return 3;
    }
  }
}
