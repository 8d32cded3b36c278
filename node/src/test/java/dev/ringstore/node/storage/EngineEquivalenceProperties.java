package dev.ringstore.node.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.ActorId;
import dev.ringstore.common.versioning.CausalContext;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The RocksDB engine behaves as the in-memory reference does: random histories of writes with and
 * without contexts, deletes and bucket drops leave both with the same buckets, keys and sets, and
 * the RocksDB store still holds them after a reopen. Keys include the empty key and 0x00/0xFF
 * bytes; buckets include the first and the last.
 */
class EngineEquivalenceProperties {
  private static final NodeId NODE = NodeId.of("n1");
  private static final List<Integer> BUCKETS = List.of(0, 1, 65_535);

  sealed interface Op {
    void apply(StorageEngine engine, ActorId actor);
  }

  record Write(int bucket, String hexKey, int value, boolean withContext) implements Op {
    @Override
    public void apply(StorageEngine engine, ActorId actor) {
      byte[] bytes = ("v" + value).getBytes(StandardCharsets.UTF_8);
      engine.update(
          bucket,
          HexFormat.of().parseHex(hexKey),
          set -> set.update(withContext ? set.context() : CausalContext.EMPTY, bytes, 1L, actor));
    }
  }

  record Delete(int bucket, String hexKey) implements Op {
    @Override
    public void apply(StorageEngine engine, ActorId actor) {
      engine.update(
          bucket, HexFormat.of().parseHex(hexKey), set -> set.delete(set.context(), 1L, actor));
    }
  }

  record DropBucket(int bucket) implements Op {
    @Override
    public void apply(StorageEngine engine, ActorId actor) {
      engine.deleteBucket(bucket);
    }
  }

  @Provide
  Arbitrary<List<Op>> histories() {
    Arbitrary<Integer> buckets = Arbitraries.of(BUCKETS);
    Arbitrary<String> keys = Arbitraries.of("", "00", "0000", "ff", "00ff", "ffff");
    Arbitrary<Op> write =
        Combinators.combine(
                buckets, keys, Arbitraries.integers().between(0, 9), Arbitraries.of(true, false))
            .as(Write::new);
    Arbitrary<Op> delete = Combinators.combine(buckets, keys).as(Delete::new);
    Arbitrary<Op> drop = buckets.map(DropBucket::new);
    return Arbitraries.frequencyOf(Tuple.of(8, write), Tuple.of(2, delete), Tuple.of(1, drop))
        .list()
        .ofMaxSize(40);
  }

  @Property(tries = 60)
  void rocksDbMatchesTheReference(@ForAll("histories") List<Op> history) throws IOException {
    Path dir = Files.createTempDirectory("ringstore-equivalence");
    StorageConfig config = StorageConfig.defaults(dir).withCacheBytes(4_096);
    // The same seed draws the same incarnation, so both engines issue the same dots.
    try (StorageEngine reference = new InMemoryStorageEngine(NODE, new SplittableRandom(1))) {
      StorageEngine rocks = RocksDbStorageEngine.open(config, NODE, new SplittableRandom(1));
      try {
        ActorId actor = reference.identity().actor();
        assertThat(rocks.identity().actor()).isEqualTo(actor);
        for (Op op : history) {
          op.apply(reference, actor);
          op.apply(rocks, actor);
        }
        assertThat(contents(rocks)).isEqualTo(contents(reference));

        rocks.close();
        rocks = RocksDbStorageEngine.open(config, NODE, new SplittableRandom(2));
        assertThat(contents(rocks)).isEqualTo(contents(reference));
      } finally {
        rocks.close();
      }
    } finally {
      deleteRecursively(dir);
    }
  }

  /** Per bucket, the keys a scan visits in order and what get returns for each. */
  private static List<String> contents(StorageEngine engine) {
    List<String> lines = new ArrayList<>();
    for (int bucket : BUCKETS) {
      engine.scan(
          bucket,
          (key, set) -> {
            DottedVersionVectorSet got = engine.get(bucket, key);
            assertThat(got).isEqualTo(set);
            lines.add(bucket + "/" + HexFormat.of().formatHex(key) + " = " + set);
          });
    }
    return lines;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
