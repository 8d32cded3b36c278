package dev.ringstore.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.client.PutResult;
import dev.ringstore.client.RingstoreClient;
import dev.ringstore.client.SyncStore;
import dev.ringstore.client.WriteOptions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the context of a put's reply lets a follow-up write supersede: this write and what its
 * client saw — never a concurrent sibling the client was not shown. Reproduces the loss the
 * partition benchmark found: a client that kept writing with its last put's context superseded the
 * other side's acknowledged adds, which it had never read.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PutReplyContextTest {

  @Test
  void aFollowUpWriteWithAPutsContextKeepsTheSiblingItsClientNeverSaw() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster -> {
          try (RingstoreClient alice = cluster.ringstoreClient("alice").build();
              RingstoreClient bob = cluster.ringstoreClient("bob").build()) {
            SyncStore<String> a = alice.strings().sync();
            SyncStore<String> b = bob.strings().sync();
            b.put("cart", "bob's book");
            PutResult<String> first = a.put("cart", "alice's pen");
            a.put("cart", "alice's pen and cup", first.context(), WriteOptions.defaults());

            assertThat(a.get("cart").values()).contains("bob's book", "alice's pen and cup");
          }
        });
  }

  @Test
  void aFollowUpWriteWithAPutsContextSupersedesThatPutWhenItStandsAlone() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster -> {
          try (RingstoreClient alice = cluster.ringstoreClient("alice").build()) {
            SyncStore<String> a = alice.strings().sync();
            PutResult<String> first = a.put("greeting", "hello");
            PutResult<String> second =
                a.put("greeting", "hi", first.context(), WriteOptions.defaults());
            a.put("greeting", "hey", second.context(), WriteOptions.defaults());

            assertThat(a.get("greeting").values()).containsExactly("hey");
          }
        });
  }

  @Test
  void withTheBodyThePutsContextCoversTheSiblingsItReturns() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster -> {
          try (RingstoreClient alice = cluster.ringstoreClient("alice").build();
              RingstoreClient bob = cluster.ringstoreClient("bob").build()) {
            SyncStore<String> a = alice.strings().sync();
            bob.strings().sync().put("cart", "bob's book");
            PutResult<String> shown =
                a.put("cart", "alice's pen", null, WriteOptions.defaults().withReturnBody(true));
            assertThat(shown.values()).containsExactlyInAnyOrder("bob's book", "alice's pen");
            a.put("cart", "book and pen", shown.context(), WriteOptions.defaults());

            assertThat(a.get("cart").values()).containsExactly("book and pen");
          }
        });
  }
}
