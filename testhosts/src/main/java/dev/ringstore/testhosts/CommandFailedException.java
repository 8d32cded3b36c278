package dev.ringstore.testhosts;

import java.util.List;

/**
 * An {@code ip} command that exited non-zero, with the command line and what it wrote to stderr, so
 * a failed setup says exactly which step the kernel refused and why.
 */
public final class CommandFailedException extends RuntimeException {
  private final List<String> command;
  private final String stderr;

  CommandFailedException(List<String> command, int exitCode, String stderr) {
    super("`" + String.join(" ", command) + "` exited " + exitCode + ": " + stderr.strip());
    this.command = List.copyOf(command);
    this.stderr = stderr;
  }

  CommandFailedException(List<String> command, String reason, Throwable cause) {
    super("`" + String.join(" ", command) + "` " + reason, cause);
    this.command = List.copyOf(command);
    this.stderr = "";
  }

  /** The full command line, binary first. */
  public List<String> command() {
    return command;
  }

  /** What the command wrote to stderr; empty when it could not be run at all. */
  public String stderr() {
    return stderr;
  }
}
