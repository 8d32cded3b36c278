package dev.ringstore.node.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.ActorId;
import dev.ringstore.common.versioning.CausalContext;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.node.storage.RocksDbStorageEngine;
import dev.ringstore.node.storage.StorageConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Merkle trees hear of a write through the {@link WriteObserver} only once it is stored in
 * RocksDB: a write that is refused or fails leaves them as they were (issue 15, point 7), so they
 * never describe data the replica does not hold.
 */
@Timeout(60)
class LocalReplicaTest {
  private static final byte[] KEY = "k".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;
  private final List<String> observed = new ArrayList<>();
  private final ExecutorService storageThreads = Executors.newFixedThreadPool(2);
  private FailingWrites storage;
  private LocalReplica replica;

  @BeforeEach
  void open() {
    storage =
        new FailingWrites(
            RocksDbStorageEngine.open(
                StorageConfig.defaults(dir.resolve("storage")),
                NodeId.of("n1"),
                new SplittableRandom(1)));
    replica =
        new LocalReplica(
            storage,
            storageThreads,
            (bucket, key, before, after) ->
                observed.add(bucket + ": " + before.size() + " -> " + after.size()));
  }

  @AfterEach
  void close() throws Exception {
    storage.close();
    storageThreads.shutdownNow();
    storageThreads.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Test
  void aStoredWriteIsObservedOnceWithWhatItReplacedAndWhatItStored() {
    DottedVersionVectorSet stored = replica.coordinate(7, KEY, this::write).join();

    assertThat(observed).containsExactly("7: 0 -> 1");
    assertThat(storage.get(7, KEY)).isEqualTo(stored);
  }

  @Test
  void aWriteRefusedInsideTheKeysUpdateIsNotObservedAndStoresNothing() {
    replica.coordinate(7, KEY, this::write).join();
    observed.clear();

    assertThatThrownBy(
            () ->
                replica
                    .coordinate(
                        7,
                        KEY,
                        current -> {
                          throw new IllegalStateException("refused, as a sibling limit would be");
                        })
                    .join())
        .hasRootCauseMessage("refused, as a sibling limit would be");

    assertThat(observed).isEmpty();
    assertThat(storage.get(7, KEY).size()).isEqualTo(1);
  }

  @Test
  void aWriteLostAfterItsChangeWasComputedIsNotObserved() {
    replica.coordinate(7, KEY, this::write).join();
    observed.clear();
    storage.startFailing();

    assertThatThrownBy(() -> replica.coordinate(7, KEY, this::write).join())
        .hasRootCauseMessage("No space left on device (simulated)");

    assertThat(observed).as("the trees still describe what RocksDB holds").isEmpty();
    assertThat(storage.get(7, KEY).size()).isEqualTo(1);
  }

  @Test
  void aWriteTheStorageFailsIsNotObserved() {
    storage.close();

    assertThatThrownBy(() -> replica.coordinate(7, KEY, this::write).join())
        .hasMessageContaining("closed");
    assertThat(observed).isEmpty();
  }

  private DottedVersionVectorSet write(DottedVersionVectorSet current) {
    ActorId actor = storage.identity().actor();
    return current.update(CausalContext.EMPTY, "v".getBytes(StandardCharsets.UTF_8), 1L, actor);
  }
}
