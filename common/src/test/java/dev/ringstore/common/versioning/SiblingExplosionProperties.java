package dev.ringstore.common.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Two clients racing on one key through one replica, each always using its own most recent context,
 * never make more than two siblings, and no number either wrote is lost. With per-server version
 * vectors and no dots this is the scenario where Riak 1.x grew one sibling per write.
 */
class SiblingExplosionProperties {
  /** The next step of one of the two clients: a read, or a write with its latest context. */
  record Step(int client, boolean read) {}

  @Provide
  Arbitrary<List<Step>> interleaving() {
    return Combinators.combine(Arbitraries.integers().between(0, 1), Arbitraries.of(true, false))
        .as(Step::new)
        .list()
        .ofMaxSize(80);
  }

  /** Interleavings of strict read-then-write cycles: each client writes right after it reads. */
  @Provide
  Arbitrary<List<Integer>> readWriteCycles() {
    return Arbitraries.integers().between(0, 1).list().ofMaxSize(80);
  }

  @Property(tries = 1000)
  void twoClientsWithTheirLatestContextsNeverMakeMoreThanTwoSiblings(
      @ForAll("interleaving") List<Step> steps) {
    RacingClients clients = new RacingClients(2);
    for (Step step : steps) {
      if (step.read()) {
        clients.read(step.client());
      } else {
        clients.write(step.client());
      }
      assertThat(clients.state().size()).isLessThanOrEqualTo(2);
    }

    assertThat(RacingClients.union(clients.state())).isEqualTo(clients.written());
    Statistics.label("max siblings").collect(clients.maxSiblings());
  }

  @Property(tries = 1000)
  void twoClientsInReadThenWriteCyclesNeverMakeMoreThanTwoSiblings(
      @ForAll("readWriteCycles") List<Integer> turns) {
    RacingClients clients = new RacingClients(2);
    boolean[] hasRead = new boolean[2];
    for (int client : turns) {
      if (hasRead[client]) {
        clients.write(client);
      } else {
        clients.read(client);
      }
      hasRead[client] = !hasRead[client];
      assertThat(clients.state().size()).isLessThanOrEqualTo(2);
    }

    assertThat(RacingClients.union(clients.state())).isEqualTo(clients.written());
    Statistics.label("max siblings").collect(clients.maxSiblings());
  }
}
