package dev.ringstore.cli;

import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import java.io.PrintStream;

/**
 * Prints logback's own errors (a log file it cannot open, say) to standard error, and nothing else.
 * Without a listener logback prints every status message of its configuration, to standard output,
 * as soon as one is a warning, and logback.xml always has one: the appender it does not use (stderr
 * or the file, by {@code RINGSTORE_LOG_TO}) is "not referenced".
 */
public final class LogbackErrorListener extends ContextAwareBase implements StatusListener {
  private final PrintStream err;

  /** The listener logback makes from {@code logback.xml}. */
  public LogbackErrorListener() {
    this(System.err);
  }

  LogbackErrorListener(PrintStream err) {
    this.err = err;
  }

  @Override
  public void addStatusEvent(Status status) {
    if (status.getEffectiveLevel() >= Status.ERROR) {
      err.println("logback: " + status);
    }
  }
}
