package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ringstore.client.ClientBuilder;
import dev.ringstore.client.ReadOptions;
import dev.ringstore.client.RingstoreClient;
import dev.ringstore.client.SyncStore;
import dev.ringstore.client.WriteOptions;
import dev.ringstore.protocol.RingstoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Java client over real sockets against {@code ringstore local} (3 nodes, 3 config replicas):
 * it fetches the table from the config service, keeps working with every config replica killed
 * (-9), moves past a killed node to the next of each key's preference list without an error, and a
 * new client started while the config service is down finds the cluster through seed nodes.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class RingstoreClientIT {
  private static final int KEYS = 200;

  @TempDir Path dir;

  /** Without TLS, and with {@code ringstore local --tls} and the admin certificate it made. */
  @ParameterizedTest(name = "tls={0}")
  @ValueSource(booleans = {false, true})
  void theClientRidesOutTheConfigServiceAndANodeDying(boolean tls) throws Exception {
    int base = CliProcesses.freeBasePort(3, 3);
    try (LocalClusterProcess cluster = LocalClusterProcess.start(dir, base, 3, 3, tls)) {
      String config = addresses(cluster, "config");
      String nodes = addresses(cluster, "node");
      try (RingstoreClient client = builder(tls).configService(config).build()) {
        SyncStore<String> store = client.strings().sync();
        awaitWritable(store);
        for (int i = 0; i < KEYS; i++) {
          store.put("k" + i, "v" + i);
        }
        assertThat(client.tableVersion()).isEqualTo(1);

        for (String id : List.of("c1", "c2", "c3")) {
          kill(cluster, id);
        }
        kill(cluster, "n1");
        WriteOptions twoAcks = WriteOptions.defaults().withW(2);
        for (int i = 0; i < KEYS; i++) {
          String key = "k" + i;
          var read = store.get(key, ReadOptions.defaults().withR(2));
          assertThat(read.values()).as(key).containsExactly("v" + i);
          store.put(key, "w" + i, read.context(), twoAcks);
        }
        assertThat(
                client
                    .meterRegistry()
                    .find("ringstore.client.requests")
                    .tag("outcome", "ok")
                    .timers()
                    .stream()
                    .mapToLong(t -> t.count())
                    .sum())
            .isEqualTo(3L * KEYS + 1);
      }

      try (RingstoreClient late = builder(tls).configService(config).seeds(nodes).build()) {
        for (int i = 0; i < KEYS; i++) {
          assertThat(late.strings().sync().get("k" + i).values()).containsExactly("w" + i);
        }
      }
    }
  }

  private ClientBuilder builder(boolean tls) {
    ClientBuilder builder = RingstoreClient.builder();
    Path certs = dir.resolve("certs");
    return tls
        ? builder.tls(
            certs.resolve("ca.crt"), certs.resolve("admin.crt"), certs.resolve("admin.key"))
        : builder;
  }

  private static void awaitWritable(SyncStore<String> store) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        store.put("warm-up", "x");
        return;
      } catch (RingstoreException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }

  private static String addresses(LocalClusterProcess cluster, String role) {
    List<String> found = new ArrayList<>();
    for (JsonNode process : cluster.processes()) {
      if (process.get("role").asText().equals(role)) {
        found.add(process.get("listen").asText());
      }
    }
    return String.join(",", found);
  }

  private static void kill(LocalClusterProcess cluster, String id) {
    ProcessHandle.of(cluster.process(id).get("pid").asLong()).orElseThrow().destroyForcibly();
  }
}
