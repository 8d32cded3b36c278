package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.client.GetResult;
import dev.ringstore.client.NodeClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety with real processes: in fsync mode a node killed with kill -9 in the middle of
 * concurrent writes still has every acknowledged write after restart; in async mode the same holds
 * across a SIGTERM restart (a clean shutdown syncs the WAL).
 */
@Timeout(300)
class NodeCrashIT {
  private static final int WRITERS = 8;

  @TempDir Path data;

  @Test
  void fsyncNodeKeepsEveryAcknowledgedWriteThroughKillDashNine() throws Exception {
    int port = NodeProcess.freePort();
    Map<String, String> acknowledged;
    try (NodeProcess node = NodeProcess.start("n1", data, port, "fsync")) {
      acknowledged = writeUntil(node, () -> node.kill());
    }
    assertSurvivedRestart(port, "fsync", acknowledged);
  }

  @Test
  void asyncNodeKeepsEveryAcknowledgedWriteThroughSigterm() throws Exception {
    int port = NodeProcess.freePort();
    Map<String, String> acknowledged;
    try (NodeProcess node = NodeProcess.start("n1", data, port, "async")) {
      acknowledged =
          writeUntil(
              node, () -> assertThat(node.terminate()).as("exit after SIGTERM").isIn(0, 143));
    }
    assertSurvivedRestart(port, "async", acknowledged);
  }

  interface Stop {
    void run() throws Exception;
  }

  /** Writers put distinct keys until {@code stop} takes the node down mid-load. */
  private static Map<String, String> writeUntil(NodeProcess node, Stop stop) throws Exception {
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    AtomicBoolean running = new AtomicBoolean(true);
    List<Thread> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      Thread thread =
          new Thread(
              () -> {
                try (NodeClient client =
                    NodeClient.connect(node.address(), Duration.ofSeconds(5))) {
                  for (int i = 0; running.get(); i++) {
                    String key = "w" + writer + "-" + i;
                    String value = "value-" + writer + "-" + i;
                    client.put(bytes(key), bytes(value), null);
                    acknowledged.put(key, value);
                  }
                } catch (RuntimeException stoppedByTheCrash) {
                  // the node went away mid-request: that write was not acknowledged
                }
              });
      thread.start();
      writers.add(thread);
    }
    while (acknowledged.size() < 2_000) {
      Thread.sleep(20);
    }
    stop.run();
    running.set(false);
    for (Thread thread : writers) {
      thread.join(30_000);
    }
    return Map.copyOf(acknowledged);
  }

  private void assertSurvivedRestart(int port, String durability, Map<String, String> acknowledged)
      throws Exception {
    try (NodeProcess restarted = NodeProcess.start("n1", data, port, durability);
        NodeClient client = NodeClient.connect(restarted.address(), Duration.ofSeconds(5))) {
      List<String> lost = new ArrayList<>();
      for (var write : acknowledged.entrySet()) {
        GetResult<byte[]> read = client.get(bytes(write.getKey()));
        boolean present =
            read.found()
                && read.values().stream()
                    .anyMatch(v -> new String(v, StandardCharsets.UTF_8).equals(write.getValue()));
        if (!present) {
          lost.add(write.getKey());
        }
      }
      assertThat(lost).as("acknowledged writes lost of %d", acknowledged.size()).isEmpty();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
