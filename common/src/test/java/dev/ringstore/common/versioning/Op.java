package dev.ringstore.common.versioning;

/**
 * One step of a generated history of a single key on a few replicas. Indices are taken modulo the
 * number of replicas (or reads so far), so any generated numbers make a valid history.
 */
sealed interface Op {
  /** A client write coordinated by {@code replica}, with the context of an earlier read or none. */
  record Put(int replica, boolean withContext, int read) implements Op {}

  /**
   * A client delete coordinated by {@code replica}, with the context of an earlier read or none.
   */
  record Delete(int replica, boolean withContext, int read) implements Op {}

  /** A client read from {@code replica}; its values and context are remembered. */
  record Get(int replica) implements Op {}

  /** Anti-entropy: {@code to} merges {@code from}'s state, and the other way too if both ways. */
  record Sync(int from, int to, boolean bothWays) implements Op {}
}
