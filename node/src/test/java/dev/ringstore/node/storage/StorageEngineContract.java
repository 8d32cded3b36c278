package dev.ringstore.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.ActorId;
import dev.ringstore.common.versioning.CausalContext;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link StorageEngine} promises, run against each engine by a small subclass (Ratis's
 * one-suite-per-implementation pattern).
 */
@Timeout(120)
abstract class StorageEngineContract {
  static final NodeId NODE = NodeId.of("n1");
  static final NodeId PEER = NodeId.of("n2");
  static final long T = 1_700_000_000_000L;

  StorageEngine engine;
  ActorId actor;

  /** A fresh, empty engine for {@link #NODE}. */
  abstract StorageEngine newEngine();

  /** Closes {@code engine} and opens the same store again, or skips with a reason. */
  abstract StorageEngine reopen(StorageEngine engine);

  @BeforeEach
  void open() {
    engine = newEngine();
    actor = engine.identity().actor();
  }

  @AfterEach
  void close() {
    engine.close();
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  static List<String> live(DottedVersionVectorSet set) {
    return set.values().stream().map(value -> new String(value, StandardCharsets.UTF_8)).toList();
  }

  /** A write without context: it becomes a sibling of whatever is stored. */
  DottedVersionVectorSet put(int bucket, byte[] key, String value) {
    return engine.update(
        bucket, key, set -> set.update(CausalContext.EMPTY, bytes(value), T, actor));
  }

  /** The keys of {@code bucket} as a scan visits them, in hex. */
  List<String> scanKeys(int bucket) {
    List<String> keys = new ArrayList<>();
    engine.scan(bucket, (key, set) -> keys.add(HexFormat.of().formatHex(key)));
    return keys;
  }

  @Test
  void missingKeyReadsAsTheEmptySet() {
    assertThat(engine.get(3, bytes("nobody"))).isEqualTo(DottedVersionVectorSet.empty());
    assertThat(scanKeys(3)).isEmpty();
  }

  @Test
  void updateReturnsWhatGetThenReads() {
    DottedVersionVectorSet written = put(3, bytes("k"), "v1");

    assertThat(live(written)).containsExactly("v1");
    assertThat(engine.get(3, bytes("k"))).isEqualTo(written);
  }

  @Test
  void aNonBlockingReadIsEitherAMissOrTheLatestWrite() {
    for (int n = 0; n < 50; n++) {
      int i = n;
      DottedVersionVectorSet written = put(3, bytes("k"), "v" + i);
      engine
          .getIfCached(3, bytes("k"))
          .ifPresent(cached -> assertThat(cached).as("after write %d", i).isEqualTo(written));
    }
    assertThat(engine.getIfCached(3, bytes("never-written")))
        .satisfiesAnyOf(
            none -> assertThat(none).isEmpty(),
            empty -> assertThat(empty).contains(DottedVersionVectorSet.empty()));
  }

  @Test
  void writesWithoutContextBecomeSiblingsAndAWriteWithContextCollapsesThem() {
    put(3, bytes("k"), "v1");
    put(3, bytes("k"), "v2");
    DottedVersionVectorSet read = engine.get(3, bytes("k"));
    assertThat(live(read)).containsExactly("v1", "v2");

    engine.update(3, bytes("k"), set -> set.update(read.context(), bytes("v3"), T, actor));

    assertThat(live(engine.get(3, bytes("k")))).containsExactly("v3");
  }

  @Test
  void deleteStoresATombstoneThatReadsAsNotFound() {
    put(3, bytes("k"), "v1");
    CausalContext seen = engine.get(3, bytes("k")).context();

    engine.update(3, bytes("k"), set -> set.delete(seen, T, actor));

    DottedVersionVectorSet after = engine.get(3, bytes("k"));
    assertThat(after.isTombstoneOnly()).isTrue();
    assertThat(after.isFound()).isFalse();
    assertThat(scanKeys(3)).containsExactly(HexFormat.of().formatHex(bytes("k")));
  }

  @Test
  void sameUserKeyInTwoBucketsIsTwoKeys() {
    put(3, bytes("k"), "in 3");
    put(4, bytes("k"), "in 4");

    assertThat(live(engine.get(3, bytes("k")))).containsExactly("in 3");
    assertThat(live(engine.get(4, bytes("k")))).containsExactly("in 4");
  }

  @Test
  void scanVisitsExactlyTheBucketsKeysInUnsignedByteOrder() {
    for (String key : List.of("ff", "80", "", "00", "0000", "7f", "ffff", "01")) {
      put(7, hex(key), "v");
    }
    put(6, hex("ffff"), "neighbour");
    put(8, hex(""), "neighbour");
    put(8, hex("00"), "neighbour");

    assertThat(scanKeys(7)).containsExactly("", "00", "0000", "01", "7f", "80", "ff", "ffff");
    assertThat(scanKeys(6)).containsExactly("ffff");
    assertThat(scanKeys(8)).containsExactly("", "00");
  }

  @Test
  void scanOfTheFirstAndLastBucketsStopsAtTheirEdges() {
    put(0, hex("00"), "first");
    put(1, hex(""), "second");
    put(65_534, hex("ffff"), "second to last");
    put(65_535, hex(""), "last");
    put(65_535, hex("ffffff"), "last");

    assertThat(scanKeys(0)).containsExactly("00");
    assertThat(scanKeys(65_534)).containsExactly("ffff");
    assertThat(scanKeys(65_535)).containsExactly("", "ffffff");
  }

  @Test
  void scanResumesFromAKeyAndStopsWhenTheVisitorSaysSo() {
    for (String key : List.of("01", "02", "03", "04")) {
      put(7, hex(key), key);
    }
    List<String> seen = new ArrayList<>();

    engine.scan(
        7,
        hex("0200"),
        (key, set) -> {
          seen.add(HexFormat.of().formatHex(key));
          return seen.size() < 1;
        });

    assertThat(seen).containsExactly("03");
  }

  @Test
  void deleteBucketDropsExactlyThatBucket() {
    for (int bucket : List.of(6, 7, 8)) {
      put(bucket, hex(""), "v");
      put(bucket, hex("00ff"), "v");
      put(bucket, hex("ffff"), "v");
    }
    engine.get(7, hex("00ff")); // cached, if the engine caches

    engine.deleteBucket(7);

    assertThat(scanKeys(7)).isEmpty();
    assertThat(engine.get(7, hex("00ff"))).isEqualTo(DottedVersionVectorSet.empty());
    assertThat(scanKeys(6)).containsExactly("", "00ff", "ffff");
    assertThat(scanKeys(8)).containsExactly("", "00ff", "ffff");
    put(7, hex("01"), "after the drop");
    assertThat(scanKeys(7)).containsExactly("01");
  }

  @Test
  void deleteBucketDropsTheLastBucketToo() {
    put(65_534, hex("ff"), "v");
    put(65_535, hex(""), "v");
    put(65_535, hex("ffffffff"), "v");
    engine.get(65_535, hex("ffffffff"));

    engine.deleteBucket(65_535);
    engine.deleteBucket(65_535); // already empty: nothing to do

    assertThat(scanKeys(65_535)).isEmpty();
    assertThat(engine.get(65_535, hex("ffffffff"))).isEqualTo(DottedVersionVectorSet.empty());
    assertThat(scanKeys(65_534)).containsExactly("ff");
  }

  @Test
  void emptyAndBinaryKeysAreDistinctKeys() {
    put(9, hex(""), "empty");
    put(9, hex("00"), "zero");
    put(9, hex("00ff00"), "binary");
    put(9, hex("ff"), "ff");

    assertThat(live(engine.get(9, hex("")))).containsExactly("empty");
    assertThat(live(engine.get(9, hex("00")))).containsExactly("zero");
    assertThat(live(engine.get(9, hex("00ff00")))).containsExactly("binary");
    assertThat(live(engine.get(9, hex("ff")))).containsExactly("ff");
    assertThat(engine.get(9, hex("0000"))).isEqualTo(DottedVersionVectorSet.empty());
  }

  @Test
  void aFailingChangeStoresNothingAndPropagates() {
    DottedVersionVectorSet before = put(3, bytes("k"), "v1");
    IllegalStateException tooMany = new IllegalStateException("too many siblings");

    assertThatThrownBy(
            () ->
                engine.update(
                    3,
                    bytes("k"),
                    set -> {
                      throw tooMany;
                    }))
        .isSameAs(tooMany);
    assertThatThrownBy(
            () ->
                engine.update(
                    3,
                    bytes("new"),
                    set -> {
                      throw tooMany;
                    }))
        .isSameAs(tooMany);

    assertThat(engine.get(3, bytes("k"))).isEqualTo(before);
    assertThat(engine.get(3, bytes("new"))).isEqualTo(DottedVersionVectorSet.empty());
    assertThat(scanKeys(3)).containsExactly(HexFormat.of().formatHex(bytes("k")));
  }

  @Test
  void changingToTheEmptySetRemovesTheKey() {
    put(3, bytes("k"), "v1");

    engine.update(3, bytes("k"), set -> DottedVersionVectorSet.empty());

    assertThat(scanKeys(3)).isEmpty();
    assertThat(engine.get(3, bytes("k"))).isEqualTo(DottedVersionVectorSet.empty());
  }

  @Test
  void hintsRoundTripMergeAndAreDeletedOnlyAsDelivered() {
    ActorId other = new ActorId(PEER, 42);
    DottedVersionVectorSet first =
        DottedVersionVectorSet.empty().update(CausalContext.EMPTY, bytes("a"), T, actor);
    DottedVersionVectorSet second =
        DottedVersionVectorSet.empty().update(CausalContext.EMPTY, bytes("b"), T, other);
    engine.putHint(new Hint(PEER, 5, hex("02"), first));
    engine.putHint(new Hint(PEER, 5, hex("01"), first));
    engine.putHint(new Hint(PEER, 1, hex("ff"), first));
    engine.putHint(new Hint(NodeId.of("n22"), 5, hex("01"), first));

    List<Hint> held = new ArrayList<>();
    engine.scanHints(PEER, held::add);
    assertThat(held)
        .containsExactly(
            new Hint(PEER, 1, hex("ff"), first),
            new Hint(PEER, 5, hex("01"), first),
            new Hint(PEER, 5, hex("02"), first));

    engine.putHint(new Hint(PEER, 5, hex("01"), second));
    Hint merged = new Hint(PEER, 5, hex("01"), first.sync(second));
    assertThat(engine.deleteHint(new Hint(PEER, 5, hex("01"), first))).isFalse();
    assertThat(engine.deleteHint(merged)).isTrue();

    held.clear();
    engine.scanHints(PEER, hint -> held.add(hint) && false);
    assertThat(held).containsExactly(new Hint(PEER, 1, hex("ff"), first));
    List<Hint> others = new ArrayList<>();
    engine.scanHints(NodeId.of("n22"), others::add);
    assertThat(others).hasSize(1);
    engine.scanHints(NodeId.of("n3"), others::add);
    assertThat(others).hasSize(1);
  }

  @Test
  void puttingAHintSaysHowItsStoredEntryGrewAndAScanMayDeleteWhatItVisits() {
    DottedVersionVectorSet first =
        DottedVersionVectorSet.empty().update(CausalContext.EMPTY, bytes("a"), T, actor);
    DottedVersionVectorSet second =
        DottedVersionVectorSet.empty()
            .update(CausalContext.EMPTY, bytes("a longer value"), T, new ActorId(PEER, 42));
    Hint hint = new Hint(PEER, 5, hex("01"), first);

    assertThat(engine.putHint(hint)).isEqualTo(new HintGrowth(0, hint.storedBytes()));
    Hint merged = new Hint(PEER, 5, hex("01"), first.sync(second));
    assertThat(engine.putHint(new Hint(PEER, 5, hex("01"), second)))
        .isEqualTo(new HintGrowth(hint.storedBytes(), merged.storedBytes()));
    engine.putHint(new Hint(PEER, 6, hex("02"), first));

    List<Hint> visited = new ArrayList<>();
    engine.scanHints(PEER, h -> visited.add(h) && engine.deleteHint(h));
    assertThat(visited).hasSize(2);
    assertThat(engine.hintTargets()).isEmpty();
  }

  @Test
  void hintsAreFoundByTargetAndKeyAndTargetsAreListed() {
    DottedVersionVectorSet set =
        DottedVersionVectorSet.empty().update(CausalContext.EMPTY, bytes("a"), T, actor);
    assertThat(engine.hintTargets()).isEmpty();
    engine.putHint(new Hint(NodeId.of("n2"), 5, hex("01"), set));
    engine.putHint(new Hint(NodeId.of("n10"), 7, hex("02"), set));
    engine.putHint(new Hint(NodeId.of("n10"), 9, hex("03"), set));

    assertThat(engine.hint(NodeId.of("n2"), 5, hex("01"))).isEqualTo(set);
    assertThat(engine.hint(NodeId.of("n2"), 5, hex("02")))
        .isEqualTo(DottedVersionVectorSet.empty());
    assertThat(engine.hint(NodeId.of("n10"), 5, hex("01")))
        .isEqualTo(DottedVersionVectorSet.empty());
    assertThat(engine.hintTargets()).containsExactly(NodeId.of("n2"), NodeId.of("n10"));

    engine.deleteHint(new Hint(NodeId.of("n2"), 5, hex("01"), set));
    assertThat(engine.hintTargets()).containsExactly(NodeId.of("n10"));
  }

  @Test
  void metaRoundTripsAndEngineNamesAreReserved() {
    assertThat(engine.meta("table")).isEmpty();

    engine.putMeta("table", bytes("v17"));
    engine.putMeta("cursor", bytes("c1"));
    engine.putMeta("table", bytes("v18"));

    assertThat(engine.meta("table")).hasValue(bytes("v18"));
    assertThat(engine.meta("cursor")).hasValue(bytes("c1"));
    assertThatThrownBy(() -> engine.putMeta(NodeIdentity.INCARNATION, bytes("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("storage.");
    assertThatThrownBy(() -> engine.putMeta("", bytes("x")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentUpdatesOfOneKeyWithoutContextLoseNothing() throws Exception {
    int threads = 8;
    int perThread = 40;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    put(3, bytes("hot"), thread + "/" + i);
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }

    DottedVersionVectorSet stored = engine.get(3, bytes("hot"));
    assertThat(stored.size()).isEqualTo(threads * perThread);
    List<String> expected = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      for (int i = 0; i < perThread; i++) {
        expected.add(t + "/" + i);
      }
    }
    assertThat(live(stored)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void reopenKeepsDataHintsAndMeta() {
    DottedVersionVectorSet written = put(3, hex("00ff"), "v1");
    engine.putHint(new Hint(PEER, 3, hex("01"), written));
    engine.putMeta("table", bytes("v17"));
    ActorId before = engine.identity().actor();

    engine = reopen(engine);

    assertThat(engine.get(3, hex("00ff"))).isEqualTo(written);
    assertThat(scanKeys(3)).containsExactly("00ff");
    List<Hint> held = new ArrayList<>();
    engine.scanHints(PEER, held::add);
    assertThat(held).containsExactly(new Hint(PEER, 3, hex("01"), written));
    assertThat(engine.meta("table")).hasValue(bytes("v17"));
    assertThat(engine.identity().actor()).isEqualTo(before);
  }

  @Test
  void identityNamesTheNode() {
    assertThat(engine.identity().node()).isEqualTo(NODE);
    assertThat(engine.identity().actor()).isEqualTo(new ActorId(NODE, actor.incarnation()));
  }

  @Test
  void statsCountTheKeys() {
    put(3, bytes("a"), "v");
    put(4, bytes("b"), "v");

    assertThat(engine.stats().approximateKeys()).isBetween(1L, 4L);
  }

  @Test
  void bucketsOutsideTheRangeAreRejected() {
    assertThatThrownBy(() -> engine.get(65_536, bytes("k")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> engine.deleteBucket(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aClosedEngineRefusesCallsAndClosesOnce() {
    engine.close();
    engine.close();

    assertThatThrownBy(() -> engine.get(3, bytes("k"))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> put(3, bytes("k"), "v")).isInstanceOf(IllegalStateException.class);
  }

  /** For {@link #reopen} of engines that keep nothing. */
  static StorageEngine cannotReopen(String reason) {
    Assumptions.assumeTrue(false, reason);
    throw new AssertionError("unreachable");
  }
}
