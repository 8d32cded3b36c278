package dev.ringstore.node.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.ActorId;
import dev.ringstore.common.versioning.CausalContext;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class StorageMetricsTest {
  @TempDir Path dir;

  @Test
  void publishesTheEngineStatsAndNaNOnceClosed() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    StorageEngine engine =
        RocksDbStorageEngine.open(
            StorageConfig.defaults(dir), NodeId.of("n1"), new SplittableRandom(1));
    new StorageMetrics(engine, Tags.of("node", "n1")).bindTo(registry);
    ActorId actor = engine.identity().actor();

    for (int i = 0; i < 10; i++) {
      engine.update(
          1, new byte[] {(byte) i}, s -> s.update(CausalContext.EMPTY, new byte[] {1}, 1L, actor));
      engine.get(1, new byte[] {(byte) i});
    }

    assertThat(registry.get("ringstore.storage.keys").tag("node", "n1").gauge().value())
        .isPositive();
    assertThat(registry.get("ringstore.storage.wal.syncs").functionCounter().count())
        .isGreaterThanOrEqualTo(10);
    assertThat(
            registry
                .get("ringstore.storage.cache.gets")
                .tag("result", "hit")
                .functionCounter()
                .count())
        .isGreaterThanOrEqualTo(10);
    assertThat(registry.get("ringstore.storage.memtable.size").gauge().value()).isPositive();

    engine.close();

    assertThat(registry.get("ringstore.storage.keys").gauge().value()).isNaN();
  }
}
