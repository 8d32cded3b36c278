package dev.ringstore.node.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.google.protobuf.ByteString;
import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.ActorId;
import dev.ringstore.common.versioning.CausalContext;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.common.versioning.VersionVector;
import dev.ringstore.protocol.v1.ErrorCode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever well-formed context a client sends, the node either refuses it as a BAD_REQUEST or can
 * write with it, again and again: no counter, actor or size a client chooses ends in an internal
 * error, on this write or on a later one by any node.
 */
class ClientContextProperties {
  private static final List<ActorId> ACTORS =
      List.of(
          new ActorId(NodeId.of("n1"), 1),
          new ActorId(NodeId.of("n2"), 2),
          new ActorId(NodeId.of("n3"), 3));

  private final ClientRequestChecks checks =
      new ClientRequestChecks(
          RequestLimits.DEFAULTS, new NodeMetrics(new SimpleMeterRegistry()), () -> Instant.EPOCH);

  @Property(tries = 300)
  void aContextIsRefusedAsABadRequestOrEveryNodeCanWriteWithIt(
      @ForAll("contexts") Map<ActorId, Long> counters) {
    ByteString encoded =
        ByteString.copyFrom(CausalContext.of(VersionVector.of(counters)).toBytes());
    CausalContext context;
    try {
      context = checks.context(encoded);
    } catch (RequestRejectedException refused) {
      assertThat(refused.code()).isEqualTo(ErrorCode.BAD_REQUEST);
      assertThat(counters.values()).anyMatch(c -> c > RequestLimits.MAX_CONTEXT_COUNTER);
      return;
    }
    DottedVersionVectorSet stored =
        DottedVersionVectorSet.empty()
            .update(CausalContext.EMPTY, new byte[] {1}, 1, ACTORS.get(0));
    DottedVersionVectorSet written = stored.update(context, new byte[] {2}, 2, ACTORS.get(1));
    for (ActorId coordinator : ACTORS) {
      assertThatCode(() -> written.update(written.context(), new byte[] {3}, 3, coordinator))
          .as("a later write coordinated by " + coordinator)
          .doesNotThrowAnyException();
    }
  }

  @Provide
  Arbitrary<Map<ActorId, Long>> contexts() {
    Arbitrary<Long> counters =
        Arbitraries.oneOf(
            Arbitraries.longs().between(1, 1_000),
            Arbitraries.longs().between(RequestLimits.MAX_CONTEXT_COUNTER - 2, Long.MAX_VALUE),
            Arbitraries.longs().between(1, Long.MAX_VALUE));
    return Arbitraries.maps(Arbitraries.of(ACTORS), counters).ofMinSize(1).ofMaxSize(3);
  }
}
