package dev.ringstore.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.common.NodeId;
import dev.ringstore.node.storage.NodeIdentity.Origin;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;

/** The data directory's identity and the kv679 incarnation rules, on real RocksDB directories. */
@Timeout(60)
class RocksDbIdentityTest {
  private static final NodeId N1 = NodeId.of("n1");

  @TempDir Path dir;

  private StorageConfig config(Durability durability) {
    return StorageConfig.defaults(dir.resolve("storage")).withDurability(durability);
  }

  private NodeIdentity openAndClose(Durability durability, NodeId node, long seed) {
    try (StorageEngine engine =
        RocksDbStorageEngine.open(config(durability), node, new SplittableRandom(seed))) {
      return engine.identity();
    }
  }

  @Test
  void aNewDataDirectoryDrawsItsIncarnationFromTheInjectedRandom() {
    NodeIdentity identity = openAndClose(Durability.FSYNC, N1, 7);

    assertThat(identity.origin()).isEqualTo(Origin.NEW_DATA_DIR);
    assertThat(identity.node()).isEqualTo(N1);
    assertThat(identity.incarnation()).isEqualTo(new SplittableRandom(7).nextLong());
  }

  @Test
  void aCleanRestartKeepsTheIncarnationInBothModes() {
    NodeIdentity created = openAndClose(Durability.ASYNC, N1, 7);

    NodeIdentity afterAsync = openAndClose(Durability.ASYNC, N1, 8);
    NodeIdentity afterFsync = openAndClose(Durability.FSYNC, N1, 9);

    assertThat(afterAsync).isEqualTo(new NodeIdentity(created.actor(), Origin.RESUMED));
    assertThat(afterFsync).isEqualTo(new NodeIdentity(created.actor(), Origin.RESUMED));
  }

  @Test
  void anotherNodesDataDirectoryIsRefusedAndLeftUsable() {
    NodeIdentity owner = openAndClose(Durability.FSYNC, N1, 7);

    assertThatThrownBy(() -> openAndClose(Durability.FSYNC, NodeId.of("n2"), 8))
        .isInstanceOfSatisfying(
            ForeignDataDirectoryException.class,
            e -> {
              assertThat(e.owner()).isEqualTo(N1);
              assertThat(e.requested()).isEqualTo(NodeId.of("n2"));
              assertThat(e.dataDir()).isEqualTo(dir.resolve("storage"));
            })
        .hasMessageContaining("belongs to node n1, not n2");

    assertThat(openAndClose(Durability.FSYNC, N1, 9).actor()).isEqualTo(owner.actor());
  }

  @Test
  void anUncleanShutdownOfAnAsyncSessionTakesANewIncarnation() throws RocksDBException {
    NodeIdentity before = openAndClose(Durability.ASYNC, N1, 7);
    UncleanShutdown.simulate(config(Durability.ASYNC).dataDir());

    NodeIdentity after = openAndClose(Durability.ASYNC, N1, 8);

    assertThat(after.origin()).isEqualTo(Origin.NEW_AFTER_UNCLEAN_SHUTDOWN);
    assertThat(after.node()).isEqualTo(N1);
    assertThat(after.incarnation()).isNotEqualTo(before.incarnation());
    assertThat(openAndClose(Durability.ASYNC, N1, 9))
        .isEqualTo(new NodeIdentity(after.actor(), Origin.RESUMED));
  }

  @Test
  void anUncleanShutdownOfAnFsyncSessionKeepsTheIncarnation() throws RocksDBException {
    NodeIdentity before = openAndClose(Durability.FSYNC, N1, 7);
    UncleanShutdown.simulate(config(Durability.FSYNC).dataDir());

    NodeIdentity after = openAndClose(Durability.FSYNC, N1, 8);

    assertThat(after).isEqualTo(new NodeIdentity(before.actor(), Origin.RESUMED));
  }

  /** What decides is how the lost session acknowledged writes, not how the next one will. */
  @Test
  void anUncleanAsyncSessionGetsANewIncarnationEvenWhenReopenedWithFsync() throws RocksDBException {
    NodeIdentity before = openAndClose(Durability.ASYNC, N1, 7);
    UncleanShutdown.simulate(config(Durability.ASYNC).dataDir());

    NodeIdentity after = openAndClose(Durability.FSYNC, N1, 8);

    assertThat(after.origin()).isEqualTo(Origin.NEW_AFTER_UNCLEAN_SHUTDOWN);
    assertThat(after.incarnation()).isNotEqualTo(before.incarnation());
  }
}
