package dev.ringstore.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.ringstore.protocol.v1.RequestOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Riak's kv679 on the harness: a node whose copy of a key was dropped must not hand out a dot its
 * peers have already seen, or they take its next write for an old one and drop it while
 * acknowledging it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DotUniquenessTest {
  private static final RequestOptions ALL = RequestOptions.newBuilder().setR(3).setW(3).build();

  @Test
  void aWriteThroughANodeThatDroppedTheBucketIsNotTakenForAnOldOne() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster -> {
          SimClient client = cluster.client();
          ByteString context = ByteString.EMPTY;
          for (int i = 1; i <= 3; i++) {
            context = client.put("n1", "cart", "v" + i, context, ALL);
          }
          int bucket = cluster.node("n1").config().ring().bucketOf("cart".getBytes(UTF_8));
          // The bucket moved away and back (a leave and a join, say): n1's copy is gone while
          // n2 and n3 remember n1's writes 1 to 3.
          cluster.node("n1").dropBucket(bucket);

          client.put("n1", "cart", "after-the-drop", ByteString.EMPTY, ALL);

          assertThat(client.get("n2", "cart", ALL).values())
              .as("the acknowledged write is kept, next to the one it never saw")
              .containsExactlyInAnyOrder("v3", "after-the-drop");
          Eventually.within(
              Duration.ofSeconds(10),
              () -> {
                for (String node : new String[] {"n1", "n2", "n3"}) {
                  assertThat(cluster.node(node).stored("cart").values())
                      .as("%s's copy after read repair (asynchronous)", node)
                      .hasSize(2);
                }
              });
        });
  }
}
