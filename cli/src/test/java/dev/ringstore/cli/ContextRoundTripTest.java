package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringstore.common.NodeId;
import dev.ringstore.node.cluster.ClusterSettings;
import dev.ringstore.node.server.NodeConfig;
import dev.ringstore.node.server.StorageNode;
import dev.ringstore.node.storage.Durability;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client commands against three real nodes in this JVM (RocksDB, real sockets, a static member
 * list): a causal context taken from {@code get --json} and passed to {@code put --context}
 * replaces the siblings that get saw, and every client command's {@code --json} output is JSON.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContextRoundTripTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<StorageNode> nodes = new ArrayList<>();
  private String via;

  @BeforeAll
  void startThreeNodes(@TempDir Path dir) throws Exception {
    Map<NodeId, InetSocketAddress> peers = new LinkedHashMap<>();
    for (int k = 1; k <= 3; k++) {
      peers.put(NodeId.of("n" + k), new InetSocketAddress("127.0.0.1", NodeProcess.freePort()));
    }
    for (Map.Entry<NodeId, InetSocketAddress> peer : peers.entrySet()) {
      NodeConfig config =
          NodeConfig.defaults(peer.getKey(), peer.getValue(), dir.resolve(peer.getKey().value()))
              .withDurability(Durability.ASYNC)
              .withStorageThreads(2);
      nodes.add(StorageNode.start(config.withCluster(ClusterSettings.ofPeers(peers))));
    }
    via = HostPort.format(peers.get(NodeId.of("n1")));
    awaitEveryMemberUp();
  }

  /**
   * A node that tried a peer before it started counts it unreachable until a probe (every second)
   * gets through; until then W=2 can fail. Waits until n1 reaches both others (a W=3 write).
   */
  private void awaitEveryMemberUp() throws Exception {
    CommandRun last = null;
    for (int attempt = 0; attempt < 150; attempt++) {
      last = CommandRun.of("put", "warm-up", "x", "--w", "3", "--timeout", "1s", "--via", via);
      if (last.exitCode() == 0) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("n1 does not reach both other nodes: " + last.err());
  }

  @AfterAll
  void stopTheNodes() {
    nodes.forEach(StorageNode::close);
  }

  private JsonNode json(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--json", "--via", via));
    CommandRun result = CommandRun.of(all.toArray(String[]::new));
    assertThat(result.exitCode()).as("%s: %s", all, result.err()).isZero();
    assertThat(result.out().strip().lines()).as("one JSON line: %s", result.out()).hasSize(1);
    return JSON.readTree(result.out());
  }

  @Test
  void aContextFromGetJsonReplacesTheSiblingsItSaw() throws Exception {
    json("put", "cart", "apple");
    json("put", "cart", "pear"); // no context: concurrent with the first

    JsonNode siblings = json("get", "cart");
    assertThat(siblings.get("found").asBoolean()).isTrue();
    assertThat(siblings.get("values")).hasSize(2);
    assertThat(siblings.get("values").toString()).contains("\"apple\"").contains("\"pear\"");

    String context = siblings.get("context").asText();
    JsonNode put = json("put", "cart", "apple+pear", "--context", context);
    assertThat(put.get("stored").asBoolean()).isTrue();

    JsonNode resolved = json("get", "cart");
    assertThat(resolved.get("values").toString()).isEqualTo("[\"apple+pear\"]");
  }

  @Test
  void everyClientCommandPrintsItsDocumentedJson() throws Exception {
    JsonNode put = json("put", "greeting", "hello");
    assertThat(fields(put)).containsExactly("key", "stored", "context");

    JsonNode get = json("get", "greeting", "--r", "3");
    assertThat(fields(get)).containsExactly("key", "found", "values", "context");
    assertThat(get.get("values").toString()).isEqualTo("[\"hello\"]");

    JsonNode inspect = json("inspect", "greeting");
    assertThat(fields(inspect)).containsExactly("key", "bucket", "preference", "replicas");
    assertThat(inspect.get("replicas")).hasSize(3);

    JsonNode status = json("status");
    assertThat(status.get("node").asText()).isEqualTo("n1");
    assertThat(fields(status)).containsExactly("node", "members", "tableVersion");
    assertThat(status.get("members")).isNotEmpty(); // gossip may not have told n1 of all yet

    JsonNode delete = json("delete", "greeting", "--context", get.get("context").asText());
    assertThat(fields(delete)).containsExactly("key", "deleted", "context");

    JsonNode gone = json("get", "greeting", "--r", "3");
    assertThat(gone.get("found").asBoolean()).isFalse();
    assertThat(gone.get("values")).isEmpty();
  }

  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
