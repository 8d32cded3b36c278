package dev.ringstore.node.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.node.cluster.ClusterSettings;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.RequestOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class QuorumTest {
  private static final ClusterSettings SETTINGS = ClusterSettings.SINGLE_NODE;

  @Test
  void unsetOptionsTakeRiaksDefaults() {
    Quorum read = Quorum.read(RequestOptions.getDefaultInstance(), 3, SETTINGS);
    assertThat(read).isEqualTo(new Quorum(3, 2, 0, true, SETTINGS.requestTimeout()));
    Quorum write = Quorum.write(RequestOptions.newBuilder().setN(1).build(), 3, SETTINGS);
    assertThat(write).isEqualTo(new Quorum(1, 1, 0, true, SETTINGS.requestTimeout()));
  }

  @Test
  void setOptionsAreKept() {
    RequestOptions options =
        RequestOptions.newBuilder()
            .setN(3)
            .setW(3)
            .setPw(1)
            .setSloppy(false)
            .setTimeoutMs(250)
            .build();
    assertThat(Quorum.write(options, 3, SETTINGS))
        .isEqualTo(new Quorum(3, 3, 1, false, Duration.ofMillis(250)));
  }

  @Test
  void impossibleCombinationsAreBadRequests() {
    assertBad(RequestOptions.newBuilder().setN(0).build(), "n=0");
    assertBad(RequestOptions.newBuilder().setN(4).build(), "n=4");
    assertBad(RequestOptions.newBuilder().setW(0).build(), "w=0");
    assertBad(RequestOptions.newBuilder().setN(2).setW(3).build(), "w=3");
    assertBad(RequestOptions.newBuilder().setW(1).setPw(2).build(), "pw=2");
    assertBad(RequestOptions.newBuilder().setTimeoutMs(3_600_000).build(), "timeout");
    assertThatThrownBy(
            () -> Quorum.read(RequestOptions.newBuilder().setR(2).setPr(3).build(), 3, SETTINGS))
        .hasMessageContaining("pr=3");
  }

  private static void assertBad(RequestOptions options, String reason) {
    assertThatThrownBy(() -> Quorum.write(options, 3, SETTINGS))
        .isInstanceOfSatisfying(
            RingstoreException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST))
        .hasMessageContaining(reason);
  }
}
