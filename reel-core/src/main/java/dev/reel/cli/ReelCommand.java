package dev.reel.cli;

import dev.reel.job.InvalidRequestException;
import dev.reel.job.JobFailedException;
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
      OrganizeCommand.class,
      HighlightsCommand.class,
      RenderCommand.class,
      UndoCommand.class,
      RunsCommand.class,
      CacheCommand.class,
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
    return run(new ReelCommand(), args, streams);
  }

  /**
   * Runs {@code args} against another root command (reel-spark's) with reel's factory, usage and
   * failure handling and exit codes; its commands are built with a public (StdStreams) constructor
   * where they have one.
   */
  public static int run(Object root, String[] args, StdStreams streams) {
    CommandLine cmd = new CommandLine(root, new CommandFactory(streams));
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

  /** Builds commands with the streams they write to: those with a (StdStreams) constructor. */
  private record CommandFactory(StdStreams streams) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        var ctor = cls.getDeclaredConstructor(StdStreams.class);
        return ctor.newInstance(streams);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }

  /**
   * Maps a failure that escaped a command to one line on stderr and its exit code, in one place: an
   * invalid request is a usage error (2); anything else, a job failure or a bug, is 3. Stack traces
   * only with --verbose.
   */
  private record FailureHandler(StdStreams streams, boolean verbose)
      implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
        Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
      String name = cmd.getCommandSpec().qualifiedName();
      int code;
      String msg;
      if (ex instanceof InvalidRequestException) {
        code = 2;
        msg = ex.getMessage();
      } else if (ex instanceof JobFailedException || ex instanceof java.io.IOException) {
        code = 3;
        msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
      } else {
        code = 3;
        msg =
            "internal error: "
                + ex.getClass().getSimpleName()
                + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
                + (verbose ? "" : " (run with -v for details)");
      }
      cmd.getErr().println(name + ": " + msg);
      if (verbose) {
        ex.printStackTrace(streams.err());
      }
      return code;
    }
  }
}
