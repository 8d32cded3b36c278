package dev.ringstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class QuorumReadWriteTest {

  @Test
  void withoutFaultsEveryQuorumReadSeesTheLatestAcknowledgedWrite() throws Exception {
    MiniCluster.runWithNewCluster(
        5,
        cluster -> {
          SimClient client = cluster.client();
          Random random = new Random(7);
          RequestOptions quorum = RequestOptions.newBuilder().setR(2).setW(2).build();
          for (int i = 0; i < 200; i++) {
            String key = "key-" + random.nextInt(20);
            String via = "n" + (1 + random.nextInt(5));
            SimClient.Read before = client.get(via, key, quorum);
            String value = "v" + i;
            client.put(via, key, value, before.context(), quorum);
            String reader = "n" + (1 + random.nextInt(5));
            assertThat(client.get(reader, key, quorum).values())
                .as("read of %s via %s after writing %s via %s", key, reader, value, via)
                .containsExactly(value);
          }
        });
  }

  @Test
  void concurrentWritesWithoutContextBecomeSiblingsAndAContextCollapsesThem() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster -> {
          SimClient client = cluster.client();
          List<CompletableFuture<?>> writes = new ArrayList<>();
          for (int i = 0; i < 12; i++) {
            String value = "w" + i;
            String via = "n" + (1 + i % 3);
            writes.add(CompletableFuture.runAsync(() -> client.put(via, "cart", value)));
          }
          CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();

          SimClient.Read read =
              client.get("n2", "cart", RequestOptions.newBuilder().setR(3).build());
          assertThat(read.values())
              .containsExactlyInAnyOrder(
                  "w0", "w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "w9", "w10", "w11");

          client.put("n3", "cart", "merged", read.context(), RequestOptions.getDefaultInstance());
          assertThat(client.get("n1", "cart", RequestOptions.newBuilder().setR(3).build()).values())
              .containsExactly("merged");
        });
  }

  @Test
  void aWriteReachingANonPrimaryIsForwardedAndReadableEverywhere() throws Exception {
    MiniCluster.runWithNewCluster(
        5,
        cluster -> {
          SimClient client = cluster.client();
          for (int i = 0; i < 30; i++) {
            client.put("n" + (1 + i % 5), "k" + i, "v" + i);
          }
          for (int i = 0; i < 30; i++) {
            assertThat(client.get("n" + (1 + (i + 2) % 5), "k" + i).values())
                .containsExactly("v" + i);
          }
        });
  }

  @Test
  void impossibleOptionsAreBadRequestsWithTheReason() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster -> {
          SimClient client = cluster.client();
          assertRejected(
              () -> client.get("n1", "k", RequestOptions.newBuilder().setN(2).setR(3).build()),
              "r=3");
          assertRejected(
              () ->
                  client.put(
                      "n1",
                      "k",
                      "v",
                      ByteString.EMPTY,
                      RequestOptions.newBuilder().setW(0).build()),
              "w=0");
          assertRejected(
              () ->
                  client.put(
                      "n1",
                      "k",
                      "v",
                      ByteString.EMPTY,
                      RequestOptions.newBuilder().setW(1).setPw(2).build()),
              "pw=2");
          assertRejected(
              () -> client.get("n1", "k", RequestOptions.newBuilder().setN(4).build()), "n=4");
          assertThat(client.get("n1", "k").found()).isFalse();
        });
  }

  private static void assertRejected(Runnable request, String reason) {
    assertThatThrownBy(request::run)
        .isInstanceOfSatisfying(
            RingstoreException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST))
        .hasMessageContaining(reason);
  }
}
