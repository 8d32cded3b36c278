package dev.ringstore.cli;

import dev.ringstore.node.server.RequestLimits;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The node's request limits (a key of 1 byte to 64 KiB, a value of at most 8 MiB), checked on the
 * command line before anything is sent: a request no node would take is one line and exit 2, and an
 * 8 MiB value over the limit is not uploaded first only to be refused.
 */
final class ClientLimits {
  static final int MAX_KEY_BYTES = RequestLimits.MAX_KEY_BYTES_DEFAULT;
  static final int MAX_VALUE_BYTES = RequestLimits.MAX_VALUE_BYTES_DEFAULT;

  private ClientLimits() {}

  /** The key as UTF-8, refused when empty or over {@link #MAX_KEY_BYTES}. */
  static byte[] key(CommandSpec spec, String key) {
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    if (bytes.length == 0) {
      throw new ParameterException(spec.commandLine(), "the key must not be empty");
    }
    if (bytes.length > MAX_KEY_BYTES) {
      throw new ParameterException(
          spec.commandLine(),
          "the key is "
              + bytes.length
              + " bytes, over the node's limit of "
              + MAX_KEY_BYTES
              + " (64 KiB)");
    }
    return bytes;
  }

  /**
   * Refuses a value over {@link #MAX_VALUE_BYTES} (one read from standard input is cut at one byte
   * more, so its length is not known).
   */
  static byte[] value(CommandSpec spec, byte[] value) {
    if (value.length > MAX_VALUE_BYTES) {
      throw new ParameterException(
          spec.commandLine(),
          "the value is over the node's limit of " + MAX_VALUE_BYTES + " bytes (8 MiB)");
    }
    return value;
  }
}
