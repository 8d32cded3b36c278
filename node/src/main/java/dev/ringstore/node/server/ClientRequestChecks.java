package dev.ringstore.node.server;

import com.google.protobuf.ByteString;
import dev.ringstore.common.versioning.CausalContext;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.common.versioning.MalformedVersionException;
import dev.ringstore.protocol.v1.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RequestLimits} a client's request must keep: checked before anything is stored, each
 * failure a {@link RequestRejectedException} with the wire code and a reason the client can act on.
 */
final class ClientRequestChecks {
  private static final Logger log = LoggerFactory.getLogger(ClientRequestChecks.class);

  private final RequestLimits limits;
  private final NodeMetrics metrics;

  ClientRequestChecks(RequestLimits limits, NodeMetrics metrics) {
    this.limits = limits;
    this.metrics = metrics;
  }

  byte[] key(ByteString key) {
    if (key.isEmpty()) {
      throw new RequestRejectedException(ErrorCode.BAD_REQUEST, "the key must not be empty");
    }
    if (key.size() > limits.maxKeyBytes()) {
      throw new RequestRejectedException(
          ErrorCode.TOO_LARGE,
          "key of " + key.size() + " bytes is over the limit of " + limits.maxKeyBytes());
    }
    return key.toByteArray();
  }

  void value(ByteString value) {
    if (value.size() > limits.maxValueBytes()) {
      throw new RequestRejectedException(
          ErrorCode.TOO_LARGE,
          "value of " + value.size() + " bytes is over the limit of " + limits.maxValueBytes());
    }
  }

  CausalContext context(ByteString encoded) {
    if (encoded.isEmpty()) {
      return CausalContext.EMPTY;
    }
    try {
      return CausalContext.fromBytes(encoded.toByteArray());
    } catch (MalformedVersionException e) {
      throw new RequestRejectedException(ErrorCode.BAD_REQUEST, "bad context: " + e.getMessage());
    }
  }

  /** Runs inside the per-key update: throwing here stores nothing. */
  DottedVersionVectorSet siblings(DottedVersionVectorSet next) {
    if (next.size() > limits.maxSiblings()) {
      throw new RequestRejectedException(
          ErrorCode.TOO_MANY_SIBLINGS,
          "the write would leave "
              + next.size()
              + " siblings (limit "
              + limits.maxSiblings()
              + "): read the key, resolve its siblings and write back with the read's context");
    }
    if (next.size() > limits.warnSiblings()) {
      metrics.siblingWarning();
      log.warn("a key now has {} siblings (warning above {})", next.size(), limits.warnSiblings());
    }
    return next;
  }
}
