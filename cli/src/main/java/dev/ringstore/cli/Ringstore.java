package dev.ringstore.cli;

import java.io.PrintWriter;
import java.util.List;
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
    description = "A Dynamo-style, always-writable key-value store.")
public final class Ringstore {
  /** Exit code for a bad command line or an impossible request. */
  public static final int EXIT_USAGE = 2;

  /** Exit code for a failure while carrying out a valid request. */
  public static final int EXIT_FAILURE = 1;

  /**
   * The subcommands, in the order {@code --help} lists them. Picocli reflects over every registered
   * command (its options, mixins and nested subcommands) and creates an instance of each, running
   * its static initialisers, before it parses anything: {@link #commandLine} registers only the one
   * a command line names, so that {@code ringstore get} does not pay for the node's classes.
   */
  static final List<Subcommand> SUBCOMMANDS =
      List.of(
          new Subcommand("node", NodeCommand.class),
          new Subcommand("put", PutCommand.class),
          new Subcommand("get", GetCommand.class),
          new Subcommand("delete", DeleteCommand.class),
          new Subcommand("inspect", InspectCommand.class),
          new Subcommand("status", StatusCommand.class),
          new Subcommand("local", LocalCommand.class),
          new Subcommand("ring", RingCommand.class),
          new Subcommand("config-server", ConfigServerCommand.class),
          new Subcommand("console", ConsoleCommand.class),
          new Subcommand("certs", CertsCommand.class),
          new Subcommand("plan", ChangePlanCommand.class),
          new Subcommand("commit", CommitPlanCommand.class));

  /** A subcommand's name (as its {@code @Command} gives it) and class. */
  record Subcommand(String name, Class<?> type) {}

  public static void main(String[] args) {
    CommandLogging.install(args);
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the command with the given streams and returns its exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = commandLine(args);
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

  /**
   * The command tree for {@code args}: when the first argument names a subcommand, the root with
   * that subcommand alone (all a parse of those arguments can reach); otherwise (no arguments,
   * {@code --help}, a misspelt subcommand, an {@code @file}) the root with every subcommand, so
   * that help and errors list them all.
   */
  static CommandLine commandLine(String... args) {
    CommandLine cli = new CommandLine(new Ringstore());
    String first = args.length == 0 ? null : args[0];
    for (Subcommand subcommand : SUBCOMMANDS) {
      if (subcommand.name().equals(first)) {
        return cli.addSubcommand(subcommand.name(), subcommand.type());
      }
    }
    for (Subcommand subcommand : SUBCOMMANDS) {
      cli.addSubcommand(subcommand.name(), subcommand.type());
    }
    return cli;
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
