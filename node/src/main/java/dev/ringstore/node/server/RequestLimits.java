package dev.ringstore.node.server;

/**
 * The hard limits a node checks on every request before it stores anything. A request over a limit
 * gets a typed error (TOO_LARGE, TOO_MANY_SIBLINGS) and the connection stays usable.
 *
 * @param maxKeyBytes the longest key, default {@value #MAX_KEY_BYTES_DEFAULT}
 * @param maxValueBytes the largest value, default {@value #MAX_VALUE_BYTES_DEFAULT}
 * @param maxSiblings a client write that would leave more siblings is rejected, default {@value
 *     #MAX_SIBLINGS_DEFAULT}; never applied to repair, handoff or hint replay
 * @param warnSiblings a write that leaves more siblings than this is logged and counted, default
 *     {@value #WARN_SIBLINGS_DEFAULT}
 */
public record RequestLimits(int maxKeyBytes, int maxValueBytes, int maxSiblings, int warnSiblings) {
  public static final int MAX_KEY_BYTES_DEFAULT = 64 * 1024;
  public static final int MAX_VALUE_BYTES_DEFAULT = 8 * 1024 * 1024;
  public static final int MAX_SIBLINGS_DEFAULT = 100;
  public static final int WARN_SIBLINGS_DEFAULT = 25;

  /**
   * The largest causal context a client may send. A context names each actor that wrote the key (a
   * node incarnation, at most 82 bytes); this leaves room for over a thousand.
   */
  public static final int MAX_CONTEXT_BYTES = 128 * 1024;

  /** The most actors a client's causal context may name. */
  public static final int MAX_CONTEXT_ACTORS = 1024;

  /**
   * The highest counter a client's causal context may hold: 2^62, so that every write after it can
   * still be counted (a node's counter for one key grows by one per write it coordinates).
   */
  public static final long MAX_CONTEXT_COUNTER = 1L << 62;

  public static final RequestLimits DEFAULTS =
      new RequestLimits(
          MAX_KEY_BYTES_DEFAULT,
          MAX_VALUE_BYTES_DEFAULT,
          MAX_SIBLINGS_DEFAULT,
          WARN_SIBLINGS_DEFAULT);

  public RequestLimits {
    if (maxKeyBytes < 1 || maxValueBytes < 0 || maxSiblings < 1 || warnSiblings < 1) {
      throw new IllegalArgumentException("request limits must be positive");
    }
  }
}
