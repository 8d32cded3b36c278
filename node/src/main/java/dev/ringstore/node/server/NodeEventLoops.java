package dev.ringstore.node.server;

import dev.ringstore.protocol.Transports;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The one Netty event-loop group of a node ({@link NodeConfig#effectiveIoThreads}: one thread per
 * four cores by default): the protocol server (accepting and serving), the connections to the other
 * nodes and the config-service client all run on it. Separate groups per role tripled the threads
 * that wake for every request and took turns on the same cores; with one group, a request, its
 * replica writes and their replies can share a wake-up and a flush, and with one thread they never
 * change threads on the way (docs/performance.md).
 */
final class NodeEventLoops implements AutoCloseable {
  private final EventLoopGroup group;

  NodeEventLoops(String node, int threads) {
    this.group = Transports.group(threads, new DefaultThreadFactory("ringstore-io-" + node, true));
  }

  EventLoopGroup group() {
    return group;
  }

  /** Stops the loops once everything on them is closed; waits at most two seconds. */
  @Override
  public void close() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
  }
}
