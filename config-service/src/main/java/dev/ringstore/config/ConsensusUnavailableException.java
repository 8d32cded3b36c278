package dev.ringstore.config;

/**
 * A command or query that the group could not commit or answer before its deadline: no leader was
 * reachable, or the leader could not reach a majority of the replicas.
 *
 * <p>For a command the outcome is unknown: it may still have been committed, and may be applied
 * later. Callers that retry must make their commands idempotent (for example, conditional on a
 * version they read).
 */
public class ConsensusUnavailableException extends RuntimeException {
  /** Creates the exception with a message saying what was tried. */
  public ConsensusUnavailableException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the transport's failure behind it. */
  public ConsensusUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
