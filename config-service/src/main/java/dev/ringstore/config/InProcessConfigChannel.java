package dev.ringstore.config;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.ringstore.config.client.ConfigChannel;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ConfigCommand;
import dev.ringstore.protocol.v1.ConfigQuery;
import dev.ringstore.protocol.v1.ConfigReply;
import dev.ringstore.protocol.v1.ErrorCode;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A config service of one state in this process, applied directly without Raft: the test harness
 * runs its clusters on one, and can take it down ({@link #setAvailable}) to show that nodes keep
 * serving on their cached tables. The state logic is the one the replicated service runs.
 */
public final class InProcessConfigChannel implements ConfigChannel {
  private final ReplicatedState state;
  private volatile boolean available = true;

  public InProcessConfigChannel(ReplicatedState state) {
    this.state = state;
  }

  /** While false, every request fails UNAVAILABLE, as when no config replica can be reached. */
  public void setAvailable(boolean available) {
    this.available = available;
  }

  @Override
  public CompletableFuture<ConfigReply> command(ConfigCommand command) {
    return call(command.toByteArray(), state::apply);
  }

  @Override
  public CompletableFuture<ConfigReply> query(ConfigQuery query) {
    return call(query.toByteArray(), state::query);
  }

  private CompletableFuture<ConfigReply> call(byte[] bytes, Function<byte[], byte[]> op) {
    if (!available) {
      return CompletableFuture.failedFuture(
          new RingstoreException(ErrorCode.UNAVAILABLE, "the config service is down"));
    }
    try {
      return CompletableFuture.completedFuture(ConfigReply.parseFrom(op.apply(bytes)));
    } catch (InvalidProtocolBufferException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public void close() {}
}
