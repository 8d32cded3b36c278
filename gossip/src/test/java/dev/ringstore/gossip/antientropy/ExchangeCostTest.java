package dev.ringstore.gossip.antientropy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.ActorId;
import dev.ringstore.common.versioning.CausalContext;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.common.versioning.DottedVersionVectorSetCodec;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The cost the issue asks for: two replicas of 1,000,000 keys that differ in one key find exactly
 * that key for at most 64 KiB exchanged, however the keys lie. Both layouts are measured: the real
 * one (1,024 buckets of about 977 keys, every bucket exchanged) and the worst case for the default
 * tree (all 1,000,000 keys in one bucket, about 977 keys per segment); and that one bucket again
 * under a tree sized for it, 2^16 segments. The byte counts printed here are the figures of
 * docs/anti-entropy.md.
 */
@Timeout(120)
class ExchangeCostTest {
  private static final int KEYS = 1_000_000;
  private static final int BUCKETS = 1024;
  private static final ActorId N1 = new ActorId(NodeId.of("n1"), 1);
  private static final ActorId N2 = new ActorId(NodeId.of("n2"), 1);
  private static final VersionDigest[] VERSIONS = new VersionDigest[256];
  private static final VersionDigest[] NEWER = new VersionDigest[256];

  private static Layout spread;
  private static Layout oneBucket;
  private static Layout oneBigTree;

  /** Both replicas of a layout; {@code b} is {@code a} plus divergences that each test undoes. */
  private record Layout(String name, IntUnaryOperator bucketOf, MemoryReplica a, MemoryReplica b) {}

  @BeforeAll
  static void buildReplicas() {
    for (int v = 0; v < VERSIONS.length; v++) { // real stored sets, shared by many keys
      DottedVersionVectorSet set =
          DottedVersionVectorSet.empty()
              .update(CausalContext.EMPTY, bytes("value-" + v), 1_700_000_000_000L + v, N1);
      VERSIONS[v] = VersionDigest.of(DottedVersionVectorSetCodec.encode(set));
      DottedVersionVectorSet newer = set.update(set.context(), bytes("newer-" + v), 2, N2);
      NEWER[v] = VersionDigest.of(DottedVersionVectorSetCodec.encode(newer));
    }
    spread = build("1,024 buckets", TreeShape.DEFAULT, i -> Math.floorMod(mix(i), BUCKETS));
    oneBucket = build("1 bucket", TreeShape.DEFAULT, i -> 0);
    oneBigTree = build("1 bucket", new TreeShape(16, 4), i -> 0);
  }

  @Test
  void oneDivergentKeyAmongAMillionCostsAtMost64KiB() {
    for (Layout layout : List.of(spread, oneBucket, oneBigTree)) {
      Cost cost = diverge(layout, 1);
      assertThat(cost.bytes).as(layout.name).isLessThanOrEqualTo(64 * 1024);
    }
  }

  @Test
  void costGrowsWithTheDifferenceNotTheData() {
    for (Layout layout : List.of(spread, oneBigTree)) {
      long one = diverge(layout, 1).bytes;
      long hundred = diverge(layout, 100).bytes;
      long tenThousand = diverge(layout, 10_000).bytes;
      assertThat(one).as(layout.name).isLessThan(hundred);
      assertThat(hundred).as(layout.name).isLessThan(tenThousand);
    }
    // A bucket too big for its tree: every differing segment lists its ~977 keys.
    assertThat(diverge(oneBucket, 100).bytes).isGreaterThan(100 * 977 * 25);
  }

  @Test
  void identicalReplicasExchangeOnlyRoots() {
    for (Layout layout : List.of(spread, oneBucket, oneBigTree)) {
      Cost cost = diverge(layout, 0);
      assertThat(cost.messages).isEqualTo(2L * layout.a.buckets().size());
    }
  }

  private record Cost(long bytes, long messages) {}

  /**
   * Changes {@code count} random keys on replica b, exchanges every bucket, checks that exactly
   * those keys were found on both sides, prints the cost, and undoes the changes.
   */
  private static Cost diverge(Layout layout, int count) {
    Random random = new Random(count);
    Map<Integer, VersionDigest> changed = new LinkedHashMap<>();
    while (changed.size() < count) {
      int i = random.nextInt(KEYS);
      changed.putIfAbsent(i, layout.b.get(layout.bucketOf.applyAsInt(i), key(i)));
    }
    changed.keySet().forEach(i -> layout.b.put(layout.bucketOf.applyAsInt(i), key(i), newer(i)));
    long start = System.nanoTime();
    long bytes = 0;
    long messages = 0;
    Set<String> found = new TreeSet<>();
    for (int bucket : layout.a.buckets()) {
      AntiEntropySession initiator =
          AntiEntropySession.initiator(bucket, layout.a.tree(bucket), layout.a.source(bucket));
      AntiEntropySession responder =
          AntiEntropySession.responder(bucket, layout.b.tree(bucket), layout.b.source(bucket));
      AntiEntropyExchange.Transcript transcript =
          AntiEntropyExchange.runInMemory(initiator, responder);
      bytes += transcript.totalBytes();
      messages += transcript.messages();
      for (KeyDifference difference : initiator.differences()) {
        found.add(new String(difference.key(), StandardCharsets.UTF_8));
        assertThat(difference.remote()).isEqualTo(newer(number(difference)));
      }
      assertThat(responder.differences()).hasSameSizeAs(initiator.differences());
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    Set<String> expected = new TreeSet<>();
    changed.keySet().forEach(i -> expected.add(new String(key(i), StandardCharsets.UTF_8)));
    assertThat(found).isEqualTo(expected);
    System.out.printf(
        "anti-entropy cost, %s, %,d keys, %,d divergent: %,d bytes in %,d messages (%,d ms)%n",
        layout.name, KEYS, count, bytes, messages, millis);
    changed.forEach((i, old) -> layout.b.put(layout.bucketOf.applyAsInt(i), key(i), old));
    return new Cost(bytes, messages);
  }

  private static Layout build(String name, TreeShape shape, IntUnaryOperator bucketOf) {
    long start = System.nanoTime();
    MemoryReplica a = new MemoryReplica(shape);
    for (int i = 0; i < KEYS; i++) {
      a.put(bucketOf.applyAsInt(i), key(i), VERSIONS[i % VERSIONS.length]);
    }
    System.out.printf(
        "built %s, %s: %,d keys stored and hashed in %,d ms%n",
        name, shape, KEYS, (System.nanoTime() - start) / 1_000_000);
    return new Layout(name + " of " + shape, bucketOf, a, a.copy());
  }

  private static VersionDigest newer(int i) {
    return NEWER[i % NEWER.length];
  }

  private static int number(KeyDifference difference) {
    return Integer.parseInt(new String(difference.key(), StandardCharsets.UTF_8).substring(5));
  }

  private static byte[] key(int i) {
    return bytes("user:" + i);
  }

  private static long mix(long i) {
    long z = i * 0x9E3779B97F4A7C15L;
    return (z ^ (z >>> 31)) * 0xBF58476D1CE4E5B9L;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
