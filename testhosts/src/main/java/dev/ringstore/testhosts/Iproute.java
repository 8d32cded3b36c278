package dev.ringstore.testhosts;

import java.util.List;

/**
 * Runs iproute2's {@code ip}. An interface so the unit tests can record the commands a {@link
 * TestNetwork} would issue without root.
 */
interface Iproute {
  /**
   * Runs {@code ip args...} and returns its stdout.
   *
   * @throws CommandFailedException when it exits non-zero or cannot be started
   */
  String run(List<String> args);

  default String run(String... args) {
    return run(List.of(args));
  }

  /** The {@code ip} executable, as callers put it at the head of an argv. */
  String binary();
}
