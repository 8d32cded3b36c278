package dev.ringstore.client;

import com.google.protobuf.ByteString;
import dev.ringstore.common.versioning.CausalContext;
import java.util.List;

/** Conversions between the wire's byte strings and what the client hands its callers. */
final class WireValues {
  private WireValues() {}

  /** A context string from a get, in binary form; null or empty: none. Refuses a malformed one. */
  static ByteString contextBytes(String context) {
    if (context == null || context.isEmpty()) {
      return ByteString.EMPTY;
    }
    return ByteString.copyFrom(CausalContext.decode(context).toBytes());
  }

  /** A binary context as the opaque string callers pass back; empty bytes: the empty context. */
  static String contextText(ByteString bytes) {
    return bytes.isEmpty()
        ? CausalContext.EMPTY.encode()
        : CausalContext.fromBytes(bytes.toByteArray()).encode();
  }

  static List<byte[]> bytes(List<ByteString> values) {
    return values.stream().map(ByteString::toByteArray).toList();
  }
}
