package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.client.InspectResult;
import dev.ringstore.client.NodeClient;
import dev.ringstore.client.ReplicaView;
import dev.ringstore.client.WriteOptions;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code ringstore local} cluster at default settings: a key written to one replica only (n = 1)
 * reaches the other two by Merkle-tree anti-entropy within 60 s, with no client reading it.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class AntiEntropyIT {
  @TempDir Path data;

  @Test
  void aSingleDivergentKeyConvergesOnEveryReplicaWithin60s() throws Exception {
    int base = CliProcesses.freeBasePort(3);
    try (LocalClusterProcess cluster = LocalClusterProcess.start(data, base);
        NodeClient client =
            NodeClient.connect(new InetSocketAddress("127.0.0.1", base), Duration.ofSeconds(10))) {
      byte[] key = "only-here".getBytes(StandardCharsets.UTF_8);
      client.put(
          key,
          "v".getBytes(StandardCharsets.UTF_8),
          null,
          WriteOptions.defaults().withN(1).withW(1));
      long written = System.nanoTime();
      List<String> holders = holders(client.inspect(key));
      assertThat(holders).as("right after an n=1 write").hasSize(1);
      while (holders.size() < 3 && System.nanoTime() - written < TimeUnit.SECONDS.toNanos(60)) {
        Thread.sleep(500);
        holders = holders(client.inspect(key));
      }
      assertThat(holders).as("replicas holding the key 60 s after the write").hasSize(3);
    }
  }

  private static List<String> holders(InspectResult inspected) {
    return inspected.replicas().stream().filter(ReplicaView::found).map(ReplicaView::node).toList();
  }
}
