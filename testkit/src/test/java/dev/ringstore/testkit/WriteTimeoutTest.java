package dev.ringstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.ringstore.common.NodeId;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WriteTimeoutTest {

  @Test
  void aSlowReplicaTimesTheWriteOutWithTheCountAndItsLateAckStillLands() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster -> {
          cluster.network().delay(NodeId.of("n1"), NodeId.of("n3"), Duration.ofSeconds(4));
          RequestOptions all = RequestOptions.newBuilder().setW(3).setTimeoutMs(1500).build();

          assertThatThrownBy(() -> cluster.client().put("n1", "slow", "v", ByteString.EMPTY, all))
              .isInstanceOfSatisfying(
                  RingstoreException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT))
              .hasMessageContaining("2 of the 3 acknowledgements");

          Eventually.within(
              Duration.ofSeconds(15),
              () ->
                  assertThat(cluster.node("n3").stored("slow").values())
                      .extracting(v -> new String(v, StandardCharsets.UTF_8))
                      .containsExactly("v"));
        });
  }
}
