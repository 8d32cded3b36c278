package dev.ringstore.gossip.antientropy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * A rebuild paced over many short scans, each reading its own snapshot while writes go on between
 * and during them, ends equal to the tree the write hook kept up to date all along.
 */
class PacedRebuildProperties {
  private static final TreeShape SHAPE = new TreeShape(6, 2);

  private record Write(String key, int version) {}

  @Provide
  Arbitrary<String> keys() {
    return Arbitraries.strings()
        .withCharRange('a', 'd')
        .withChars('é')
        .ofMinLength(1)
        .ofMaxLength(3);
  }

  @Provide
  Arbitrary<Map<String, Integer>> initial() {
    return Arbitraries.maps(keys(), Arbitraries.integers().between(0, 3)).ofMaxSize(80);
  }

  @Provide
  Arbitrary<List<Write>> writes() {
    return Arbitraries.integers()
        .between(-1, 3)
        .flatMap(version -> keys().map(key -> new Write(key, version)))
        .list()
        .ofMaxSize(120);
  }

  @Property(tries = 300)
  void aPacedRebuildDuringWritesEqualsTheTreeKeptUpToDate(
      @ForAll("initial") Map<String, Integer> initial,
      @ForAll("writes") List<Write> writes,
      @ForAll @IntRange(min = 1, max = 20) int keysPerScan,
      @ForAll long seed) {
    Store store = new Store();
    initial.forEach((key, version) -> store.write(new Write(key, version), null));
    TreeRebuild rebuild = new TreeRebuild(SHAPE);
    Random random = new Random(seed);
    int next = 0;
    boolean more = true;
    while (more) {
      // One scan of at most keysPerScan keys, over the snapshot it started with.
      Map<byte[], VersionDigest> snapshot = new TreeMap<>(store.data.tailMap(rebuild.resumeKey()));
      int visited = 0;
      for (Map.Entry<byte[], VersionDigest> entry : snapshot.entrySet()) {
        rebuild.add(entry.getKey(), entry.getValue());
        while (next < writes.size() && random.nextInt(3) == 0) {
          store.write(writes.get(next++), rebuild);
        }
        if (++visited == keysPerScan) {
          break;
        }
      }
      more = visited == keysPerScan;
    }
    while (next < writes.size() && random.nextBoolean()) {
      store.write(writes.get(next++), rebuild);
    }
    BucketMerkleTree rebuilt = rebuild.finish();
    store.rebuilt = rebuilt;
    writes.subList(next, writes.size()).forEach(write -> store.write(write, null));

    assertThat(rebuilt).isEqualTo(store.maintained);
  }

  /** The bucket as stored, and the tree its write hook keeps up to date. */
  private static final class Store {
    final TreeMap<byte[], VersionDigest> data = new TreeMap<>(Arrays::compareUnsigned);
    final BucketMerkleTree maintained = new BucketMerkleTree(SHAPE);
    BucketMerkleTree rebuilt;

    /** Applies the write and calls every hook: the maintained tree, and the rebuild if running. */
    void write(Write write, TreeRebuild rebuild) {
      byte[] key = write.key().getBytes(StandardCharsets.UTF_8);
      VersionDigest digest = write.version() < 0 ? null : new VersionDigest(write.version(), 7);
      VersionDigest old = digest == null ? data.remove(key) : data.put(key, digest);
      maintained.update(key, old, digest);
      if (rebuild != null) {
        rebuild.write(key, old, digest);
      }
      if (rebuilt != null) {
        rebuilt.update(key, old, digest);
      }
    }
  }
}
