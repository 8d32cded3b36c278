package dev.ringstore.cli;

import dev.ringstore.ring.RingSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Checks shared by {@link ReadFlags} and {@link WriteFlags}: each count, and counts against each
 * other.
 */
final class RequestFlags {
  private RequestFlags() {}

  /** The value of a count flag: 0 when absent (the node's default), else 1 to the largest N. */
  static int count(CommandSpec spec, String flag, Integer value) {
    if (value == null) {
      return 0;
    }
    if (value < 1 || value > RingSettings.MAX_REPLICAS) {
      throw new ParameterException(
          spec.commandLine(),
          flag + " must be from 1 to " + RingSettings.MAX_REPLICAS + ", not " + value);
    }
    return value;
  }

  /** Refuses {@code flag} above {@code limitFlag} when both are given (0: not given). */
  static void notAbove(CommandSpec spec, String flag, int value, String limitFlag, int limit) {
    if (limit > 0 && value > limit) {
      throw new ParameterException(
          spec.commandLine(),
          flag + " (" + value + ") must not exceed " + limitFlag + " (" + limit + ")");
    }
  }
}
