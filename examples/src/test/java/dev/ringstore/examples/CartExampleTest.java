package dev.ringstore.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.client.RingstoreClient;
import dev.ringstore.testkit.MiniCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's example does what it says, on the in-process harness. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CartExampleTest {

  @Test
  void fourDevicesFillOneCartWithoutLosingAnItemAndAnOrderIsClaimedOnce() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster -> {
          ByteArrayOutputStream printed = new ByteArrayOutputStream();
          try (RingstoreClient client = cluster.ringstoreClient("client").build()) {
            Set<String> cart =
                CartExample.run(
                    client, "cart:alice", new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(cart).hasSize(20).contains("device0-item0", "device3-item4");
          }
          assertThat(printed.toString(StandardCharsets.UTF_8))
              .contains("cart:alice holds 20 items")
              .contains("the second claim got CONDITION_FAILED");
        });
  }
}
