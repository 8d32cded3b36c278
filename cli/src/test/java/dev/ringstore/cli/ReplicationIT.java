package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.ringstore.client.NodeClient;
import dev.ringstore.protocol.Connection;
import dev.ringstore.protocol.ProtocolClient;
import dev.ringstore.protocol.ProtocolLimits;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.InspectRequest;
import dev.ringstore.protocol.v1.InspectResponse;
import dev.ringstore.protocol.v1.ReplicaView;
import dev.ringstore.protocol.v1.Request;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real node processes, N = 3: one is killed with {@code kill -9}, writes with W = 2 go on,
 * and after it restarts the hints the others kept reach it until every replica holds every write.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ReplicationIT {
  private static final int KEYS_BEFORE = 100;
  private static final int KEYS_DURING = 200;

  @TempDir Path data;

  @Test
  void writesContinueWhileAReplicaIsDeadAndHintsBringItBackInLine() throws Exception {
    int[] ports = {NodeProcess.freePort(), NodeProcess.freePort(), NodeProcess.freePort()};
    int[] http = {NodeProcess.freePort(), NodeProcess.freePort(), NodeProcess.freePort()};
    String peers =
        "n1=127.0.0.1:" + ports[0] + ",n2=127.0.0.1:" + ports[1] + ",n3=127.0.0.1:" + ports[2];
    List<NodeProcess> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        nodes.add(start(i, ports, http, peers));
      }
      try (NodeClient viaN1 = NodeClient.connect(nodes.get(0).address(), Duration.ofSeconds(10));
          NodeClient viaN2 = NodeClient.connect(nodes.get(1).address(), Duration.ofSeconds(10))) {
        for (int i = 0; i < KEYS_BEFORE; i++) {
          viaN1.put(key(i), value(i), null);
        }
        nodes.get(2).kill();
        for (int i = KEYS_BEFORE; i < KEYS_BEFORE + KEYS_DURING; i++) {
          (i % 2 == 0 ? viaN1 : viaN2).put(key(i), value(i), null);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (hintsQueued(http[0]) + hintsQueued(http[1]) == 0 && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        assertThat(hintsQueued(http[0]) + hintsQueued(http[1]))
            .as("hints queued for the dead n3")
            .isPositive();

        nodes.set(2, start(2, ports, http, peers));
        awaitAllReplicasEqual(nodes.get(0));
        awaitHintQueuesEmpty(http);
      }
    } finally {
      for (NodeProcess node : nodes) {
        node.close();
      }
    }
  }

  private NodeProcess start(int i, int[] ports, int[] http, String peers) throws Exception {
    String id = "n" + (i + 1);
    return NodeProcess.start(
        id,
        data.resolve(id),
        ports[i],
        "async",
        List.of("--peers", peers, "--http", "127.0.0.1:" + http[i]));
  }

  private static void awaitAllReplicasEqual(NodeProcess via) throws Exception {
    try (ProtocolClient protocol = ProtocolClient.create(ProtocolLimits.defaults())) {
      Connection connection = protocol.connect(via.address(), Duration.ofSeconds(5)).join();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      List<String> differing = List.of("not checked yet");
      while (!differing.isEmpty() && System.nanoTime() < deadline) {
        differing = new ArrayList<>();
        for (int i = 0; i < KEYS_BEFORE + KEYS_DURING; i++) {
          InspectResponse inspected = inspect(connection, key(i));
          for (ReplicaView replica : inspected.getReplicasList()) {
            List<String> values =
                replica.getValuesList().stream().map(ByteString::toStringUtf8).toList();
            if (!values.equals(List.of(new String(value(i), StandardCharsets.UTF_8)))) {
              differing.add("key " + i + " on " + replica.getNode() + ": " + values);
            }
          }
          assertThat(inspected.getReplicasCount()).isEqualTo(3);
        }
        if (!differing.isEmpty()) {
          Thread.sleep(500);
        }
      }
      assertThat(differing).as("replicas that still differ").isEmpty();
    }
  }

  private static InspectResponse inspect(Connection connection, byte[] key) {
    Request request =
        Request.newBuilder()
            .setInspect(InspectRequest.newBuilder().setKey(ByteString.copyFrom(key)))
            .build();
    return RingstoreException.requireOk(connection.send(request, Duration.ofSeconds(10)).join())
        .getInspect();
  }

  private static void awaitHintQueuesEmpty(int[] http) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (hintsQueued(http[0]) + hintsQueued(http[1]) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(250);
    }
    assertThat(hintsQueued(http[0]) + hintsQueued(http[1])).isZero();
  }

  /** The hints a node holds for n3, from its Prometheus metrics. */
  private static double hintsQueued(int httpPort) throws Exception {
    HttpResponse<String> metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/metrics"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return metrics
        .body()
        .lines()
        .filter(line -> line.startsWith("ringstore_hints_queue{") && line.contains("target=\"n3\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static byte[] key(int i) {
    return ("user:" + i).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] value(int i) {
    return ("profile-" + i).getBytes(StandardCharsets.UTF_8);
  }
}
