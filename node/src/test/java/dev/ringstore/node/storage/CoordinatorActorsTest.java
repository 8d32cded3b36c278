package dev.ringstore.node.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.ActorId;
import dev.ringstore.common.versioning.VersionVector;
import dev.ringstore.node.storage.NodeIdentity.Origin;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CoordinatorActorsTest {
  private static final NodeId N1 = NodeId.of("n1");
  private final Map<String, byte[]> stored = new HashMap<>();
  private final CoordinatorActors.Meta meta =
      new CoordinatorActors.Meta() {
        @Override
        public Optional<byte[]> get(String name) {
          return Optional.ofNullable(stored.get(name));
        }

        @Override
        public void put(String name, byte[] value) {
          stored.put(name, value.clone());
        }
      };

  private CoordinatorActors open(Origin origin) {
    return CoordinatorActors.open(N1, meta, origin, new Random(5));
  }

  private static VersionVector context(ActorId... actors) {
    Map<ActorId, Long> counters = new HashMap<>();
    for (ActorId actor : actors) {
      counters.put(actor, 3L);
    }
    return VersionVector.of(counters);
  }

  @Test
  void aKeyKeepsTheActorItGotAndANewKeyGetsAFreshOne() {
    CoordinatorActors actors = open(Origin.NEW_DATA_DIR);
    ActorId first = actors.forWrite(7, VersionVector.empty());
    ActorId other = actors.forWrite(7, VersionVector.empty());
    ActorId foreign = new ActorId(NodeId.of("n2"), first.incarnation() + 5);

    assertThat(first.node()).isEqualTo(N1);
    assertThat(other).isNotEqualTo(first);
    assertThat(actors.forWrite(7, context(first, foreign))).isEqualTo(first);
    assertThat(actors.forWrite(7, context(first, other))).as("the newest valid").isEqualTo(other);
    assertThat(actors.forWrite(7, context(foreign)).node()).isEqualTo(N1);
  }

  @Test
  void aDroppedBucketNeverReusesAnActorIssuedBeforeTheDrop() {
    CoordinatorActors actors = open(Origin.NEW_DATA_DIR);
    ActorId before = actors.forWrite(7, VersionVector.empty());
    ActorId elsewhere = actors.forWrite(8, VersionVector.empty());

    actors.bucketDropped(7);

    ActorId after = actors.forWrite(7, context(before));
    assertThat(after).isNotEqualTo(before);
    assertThat(actors.forWrite(7, context(before, after))).isEqualTo(after);
    assertThat(actors.forWrite(8, context(elsewhere))).isEqualTo(elsewhere);
    assertThat(open(Origin.RESUMED).forWrite(7, context(before)))
        .as("the drop survives a restart")
        .isNotIn(before, after);
  }

  @Test
  void aRestartNeverIssuesANumberTwiceAndKeepsActorsOnlyWhenNoWriteWasLost() {
    CoordinatorActors first = open(Origin.NEW_DATA_DIR);
    ActorId issued = first.forWrite(1, VersionVector.empty());
    for (int i = 0; i < 10; i++) {
      first.forWrite(1, VersionVector.empty());
    }

    CoordinatorActors resumed = open(Origin.RESUMED);
    assertThat(resumed.forWrite(1, context(issued))).isEqualTo(issued);
    ActorId fresh = resumed.forWrite(1, VersionVector.empty());
    assertThat(fresh.incarnation()).isGreaterThan(issued.incarnation() + 10);

    CoordinatorActors afterCrash = open(Origin.NEW_AFTER_UNCLEAN_SHUTDOWN);
    assertThat(afterCrash.forWrite(1, context(issued, fresh))).isNotIn(issued, fresh);
  }

  @Test
  void leasesAreSyncedBeforeTheirNumbersAreIssued() {
    CoordinatorActors actors = open(Origin.NEW_DATA_DIR);
    ActorId last = null;
    for (long i = 0; i <= CoordinatorActors.LEASE; i++) {
      last = actors.forWrite(1, VersionVector.empty());
    }
    // A crash now: the next session starts past everything the stored lease allowed.
    CoordinatorActors next = open(Origin.NEW_AFTER_UNCLEAN_SHUTDOWN);
    assertThat(next.forWrite(1, VersionVector.empty()).incarnation())
        .isGreaterThan(last.incarnation());
  }
}
