package dev.ringstore.config.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ringstore.config.ConfigState;
import dev.ringstore.config.ConsensusGroup;
import dev.ringstore.config.GroupStatus;
import dev.ringstore.config.LeaderChange;
import dev.ringstore.config.PrimedConfigState;
import dev.ringstore.config.ReplicaId;
import dev.ringstore.config.ReplicaRole;
import dev.ringstore.protocol.Frame;
import dev.ringstore.protocol.FrameBodyDecoder;
import dev.ringstore.protocol.FrameDecoder;
import dev.ringstore.protocol.FrameKind;
import dev.ringstore.protocol.ProtocolLimits;
import dev.ringstore.protocol.ServerPipeline;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.Response;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Timeout;

/**
 * Arbitrary bytes as the body of a request frame on a config replica's client port: the server
 * pipeline ({@code FrameDecoder} through {@code RequestDispatcher}) with the real {@link
 * ConfigRequestHandler} over a real {@link ConfigState}, one replica applying commands directly in
 * place of Raft. Every request must get exactly one well-formed response with its id, and none may
 * be {@code INTERNAL}: a client's bytes can be refused, never crash the replica.
 */
@Timeout(120)
class ConfigPortFuzzTest {
  private static final long REQUEST_ID = 42;
  private static final ProtocolLimits LIMITS = ProtocolLimits.defaults();

  @FuzzTest(maxDuration = "5m")
  void anyRequestGetsOneWellFormedNonInternalResponse(byte[] body) {
    SingleReplica group = new SingleReplica(PrimedConfigState.fresh());
    EmbeddedChannel server = ServerPipeline.of(new ConfigRequestHandler(group), LIMITS);
    List<Frame> responses;
    try {
      ByteBuf frame =
          Unpooled.buffer(Frame.HEADER_BYTES + body.length)
              .writeByte(Frame.MAGIC)
              .writeByte(FrameKind.REQUEST.wireValue())
              .writeLong(REQUEST_ID)
              .writeInt(body.length)
              .writeBytes(body);
      server.writeInbound(frame);
      server.runPendingTasks();
      responses = responses(server);
    } finally {
      server.finishAndReleaseAll();
    }

    assertThat(responses).hasSize(1);
    Frame answer = responses.get(0);
    assertThat(answer.id()).isEqualTo(REQUEST_ID);
    Response response = answer.response();
    assertThat(response.getError().getCode()).isNotEqualTo(ErrorCode.INTERNAL);
    assertThat(response.getConfig().getError().getCode()).isNotEqualTo(ErrorCode.INTERNAL);
    assertThat(response.hasError() || response.hasConfig())
        .as("a reply or an error: " + response)
        .isTrue();
  }

  /** The frames the server wrote, decoded as a client would. */
  private static List<Frame> responses(EmbeddedChannel server) {
    EmbeddedChannel client = new EmbeddedChannel(new FrameDecoder(LIMITS), new FrameBodyDecoder());
    List<Frame> frames = new ArrayList<>();
    try {
      for (ByteBuf buf; (buf = server.readOutbound()) != null; ) {
        client.writeInbound(buf);
      }
      for (Object event; (event = client.readInbound()) != null; ) {
        assertThat(event).as("the server writes only well-formed frames").isInstanceOf(Frame.class);
        frames.add((Frame) event);
      }
    } finally {
      client.finishAndReleaseAll();
    }
    return frames;
  }

  /**
   * A group of one replica that applies each command at once, keeping the failure contract of
   * {@link ConsensusGroup}: an apply that throws fails the future with IllegalStateException.
   */
  private static final class SingleReplica implements ConsensusGroup {
    private static final ReplicaId SELF = ReplicaId.of("c1");
    private final ConfigState state;

    SingleReplica(ConfigState state) {
      this.state = state;
    }

    @Override
    public CompletableFuture<byte[]> submit(byte[] command) {
      return run(state::apply, command);
    }

    @Override
    public CompletableFuture<byte[]> query(byte[] query) {
      return run(state::query, query);
    }

    private static CompletableFuture<byte[]> run(Function<byte[], byte[]> op, byte[] bytes) {
      try {
        return CompletableFuture.completedFuture(op.apply(bytes));
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(new IllegalStateException("apply failed", e));
      }
    }

    @Override
    public GroupStatus status() {
      return new GroupStatus(SELF, ReplicaRole.LEADER, 1, Optional.of(SELF), List.of(SELF), 0);
    }

    @Override
    public void addLeaderListener(Consumer<LeaderChange> listener) {}

    @Override
    public void close() {}
  }
}
