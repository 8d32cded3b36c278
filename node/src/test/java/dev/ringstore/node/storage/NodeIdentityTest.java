package dev.ringstore.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.ActorId;
import dev.ringstore.node.storage.NodeIdentity.Origin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The incarnation rules on their own, over a plain map of meta values. */
@Timeout(10)
class NodeIdentityTest {
  private static final NodeId N1 = NodeId.of("n1");
  private static final Path DIR = Path.of("/var/lib/ringstore/n1");

  private final Map<String, byte[]> meta = new HashMap<>();

  private NodeIdentity resolve(NodeId node, long seed) {
    return NodeIdentity.resolve(
        name -> Optional.ofNullable(meta.get(name)), DIR, node, new SplittableRandom(seed));
  }

  private void record(NodeIdentity identity, Durability durability, boolean clean) {
    meta.putAll(identity.sessionRecord(durability));
    if (clean) {
      meta.put(NodeIdentity.CLEAN_SHUTDOWN, new byte[] {1});
    } else {
      meta.remove(NodeIdentity.CLEAN_SHUTDOWN);
    }
  }

  @Test
  void sessionRecordRoundTrips() {
    NodeIdentity first = resolve(N1, 1);
    record(first, Durability.FSYNC, true);

    assertThat(resolve(N1, 2)).isEqualTo(new NodeIdentity(first.actor(), Origin.RESUMED));
  }

  @Test
  void aMissingDurabilityRecordCountsAsAsync() {
    NodeIdentity first = resolve(N1, 1);
    record(first, Durability.FSYNC, false);
    meta.remove(NodeIdentity.SESSION_DURABILITY);

    assertThat(resolve(N1, 2).origin()).isEqualTo(Origin.NEW_AFTER_UNCLEAN_SHUTDOWN);
  }

  @Test
  void aNewIncarnationNeverRepeatsTheOldOne() {
    long old = new SplittableRandom(1).nextLong();
    record(new NodeIdentity(new ActorId(N1, old), Origin.RESUMED), Durability.ASYNC, false);

    NodeIdentity next = resolve(N1, 1); // the same seed would draw the same number first

    assertThat(next.incarnation()).isNotEqualTo(old);
  }

  @Test
  void aDirectoryWithANodeButNoIncarnationIsAnError() {
    meta.put(NodeIdentity.NODE_ID, "n1".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> resolve(N1, 1))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("no incarnation");
  }

  @Test
  void onlyUserNamesAreWritable() {
    NodeIdentity.checkUserMetaName("table-cache");
    assertThatThrownBy(() -> NodeIdentity.checkUserMetaName("storage.anything"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
