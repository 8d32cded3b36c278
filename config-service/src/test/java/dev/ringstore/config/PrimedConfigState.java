package dev.ringstore.config;

import dev.ringstore.protocol.v1.CommitCommand;
import dev.ringstore.protocol.v1.ConfigCommand;
import dev.ringstore.protocol.v1.ConfigReply;
import dev.ringstore.protocol.v1.JoinCommand;
import dev.ringstore.protocol.v1.NodeRecord;
import dev.ringstore.protocol.v1.PlanCommand;
import dev.ringstore.protocol.v1.PlanJoin;
import dev.ringstore.protocol.v1.RingShape;
import java.util.List;

/**
 * A config state with a small cluster in it, for fuzz tests: nodes n1-n3 are members of table v1
 * (16 buckets, 3 replicas), and n4 has asked to join. Fuzzed commands then reach planning, commits
 * and transfers rather than stopping at "unknown node". Built once; {@link #fresh()} restores a
 * copy from its snapshot, as a replica restarting would.
 */
public final class PrimedConfigState {
  /** Small, so that planning stays fast under fuzzing. */
  public static final RingShape SHAPE =
      RingShape.newBuilder().setBuckets(16).setReplicas(3).setTokens(4).build();

  private static final byte[] SNAPSHOT = build().snapshot();

  private PrimedConfigState() {}

  /** A new state holding the primed cluster. */
  public static ConfigState fresh() {
    ConfigState state = new ConfigState();
    state.restore(SNAPSHOT);
    return state;
  }

  /** The commands that build the primed cluster, in order; also good fuzzing seeds. */
  public static List<ConfigCommand> setup() {
    return List.of(
        join("n1", 1),
        join("n2", 2),
        join("n3", 3),
        ConfigCommand.newBuilder()
            .setAtMillis(10)
            .setPlan(
                PlanCommand.newBuilder().setJoin(PlanJoin.getDefaultInstance()).setShape(SHAPE))
            .build(),
        ConfigCommand.newBuilder()
            .setAtMillis(11)
            .setCommit(CommitCommand.getDefaultInstance())
            .build(),
        join("n4", 4));
  }

  public static ConfigCommand join(String id, int port) {
    return ConfigCommand.newBuilder()
        .setAtMillis(port)
        .setJoin(
            JoinCommand.newBuilder()
                .setNode(
                    NodeRecord.newBuilder().setId(id).setAddress("127.0.0.1:" + (7000 + port))))
        .build();
  }

  private static ConfigState build() {
    ConfigState state = new ConfigState();
    for (ConfigCommand command : setup()) {
      try {
        ConfigReply reply = ConfigReply.parseFrom(state.apply(command.toByteArray()));
        if (reply.hasError()) {
          throw new IllegalStateException("priming failed at " + command + ": " + reply);
        }
      } catch (com.google.protobuf.InvalidProtocolBufferException e) {
        throw new IllegalStateException(e);
      }
    }
    return state;
  }
}
