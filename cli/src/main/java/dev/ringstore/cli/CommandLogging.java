package dev.ringstore.cli;

import java.io.PrintStream;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of the short commands ({@code get}, {@code put}, {@code status}, ...): each
 * line to standard error, as logback.xml would print it, with logback.xml's levels. Logback reading
 * its XML configuration loaded some 800 classes (its own, an XML parser's) and took a fifth of a
 * {@code get}'s start-up, for a process that normally logs nothing. The processes people read logs
 * of ({@code node}, {@code config-server}, {@code local}) keep logback; so does a command run with
 * {@code -Dlogback.configurationFile} or {@code -Dslf4j.provider} (see {@link #appliesTo}).
 *
 * <p>Not registered as a service: SLF4J uses it only when {@link #install} names it in the {@code
 * slf4j.provider} system property, before the first logger is made.
 */
public final class CommandLogging implements SLF4JServiceProvider {
  /** The subcommands that keep logback. */
  static final Set<String> LOGBACK_COMMANDS = Set.of("node", "config-server", "local");

  static final String PROVIDER_PROPERTY = "slf4j.provider";
  static final String VERBOSITY_PROPERTY = "slf4j.internal.verbosity";
  static final String LOGBACK_CONFIG_PROPERTY = "logback.configurationFile";

  /** The root level logback.xml reads from the environment. */
  static final String LEVEL_VARIABLE = "RINGSTORE_LOG_LEVEL";

  private final ILoggerFactory loggers =
      new Factory(rootLevel(System.getenv(LEVEL_VARIABLE)), System.err);
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();

  /** Makes this the SLF4J provider of this process when {@link #appliesTo} the command line. */
  static void install(String... args) {
    if (args.length > 0 && LOGBACK_COMMANDS.contains(args[0])) {
      // Ratis's shaded gRPC logs through java.util.logging, whose console handler would print
      // every refused TLS handshake with a stack trace: route it into logback, at logback's levels.
      org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
      org.slf4j.bridge.SLF4JBridgeHandler.install();
    }
    if (appliesTo(args, System.getProperties())) {
      System.setProperty(PROVIDER_PROPERTY, CommandLogging.class.getName());
      if (System.getProperty(VERBOSITY_PROPERTY) == null) {
        // Else SLF4J announces on standard error that it loads the provider named.
        System.setProperty(VERBOSITY_PROPERTY, "WARN");
      }
    }
  }

  /**
   * Whether a command line gets this provider: not for a subcommand that keeps logback, nor when
   * the JVM was told which provider or which logback configuration to use.
   */
  static boolean appliesTo(String[] args, Map<Object, Object> properties) {
    return !(args.length > 0 && LOGBACK_COMMANDS.contains(args[0]))
        && !properties.containsKey(PROVIDER_PROPERTY)
        && !properties.containsKey(LOGBACK_CONFIG_PROPERTY);
  }

  /**
   * {@code RINGSTORE_LOG_LEVEL} as logback reads a level: case-insensitive, ALL as TRACE, OFF as
   * nothing (null), anything else it does not know as DEBUG; INFO when unset.
   */
  static Level rootLevel(String configured) {
    if (configured == null || configured.isBlank()) {
      return Level.INFO;
    }
    return switch (configured.strip().toUpperCase(Locale.ROOT)) {
      case "ALL", "TRACE" -> Level.TRACE;
      case "INFO" -> Level.INFO;
      case "WARN" -> Level.WARN;
      case "ERROR" -> Level.ERROR;
      case "OFF" -> null;
      default -> Level.DEBUG;
    };
  }

  /** The lowest level a logger prints (null: none), by logback.xml's loggers. */
  static Level threshold(String name, Level root) {
    if (name.equals("org.apache.ratis.server.RaftServer$Division")) {
      return Level.INFO;
    }
    for (String quiet : new String[] {"io.netty", "reactor", "org.apache.ratis"}) {
      if (name.equals(quiet) || name.startsWith(quiet + ".")) {
        return Level.WARN;
      }
    }
    return root;
  }

  /**
   * {@code name} shortened as logback's {@code %logger{length}} does: package segments from the
   * left cut to their first letter until it fits; the class name is kept whole.
   */
  static String abbreviate(String name, int length) {
    if (name.length() <= length) {
      return name;
    }
    String[] parts = name.split("\\.", -1);
    int excess = name.length() - length;
    for (int i = 0; i < parts.length - 1 && excess > 0; i++) {
      if (parts[i].length() > 1) {
        excess -= parts[i].length() - 1;
        parts[i] = parts[i].substring(0, 1);
      }
    }
    return String.join(".", parts);
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggers;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}

  /** Loggers by name, each printing at and above its {@link #threshold}. */
  static final class Factory implements ILoggerFactory {
    private final Level root;
    private final PrintStream out;
    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();

    Factory(Level root, PrintStream out) {
      this.root = root;
      this.out = out;
    }

    @Override
    public Logger getLogger(String name) {
      return loggers.computeIfAbsent(name, n -> new StderrLogger(n, threshold(n, root), out));
    }
  }

  /** Prints {@code HH:mm:ss.SSS LEVEL [thread] logger - message}, then any stack trace. */
  static final class StderrLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    private final transient Level threshold;
    private final transient PrintStream out;

    StderrLogger(String name, Level threshold, PrintStream out) {
      this.name = name;
      this.threshold = threshold;
      this.out = out;
    }

    private boolean enabled(Level level) {
      return threshold != null && level.toInt() >= threshold.toInt();
    }

    @Override
    public boolean isTraceEnabled() {
      return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
      return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
      return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
      return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
      return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
      String line =
          String.format(
              "%1$tH:%1$tM:%1$tS.%1$tL %2$-5s [%3$s] %4$s - %5$s",
              LocalTime.now(),
              level,
              Thread.currentThread().getName(),
              abbreviate(name, 20),
              MessageFormatter.basicArrayFormat(pattern, arguments));
      synchronized (out) {
        out.println(line);
        if (throwable != null) {
          throwable.printStackTrace(out);
        }
      }
    }
  }
}
