package dev.ringstore.node.storage;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class RocksDbStorageEngineTest extends StorageEngineContract {
  @TempDir Path dir;

  private StorageConfig config() {
    return StorageConfig.defaults(dir.resolve("storage"));
  }

  @Override
  StorageEngine newEngine() {
    return RocksDbStorageEngine.open(config(), NODE, new SplittableRandom(1));
  }

  @Override
  StorageEngine reopen(StorageEngine engine) {
    engine.close();
    return RocksDbStorageEngine.open(config(), NODE, new SplittableRandom(2));
  }
}
