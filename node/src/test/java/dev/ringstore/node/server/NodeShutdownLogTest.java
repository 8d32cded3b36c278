package dev.ringstore.node.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.common.util.concurrent.Uninterruptibles;
import com.google.protobuf.ByteString;
import dev.ringstore.common.NodeId;
import dev.ringstore.gossip.GossipSettings;
import dev.ringstore.node.cluster.ClusterSettings;
import dev.ringstore.node.cluster.ClusterView;
import dev.ringstore.node.cluster.ReplicaTransport;
import dev.ringstore.node.cluster.SocketTransport;
import dev.ringstore.node.storage.Durability;
import dev.ringstore.node.storage.InMemoryStorageEngine;
import dev.ringstore.protocol.Connection;
import dev.ringstore.protocol.ProtocolClient;
import dev.ringstore.protocol.ProtocolLimits;
import dev.ringstore.protocol.v1.PutRequest;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A clean shutdown logs no error: nodes that gossip, probe and replicate (and keep trying a peer
 * that never started) are closed, while clients write, as SIGTERM closes them; nothing at ERROR, no
 * Netty warning and no background task "failed" because close interrupted it may reach the log.
 * Netty's "Failed to submit a listener notification task" is what work reaching the event loops
 * after they stopped logs.
 */
@Timeout(120)
class NodeShutdownLogTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private Logger root;

  @BeforeEach
  void capture() {
    root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
    logged.start();
    root.addAppender(logged);
  }

  @AfterEach
  void release() {
    root.detachAppender(logged);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private List<StorageNode> startNodes(int count) throws IOException {
    Map<NodeId, InetSocketAddress> peers = new LinkedHashMap<>();
    for (int k = 1; k <= count + 1; k++) {
      peers.put(NodeId.of("n" + k), new InetSocketAddress("127.0.0.1", freePort()));
    }
    ClusterSettings cluster =
        ClusterSettings.ofPeers(peers)
            .withProbeInterval(Duration.ofMillis(10))
            .withGossip(GossipSettings.DEFAULTS.withInterval(Duration.ofMillis(10)));
    List<StorageNode> nodes = new ArrayList<>();
    for (int k = 1; k <= count; k++) { // the last peer never starts
      NodeId id = NodeId.of("n" + k);
      nodes.add(
          StorageNode.start(
              NodeConfig.defaults(id, peers.get(id), dir.resolve(id.value()))
                  .withDurability(Durability.ASYNC)
                  .withIoThreads(4)
                  .withCluster(cluster)));
    }
    return nodes;
  }

  private static Request put(String key) {
    return Request.newBuilder()
        .setPut(
            PutRequest.newBuilder()
                .setKey(ByteString.copyFrom(key, StandardCharsets.UTF_8))
                .setValue(ByteString.copyFrom("v", StandardCharsets.UTF_8)))
        .build();
  }

  /** Writes through {@code node}, one request at a time, until {@code stop} is set or it closes. */
  private static Thread writeUntilClosed(StorageNode node, AtomicBoolean stop) {
    Thread writer =
        new Thread(
            () -> {
              ProtocolClient client = ProtocolClient.create(ProtocolLimits.defaults());
              try {
                Connection connection = client.connect(node.address(), TIMEOUT).join();
                for (int i = 0; !stop.get(); i++) {
                  connection.send(put("w" + i), TIMEOUT).join();
                }
              } catch (RuntimeException closed) {
                // the node went away
              } finally {
                client.close();
              }
            });
    writer.start();
    return writer;
  }

  @Test
  void nodesStartedUsedAndClosedLogNoError() throws Exception {
    for (int round = 0; round < 3; round++) {
      List<StorageNode> nodes = startNodes(3);
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> writers = nodes.stream().map(node -> writeUntilClosed(node, stop)).toList();
      Thread.sleep(200);
      nodes.forEach(StorageNode::close);
      stop.set(true);
      for (Thread writer : writers) {
        writer.join();
      }
    }

    assertNoErrorLogged();
  }

  /**
   * A gossip round still sending when the node closes (slowed here so that it is, every time):
   * close waits for it, so it cannot connect through event loops that have already stopped. Before,
   * close returned at once, the loops stopped, and the round's connection attempt made Netty log
   * "Failed to submit a listener notification task. Event loop shut down?" at ERROR.
   */
  @Test
  void aRoundStillSendingWhenTheNodeClosesDoesNotReachStoppedEventLoops() throws Exception {
    NodeId self = NodeId.of("n1");
    Map<NodeId, InetSocketAddress> peers = new LinkedHashMap<>();
    peers.put(self, new InetSocketAddress("127.0.0.1", freePort()));
    peers.put(NodeId.of("n2"), new InetSocketAddress("127.0.0.1", freePort())); // never starts
    NodeConfig config =
        NodeConfig.defaults(self, peers.get(self), dir)
            .withCluster(
                ClusterSettings.ofPeers(peers)
                    .withGossip(GossipSettings.DEFAULTS.withInterval(Duration.ofMillis(10))));
    NodeEventLoops loops = new NodeEventLoops("n1", 1);
    AtomicBoolean closing = new AtomicBoolean();
    CountDownLatch slowSendStarted = new CountDownLatch(1);
    CountDownLatch slowSendDone = new CountDownLatch(1);
    Function<ClusterView, ReplicaTransport> transports =
        cluster -> {
          SocketTransport socket =
              new SocketTransport(
                  cluster, ProtocolClient.create(ProtocolLimits.defaults(), loops.group()));
          return new ReplicaTransport() {
            @Override
            public CompletableFuture<Response> send(
                NodeId target, Request request, Duration timeout) {
              boolean onTimer = Thread.currentThread().getName().startsWith("ringstore-timer");
              if (!closing.get() || !onTimer || slowSendStarted.getCount() == 0) {
                return socket.send(target, request, timeout);
              }
              slowSendStarted.countDown();
              Uninterruptibles.sleepUninterruptibly(Duration.ofMillis(300));
              try {
                return socket.send(target, request, timeout);
              } finally {
                slowSendDone.countDown();
              }
            }

            @Override
            public void close() {
              socket.close();
            }
          };
        };
    ClusterNode node =
        ClusterNode.start(
            config,
            new InMemoryStorageEngine(self, new Random(1)),
            transports,
            InstantSource.system(),
            new Random(1),
            new SimpleMeterRegistry());

    closing.set(true);
    slowSendStarted.await();
    node.close();
    loops.close();
    slowSendDone.await();

    assertNoErrorLogged();
  }

  private void assertNoErrorLogged() {
    assertThat(logged.list)
        .filteredOn(
            event ->
                event.getLevel().isGreaterOrEqual(Level.ERROR)
                    || (event.getLevel().isGreaterOrEqual(Level.WARN)
                        && (event.getLoggerName().startsWith("io.netty")
                            || event.getLoggerName().equals(NodeExecutors.class.getName()))))
        .extracting(event -> event.getLoggerName() + ": " + event.getFormattedMessage())
        .isEmpty();
  }
}
