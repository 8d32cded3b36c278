package dev.ringstore.node.server;

import com.google.protobuf.ByteString;
import dev.ringstore.common.versioning.ActorId;
import dev.ringstore.common.versioning.CausalContext;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.common.versioning.MalformedVersionException;
import dev.ringstore.common.versioning.VersionVector;
import dev.ringstore.protocol.v1.ErrorCode;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RequestLimits} a client's request must keep: checked before anything is stored, each
 * failure a {@link RequestRejectedException} with the wire code and a reason the client can act on.
 */
final class ClientRequestChecks {
  private static final Logger log = LoggerFactory.getLogger(ClientRequestChecks.class);

  /** How often the sibling warning is logged at most; the metric counts every one. */
  static final Duration SIBLING_WARNING_INTERVAL = Duration.ofMinutes(1);

  private final RequestLimits limits;
  private final NodeMetrics metrics;
  private final RepeatedWarning siblingWarning;

  ClientRequestChecks(RequestLimits limits, NodeMetrics metrics, InstantSource clock) {
    this.limits = limits;
    this.metrics = metrics;
    this.siblingWarning = new RepeatedWarning(clock, SIBLING_WARNING_INTERVAL);
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

  /**
   * The client's causal context, decoded and checked against {@link RequestLimits}'s context
   * bounds: a context no read could have returned (too large, too many actors, a counter too close
   * to overflow for the next write to be counted) is a BAD_REQUEST before anything is stored.
   */
  CausalContext context(ByteString encoded) {
    if (encoded.isEmpty()) {
      return CausalContext.EMPTY;
    }
    if (encoded.size() > RequestLimits.MAX_CONTEXT_BYTES) {
      throw badContext(
          encoded.size() + " bytes, over the limit of " + RequestLimits.MAX_CONTEXT_BYTES);
    }
    CausalContext context;
    try {
      context = CausalContext.fromBytes(encoded.toByteArray());
    } catch (MalformedVersionException e) {
      throw badContext(e.getMessage());
    }
    VersionVector vector = context.versionVector();
    if (vector.size() > RequestLimits.MAX_CONTEXT_ACTORS) {
      throw badContext(
          vector.size() + " actors, over the limit of " + RequestLimits.MAX_CONTEXT_ACTORS);
    }
    for (Map.Entry<ActorId, Long> entry : vector.asMap().entrySet()) {
      if (entry.getValue() > RequestLimits.MAX_CONTEXT_COUNTER) {
        throw badContext(
            "the counter of "
                + entry.getKey()
                + " is "
                + entry.getValue()
                + ", over the limit of 2^62; no read returns such a context");
      }
    }
    return context;
  }

  private static RequestRejectedException badContext(String problem) {
    return new RequestRejectedException(ErrorCode.BAD_REQUEST, "bad context: " + problem);
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
      long unlogged = siblingWarning.due();
      if (unlogged >= 0) {
        log.warn(
            "a key now has {} siblings (warning above {}); {} more such writes since the last"
                + " warning (ringstore_siblings_warnings_total counts them all)",
            next.size(),
            limits.warnSiblings(),
            unlogged);
      }
    }
    return next;
  }
}
