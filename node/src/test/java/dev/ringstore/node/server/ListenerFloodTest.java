package dev.ringstore.node.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.ringstore.common.NodeId;
import dev.ringstore.protocol.Connection;
import dev.ringstore.protocol.ProtocolClient;
import dev.ringstore.protocol.ProtocolLimits;
import dev.ringstore.protocol.v1.GetRequest;
import dev.ringstore.protocol.v1.PutRequest;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real node on a real socket, flooded by peers that hold connections without using them — idle
 * ones, slow senders trickling a frame a byte every 100 ms, oversized frame headers, garbage, and
 * readers that pipeline large gets and never read — while a real client keeps writing and reading.
 * The client must not notice; the node must hold its connection cap, close what idles, and keep its
 * memory bounded: without shedding, the non-readers' responses (3 x 100 gets of 256 KiB) could pin
 * 75 MiB.
 */
@Timeout(120)
class ListenerFloodTest {
  private static final int CAP = 24;
  private static final Duration IDLE = Duration.ofSeconds(1);
  private static final Duration FLOOD = Duration.ofSeconds(6);

  /**
   * Generous: the non-readers' gets are all started in one read and share the node's storage
   * threads with the client, whose requests can wait seconds behind them on a small machine. What
   * is asserted is that they succeed, not how fast.
   */
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final int BIG_VALUE_BYTES = 256 * 1024;

  /** Per non-reader; three of them could pin 75 MiB of responses, more than the growth allowed. */
  private static final int NON_READER_GETS = 100;

  private static final long MEMORY_GROWTH_MAX = 64L * 1024 * 1024;

  @TempDir Path data;

  private final List<Socket> hostile = new CopyOnWriteArrayList<>();
  private final AtomicBoolean clientRunning = new AtomicBoolean(true);

  @Test
  void aFloodOfHostileConnectionsLeavesARealClientServedWithinTheCapAndTheHeapBounded()
      throws Exception {
    ProtocolLimits limits =
        ProtocolLimits.defaults()
            .withMaxConnections(CAP)
            .withIdleTimeout(IDLE)
            .withMaxBytesInFlightPerConnection(1024 * 1024);
    NodeConfig config =
        NodeConfig.defaults(NodeId.of("n1"), new InetSocketAddress("127.0.0.1", 0), data);
    try (StorageNode node =
            StorageNode.start(config, InstantSource.system(), new SecureRandom(), null, limits);
        ProtocolClient protocol = ProtocolClient.create(ProtocolLimits.defaults())) {
      Connection client = protocol.connect(node.address(), TIMEOUT).join();
      assertThat(send(client, put("big", new byte[BIG_VALUE_BYTES])).hasError()).isFalse();
      int baseline = node.openConnections();
      long memoryBefore = memoryInUse();

      Workload workload = new Workload(client);
      Thread writer = new Thread(workload, "flood-test-client");
      writer.start();
      InetSocketAddress address = node.address();
      List<Socket> idle = new ArrayList<>();
      List<Socket> slowSenders = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        slowSenders.add(open(address));
        hostile.add(garbage(address));
        hostile.add(oversized(address));
        hostile.add(nonReader(address));
      }
      int maxSeen = 0;
      int rejectedSlowSenders = 0;
      long memoryDuringFlood = 0;
      byte[] trickled = frame(1, get("never finished", 1000));
      long end = System.nanoTime() + FLOOD.toNanos();
      for (int tick = 0; System.nanoTime() < end; tick++) {
        for (int i = 0; i < 4; i++) {
          idle.add(open(address)); // most are over the cap: closed at once
        }
        for (Socket sender : slowSenders) {
          if (!sender.isOutputShutdown() && !trySend(sender, trickled[tick % trickled.length])) {
            sender.shutdownOutput();
            rejectedSlowSenders++;
          }
        }
        maxSeen = Math.max(maxSeen, node.openConnections());
        if (tick == 5) { // the non-readers are answered and not yet idle for a second
          memoryDuringFlood = memoryInUse();
        }
        Thread.sleep(100);
      }
      long idleClosedBy = System.nanoTime() + IDLE.multipliedBy(5).toNanos();
      while (node.openConnections() > baseline && System.nanoTime() < idleClosedBy) {
        Thread.sleep(50);
      }
      int afterIdle = node.openConnections();
      // Only now: the client's own connection would idle out too once it stops.
      clientRunning.set(false);
      writer.join();
      long memoryAfter = memoryInUse();

      System.out.printf(
          "flood: %d connections opened, cap %d, most seen open %d, open after idle timeout %d"
              + " (baseline %d), %d rejected; client put+get pairs %d, slowest %d ms; slow senders cut off %d/%d;"
              + " heap after GC + pooled direct memory before %d MiB, during %d MiB, after %d MiB%n",
          hostile.size(),
          CAP,
          maxSeen,
          afterIdle,
          baseline,
          node.rejectedConnections(),
          workload.acknowledged.size(),
          workload.slowestMillis,
          rejectedSlowSenders,
          slowSenders.size(),
          memoryBefore >> 20,
          memoryDuringFlood >> 20,
          memoryAfter >> 20);

      assertThat(workload.failures).as("the real client's failures").isEmpty();
      assertThat(workload.acknowledged).isNotEmpty();
      workload.acknowledged.forEach(
          (key, value) ->
              assertThat(send(client, get(key, 0)).getGet().getValuesList())
                  .as("acknowledged %s", key)
                  .containsExactly(ByteString.copyFrom(value)));
      assertThat(maxSeen).as("open connections at the height of the flood").isEqualTo(CAP);
      assertThat(afterIdle).as("open connections once the flood idles out").isEqualTo(baseline);
      assertThat(rejectedSlowSenders).as("slow senders cut off").isEqualTo(slowSenders.size());
      for (Socket socket : idle) {
        assertThat(closedByPeer(socket)).as("idle connection closed").isTrue();
      }
      assertThat(memoryDuringFlood - memoryBefore).isLessThan(MEMORY_GROWTH_MAX);
      assertThat(memoryAfter - memoryBefore).isLessThan(MEMORY_GROWTH_MAX);
    } finally {
      clientRunning.set(false);
      for (Socket socket : hostile) {
        socket.close();
      }
    }
  }

  /** Puts a fresh key, reads it back at once, and remembers every put the node acknowledged. */
  private final class Workload implements Runnable {
    private final Connection client;
    final Map<String, byte[]> acknowledged = new ConcurrentHashMap<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    volatile long slowestMillis;

    Workload(Connection client) {
      this.client = client;
    }

    @Override
    public void run() {
      while (clientRunning.get() && failures.size() < 10) {
        long started = System.nanoTime();
        String key = "client-" + next.incrementAndGet();
        byte[] value = ByteBuffer.allocate(64).putInt(next.get()).array();
        try {
          Response put = send(client, put(key, value));
          if (put.hasError()) {
            failures.add(key + ": put " + put.getError());
            continue;
          }
          acknowledged.put(key, value);
          Response read = send(client, get(key, 0));
          if (read.hasError()
              || !read.getGet().getValuesList().equals(List.of(ByteString.copyFrom(value)))) {
            failures.add(key + ": read back " + read);
          }
          slowestMillis = Math.max(slowestMillis, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
          failures.add(key + ": " + e);
        }
      }
    }
  }

  private Socket open(InetSocketAddress address) throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(4096);
    socket.connect(address, 5000);
    socket.setSoTimeout(5000);
    hostile.add(socket);
    return socket;
  }

  private Socket garbage(InetSocketAddress address) throws IOException {
    Socket socket = open(address);
    socket
        .getOutputStream()
        .write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return socket;
  }

  /** A header declaring a 100 MB body, then silence. */
  private Socket oversized(InetSocketAddress address) throws IOException {
    Socket socket = open(address);
    byte[] header = frame(7, get("x", 0));
    ByteBuffer.wrap(header).putInt(10, 100_000_000);
    socket.getOutputStream().write(header, 0, 14);
    return socket;
  }

  /** Pipelines gets of a large value and never reads a response. */
  private Socket nonReader(InetSocketAddress address) throws IOException {
    Socket socket = open(address);
    OutputStream out = socket.getOutputStream();
    for (int id = 1; id <= NON_READER_GETS; id++) {
      out.write(frame(id, get("big", 0)));
    }
    out.flush();
    return socket;
  }

  private static boolean trySend(Socket socket, byte b) {
    try {
      socket.getOutputStream().write(b);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean closedByPeer(Socket socket) {
    try {
      return socket.getInputStream().read() < 0;
    } catch (IOException e) {
      return true; // reset
    }
  }

  /**
   * Heap in use after GC plus Netty's pooled direct memory, where queued responses live once
   * encoded. The pool keeps chunks it has allocated, so this reads near its high-water mark.
   */
  private static long memoryInUse() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()
        + PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory();
  }

  private static Response send(Connection client, Request request) {
    return client.send(request, TIMEOUT).join();
  }

  private static Request put(String key, byte[] value) {
    return Request.newBuilder()
        .setPut(
            PutRequest.newBuilder()
                .setKey(ByteString.copyFromUtf8(key))
                .setValue(ByteString.copyFrom(value)))
        .build();
  }

  /** A get of {@code key}, padded with {@code padding} bytes of key to make a longer frame. */
  private static Request get(String key, int padding) {
    return Request.newBuilder()
        .setGet(GetRequest.newBuilder().setKey(ByteString.copyFromUtf8(key + "_".repeat(padding))))
        .build();
  }

  /** {@code request} as a frame on the wire (docs/protocol.md). */
  private static byte[] frame(long id, Request request) {
    byte[] body = request.toByteArray();
    return ByteBuffer.allocate(14 + body.length)
        .put((byte) 0x52)
        .put((byte) 1)
        .putLong(id)
        .putInt(body.length)
        .put(body)
        .array();
  }
}
