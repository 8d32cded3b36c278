package dev.ringstore.config.client;

import dev.ringstore.protocol.v1.ConfigCommand;
import dev.ringstore.protocol.v1.ConfigQuery;
import dev.ringstore.protocol.v1.ConfigReply;
import java.util.concurrent.CompletableFuture;

/**
 * How a node, a client or the CLI reaches the config service: a command (replicated through the
 * Raft log) or a query (answered by the leader). The future fails with a {@link
 * dev.ringstore.protocol.RingstoreException} (UNAVAILABLE, TIMEOUT) when no replica answers; a
 * refusal is a reply with an error, which {@link ConfigClient} turns into an exception.
 */
public interface ConfigChannel extends AutoCloseable {
  CompletableFuture<ConfigReply> command(ConfigCommand command);

  CompletableFuture<ConfigReply> query(ConfigQuery query);

  @Override
  void close();
}
