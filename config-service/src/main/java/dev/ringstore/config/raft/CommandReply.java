package dev.ringstore.config.raft;

import java.nio.charset.StandardCharsets;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;

/**
 * The reply to a committed command as it travels back to the submitter: one status byte, then
 * either the state's reply or the reason it failed.
 *
 * <pre>
 *   +------+----------------------------------+
 *   | 0x00 | reply bytes from apply()         |   applied
 *   +------+----------------------------------+
 *   | 0x01 | UTF-8 message of apply()'s error |   apply() threw
 *   +------+----------------------------------+
 * </pre>
 *
 * <p>A failed apply travels as a successful Ratis reply because Ratis closes a replica whose
 * state-machine future fails in the same batch as a snapshot, and a deterministic failure would
 * close every replica at once.
 */
final class CommandReply {
  private static final byte APPLIED = 0;
  private static final byte FAILED = 1;

  private CommandReply() {}

  static ByteString applied(byte[] reply) {
    return ByteString.copyFrom(new byte[] {APPLIED}).concat(ByteString.copyFrom(reply));
  }

  static ByteString failed(RuntimeException e) {
    return ByteString.copyFrom(new byte[] {FAILED})
        .concat(ByteString.copyFrom(String.valueOf(e), StandardCharsets.UTF_8));
  }

  /**
   * The state's reply.
   *
   * @throws IllegalStateException when the state failed to apply the command
   */
  static byte[] unwrap(ByteString message) {
    if (message.isEmpty()) {
      throw new IllegalStateException("empty command reply");
    }
    ByteString body = message.substring(1);
    if (message.byteAt(0) == APPLIED) {
      return body.toByteArray();
    }
    throw new IllegalStateException(
        "the replicated state failed to apply the command: " + body.toStringUtf8());
  }
}
