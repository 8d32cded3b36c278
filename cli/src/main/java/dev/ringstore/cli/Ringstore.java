package dev.ringstore.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ringstore} command: runs a cluster (nodes, config-service replicas, or a whole local
 * cluster), talks to one, changes its membership (plan, commit), and simulates ring placement.
 * Every subcommand prints human output by default and JSON with {@code --json}; a bad argument
 * prints one line on standard error and exits with {@value #EXIT_USAGE}.
 */
@Command(
    name = "ringstore",
    mixinStandardHelpOptions = true,
    versionProvider = Ringstore.Version.class,
    description = "A Dynamo-style, always-writable key-value store.",
    subcommands = {
      NodeCommand.class,
      PutCommand.class,
      GetCommand.class,
      DeleteCommand.class,
      InspectCommand.class,
      StatusCommand.class,
      LocalCommand.class,
      RingCommand.class,
      ConfigServerCommand.class,
      ChangePlanCommand.class,
      CommitPlanCommand.class
    })
public final class Ringstore {
  /** Exit code for a bad command line or an impossible request. */
  public static final int EXIT_USAGE = 2;

  /** Exit code for a failure while carrying out a valid request. */
  public static final int EXIT_FAILURE = 1;

  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the command with the given streams and returns its exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Ringstore());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (e, ignored) -> {
          err.println(
              "ringstore: " + ErrorText.oneLine(String.valueOf(e.getMessage())) + " (see --help)");
          return EXIT_USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, command, parsed) -> {
          boolean usage = e instanceof IllegalArgumentException;
          err.println("ringstore: " + ErrorText.of(e));
          return usage ? EXIT_USAGE : EXIT_FAILURE;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The version from the runnable jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Ringstore.class.getPackage().getImplementationVersion();
      return new String[] {"ringstore " + (version == null ? "(development build)" : version)};
    }
  }
}
