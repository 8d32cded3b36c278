package dev.ringstore.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.ringstore.common.versioning.DottedVersionVectorSetCodec;
import dev.ringstore.node.storage.StoredSetLimits;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.DeleteRequest;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.GetRequest;
import dev.ringstore.protocol.v1.InspectRequest;
import dev.ringstore.protocol.v1.PutRequest;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.RequestOptions;
import dev.ringstore.protocol.v1.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15's reproduction: two concurrent context-less 5 MB puts of one key at two coordinators.
 * Each replica's copy must stay small enough to travel in one frame, and the key must stay readable
 * (head), resolvable and deletable.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LargeSetTest {
  private static final ByteString KEY = ByteString.copyFrom("photo", UTF_8);
  private static final RequestOptions ALL = RequestOptions.newBuilder().setR(3).setW(3).build();

  @Test
  void concurrentLargeWritesLeaveAKeyThatCanStillBeReadAndDeleted() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster -> {
          SimClient client = cluster.client();
          CompletableFuture<Response> first = client.callAsync("n1", put(5_000_000, (byte) 1));
          CompletableFuture<Response> second = client.callAsync("n2", put(5_000_000, (byte) 2));
          CompletableFuture.allOf(first, second).handle((done, failure) -> null).join();
          for (String node : new String[] {"n1", "n2", "n3"}) {
            byte[] stored = DottedVersionVectorSetCodec.encode(cluster.node(node).stored("photo"));
            assertThat(stored.length).as(node).isLessThanOrEqualTo(StoredSetLimits.MAX_SET_BYTES);
          }
          assertThatThrownBy(() -> client.put("n1", "photo", "x".repeat(5_000_000)))
              .isInstanceOfSatisfying(
                  RingstoreException.class,
                  e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE));

          Response head = client.call("n3", headRequest());
          assertThat(head.getGet().getValueSizesList()).isNotEmpty().allMatch(s -> s == 5_000_000);
          Response inspected =
              client.call(
                  "n3",
                  Request.newBuilder().setInspect(InspectRequest.newBuilder().setKey(KEY)).build());
          assertThat(inspected.getInspect().getReplicasList()).hasSize(3);

          client.call(
              "n1",
              Request.newBuilder()
                  .setDelete(
                      DeleteRequest.newBuilder()
                          .setKey(KEY)
                          .setContext(head.getGet().getContext())
                          .setOptions(ALL))
                  .build());
          assertThat(client.get("n2", "photo", ALL).found()).isFalse();
          client.put("n2", "photo", "small again");
          assertThat(client.get("n3", "photo", ALL).values()).containsExactly("small again");
        });
  }

  private static Request put(int bytes, byte fill) {
    byte[] value = new byte[bytes];
    java.util.Arrays.fill(value, fill);
    return Request.newBuilder()
        .setPut(PutRequest.newBuilder().setKey(KEY).setValue(ByteString.copyFrom(value)))
        .build();
  }

  private static Request headRequest() {
    return Request.newBuilder()
        .setGet(GetRequest.newBuilder().setKey(KEY).setOptions(ALL).setHead(true))
        .build();
  }
}
