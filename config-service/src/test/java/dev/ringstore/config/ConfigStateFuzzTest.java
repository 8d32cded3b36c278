package dev.ringstore.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.ringstore.common.NodeId;
import dev.ringstore.protocol.v1.ConfigReply;
import dev.ringstore.protocol.v1.ConfigSnapshot;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.RoutingState;
import dev.ringstore.ring.BucketTable;
import dev.ringstore.ring.BucketTableBinary;
import dev.ringstore.ring.Member;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Timeout;

/**
 * Arbitrary command and query bytes applied to the config state machine, as a Raft log could carry
 * them from a buggy or hostile client. {@link ConfigState} must answer every one with a reply,
 * never throw (in a Raft group a throwing apply fails every replica alike and the client sees
 * {@code INTERNAL}); a refused command must change nothing; and after every step the state must
 * still hold together: its tables pass their own checks at the state's version, every table member
 * is a known node, and a snapshot restores to the same state.
 *
 * <p>Input: records of {@code [op][length][length bytes]}; an even op is a command, an odd one a
 * query. The state starts as {@link PrimedConfigState}.
 */
@Timeout(120)
class ConfigStateFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void anyCommandsLeaveAConsistentState(byte[] input) throws Exception {
    ConfigState state = PrimedConfigState.fresh();
    ByteBuffer records = ByteBuffer.wrap(input);
    for (int step = 0; step < 16 && records.remaining() >= 2; step++) {
      boolean command = (records.get() & 1) == 0;
      byte[] bytes = new byte[Math.min(records.get() & 0xFF, records.remaining())];
      records.get(bytes);

      byte[] before = state.snapshot();
      ConfigReply reply = ConfigReply.parseFrom(command ? state.apply(bytes) : state.query(bytes));
      assertThat(reply.getError().getCode()).isNotEqualTo(ErrorCode.INTERNAL);
      if (reply.hasError() || !command) {
        assertThat(state.snapshot())
            .as("a refused command or a query changes nothing")
            .isEqualTo(before);
      }
      checkConsistent(state);
    }
  }

  private static void checkConsistent(ConfigState state) throws InvalidProtocolBufferException {
    byte[] snapshot = state.snapshot();
    ConfigState restored = new ConfigState();
    restored.restore(snapshot);
    assertThat(restored.snapshot()).as("a snapshot restores to the same state").isEqualTo(snapshot);

    RoutingState routing = ConfigSnapshot.parseFrom(snapshot).getRouting();
    assertThat(routing.getVersion()).isEqualTo(state.version());
    Set<NodeId> known = new TreeSet<>();
    routing.getNodesList().forEach(n -> known.add(NodeId.of(n.getId())));
    for (var encoded : Arrays.asList(routing.getCurrent(), routing.getTarget())) {
      if (encoded.isEmpty()) {
        continue;
      }
      BucketTable table = BucketTableBinary.decode(encoded.toByteArray());
      assertThat(table.version()).isEqualTo(state.version());
      assertThat(table.members().stream().map(Member::id)).allMatch(known::contains);
    }
    if (!routing.getTarget().isEmpty()) {
      assertThat(routing.getCurrent().isEmpty()).as("a transfer starts from a table").isFalse();
    }
  }
}
