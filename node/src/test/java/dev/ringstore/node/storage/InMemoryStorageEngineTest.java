package dev.ringstore.node.storage;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class InMemoryStorageEngineTest extends StorageEngineContract {
  @Override
  StorageEngine newEngine() {
    return new InMemoryStorageEngine(NODE, new SplittableRandom(1));
  }

  @Override
  StorageEngine reopen(StorageEngine engine) {
    return cannotReopen("the in-memory engine keeps nothing across a restart, by design");
  }
}
