package dev.ringstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.ringstore.client.ConflictResolver;
import dev.ringstore.client.GetResult;
import dev.ringstore.client.JsonCodec;
import dev.ringstore.client.KeyResult;
import dev.ringstore.client.PutResult;
import dev.ringstore.client.ReadOptions;
import dev.ringstore.client.RingstoreClient;
import dev.ringstore.client.Store;
import dev.ringstore.client.SyncStore;
import dev.ringstore.client.WriteOptions;
import dev.ringstore.common.NodeId;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.PlanCommand;
import dev.ringstore.protocol.v1.PlanJoin;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Java client against nodes on the harness: it sends each request to a node of the key's
 * preference list (counted by the nodes), moves on when that node is dead, loses nothing in
 * concurrent read-modify-writes, and follows a new table.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RingstoreClientTest {

  @Test
  void everyRequestReachesANodeOfItsKeysPreferenceList() throws Exception {
    MiniCluster.runWithNewCluster(
        5,
        cluster -> {
          try (RingstoreClient client = cluster.ringstoreClient("client").build()) {
            SyncStore<String> store = client.strings().sync();
            for (int i = 0; i < 100; i++) {
              store.put("key-" + i, "v" + i);
              assertThat(store.get("key-" + i).values()).containsExactly("v" + i);
            }
          }
          assertThat(total(cluster, "replica")).isEqualTo(200);
          assertThat(total(cluster, "other")).isZero();
        });
  }

  @Test
  void aKilledCoordinatorSendsTheClientToTheNextNodeOfThePreferenceList() throws Exception {
    MiniCluster.runWithNewCluster(
        4,
        cluster -> {
          try (RingstoreClient client = cluster.ringstoreClient("client").build()) {
            SyncStore<String> store = client.strings().sync();
            String key = "cart:1";
            List<NodeId> preference = preference(cluster, key);
            store.put(key, "before");
            assertThat(cluster.node(preference.get(0).value()).requestsAt("replica")).isEqualTo(1);

            cluster.kill(preference.get(0).value());
            MiniNode second = cluster.node(preference.get(1).value());
            long before = second.requestsAt("replica");
            PutResult<String> written =
                store.put(key, "after", store.get(key).context(), WriteOptions.defaults());
            assertThat(store.get(key).values()).containsExactly("after");
            assertThat(second.requestsAt("replica") - before).isEqualTo(3);
            assertThat(written.context()).isNotEmpty();
            assertThat(total(cluster, "other")).isZero();
          }
        });
  }

  @Test
  void eightConcurrentWritersAddingToOneSetLoseNoElement() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster -> {
          try (RingstoreClient client = cluster.ringstoreClient("client").build()) {
            Store<Set<String>> sets =
                client.store(JsonCodec.of(new TypeReference<Set<String>>() {}));
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
              int writer = w;
              writers.add(
                  CompletableFuture.runAsync(
                      () -> {
                        for (int i = 0; i < 15; i++) {
                          String element = writer + "-" + i;
                          sets.sync().update("set", ConflictResolver.union(), add(element));
                        }
                      }));
            }
            writers.forEach(CompletableFuture::join);
            GetResult<Set<String>> read = sets.sync().get("set");
            Set<String> all = read.resolve(ConflictResolver.union()).orElseThrow();
            assertThat(all).hasSize(8 * 15);
            IntStream.range(0, 8).forEach(w -> assertThat(all).contains(w + "-0", w + "-14"));
          }
        });
  }

  @Test
  void conditionalPutsAndMultiKeyCallsThroughTheClient() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster -> {
          try (RingstoreClient client = cluster.ringstoreClient("client").build()) {
            SyncStore<String> store = client.strings().sync();
            store.putIfAbsent("lock", "owner-1", WriteOptions.defaults());
            assertThatThrownBy(() -> store.putIfAbsent("lock", "owner-2", WriteOptions.defaults()))
                .isInstanceOf(RingstoreException.class)
                .extracting(e -> ((RingstoreException) e).code())
                .isEqualTo(ErrorCode.CONDITION_FAILED);
            String seen = store.get("lock").context();
            store.put("lock", "owner-3", seen, WriteOptions.defaults());
            assertThatThrownBy(
                    () -> store.putIfMatch("lock", "owner-4", seen, WriteOptions.defaults()))
                .isInstanceOf(RingstoreException.class)
                .hasMessageContaining("written since");
            assertThat(store.get("lock").values()).containsExactly("owner-3");

            Map<String, String> many = new LinkedHashMap<>();
            IntStream.range(0, 20).forEach(i -> many.put("m" + i, "v" + i));
            assertThat(store.putAll(many, WriteOptions.defaults()).values())
                .allMatch(KeyResult::isOk);
            List<String> keys = new ArrayList<>(many.keySet());
            keys.add("never-written");
            Map<String, KeyResult<GetResult<String>>> read =
                store.getAll(keys, ReadOptions.defaults().withR(3));
            assertThat(read.get("m7").get().values()).containsExactly("v7");
            assertThat(read.get("never-written").get().isFound()).isFalse();

            store.delete("m7", WriteOptions.defaults());
            assertThat(store.get("m7").isFound()).isFalse();
          }
        });
  }

  @Test
  void theClientFollowsANewTableAfterANodeJoins() throws Exception {
    MiniCluster.runWithConfigService(
        3,
        UnaryOperator.identity(),
        cluster -> {
          try (RingstoreClient client = cluster.ringstoreClient("client").build()) {
            SyncStore<String> store = client.strings().sync();
            store.put("before", "v");
            assertThat(client.tableVersion()).isEqualTo(1);
            cluster.addNode("n4");
            cluster
                .config()
                .plan(
                    PlanCommand.newBuilder().setJoin(PlanJoin.newBuilder().addNodes("n4")).build())
                .join();
            cluster.config().commit().join();
            TransferTest.awaitTableEverywhere(cluster, 3);
            Eventually.within(
                java.time.Duration.ofSeconds(20),
                () -> {
                  store.get("before");
                  assertThat(client.tableVersion()).isGreaterThanOrEqualTo(3);
                });
            assertThat(store.get("before").values()).containsExactly("v");
          }
        });
  }

  private static java.util.function.Function<java.util.Optional<Set<String>>, Set<String>> add(
      String element) {
    return current -> {
      Set<String> next = new HashSet<>(current.orElse(Set.of()));
      next.add(element);
      return next;
    };
  }

  private static List<NodeId> preference(MiniCluster cluster, String key) {
    return cluster
        .node("n1")
        .node()
        .cluster()
        .table()
        .preferenceListForKey(key.getBytes(StandardCharsets.UTF_8))
        .nodes();
  }

  private static long total(MiniCluster cluster, String placement) {
    return cluster.nodes().stream()
        .filter(MiniNode::isRunning)
        .mapToLong(node -> node.requestsAt(placement))
        .sum();
  }
}
