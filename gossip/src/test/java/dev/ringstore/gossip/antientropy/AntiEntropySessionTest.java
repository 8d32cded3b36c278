package dev.ringstore.gossip.antientropy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.ActorId;
import dev.ringstore.common.versioning.CausalContext;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.gossip.antientropy.AntiEntropyExchange.Transcript;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.Abort;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.InSync;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.NodeHashes;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.Open;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two replicas of a bucket of 1,000 keys find exactly the keys they disagree on, and no more. */
@Timeout(20)
class AntiEntropySessionTest {
  private static final int BUCKET = 7;
  private static final ActorId N1 = new ActorId(NodeId.of("n1"), 1);
  private static final ActorId N2 = new ActorId(NodeId.of("n2"), 1);

  private final Map<String, DottedVersionVectorSet> stored = new HashMap<>();
  private final MemoryReplica a = new MemoryReplica(TreeShape.DEFAULT);

  AntiEntropySessionTest() {
    for (int i = 0; i < 1000; i++) {
      write(a, "key-" + i, value("v" + i, N1));
    }
  }

  @Test
  void identicalTreesExchangeOnlyTheRoot() {
    MemoryReplica b = a.copy();

    Exchange exchange = exchange(a, b);

    assertThat(exchange.transcript.messages()).isEqualTo(2); // Open, then InSync
    assertThat(exchange.transcript.totalBytes()).isEqualTo(1 + 1 + 2 + 16 + 1);
    assertThat(exchange.initiator.differences()).isEmpty();
    assertThat(exchange.responder.differences()).isEmpty();
  }

  @Test
  void aChangedValueIsFoundOnBothSides() {
    MemoryReplica b = a.copy();
    DottedVersionVectorSet newer =
        stored.get("key-42").update(context("key-42"), bytes("new"), 2, N2);
    write(b, "key-42", newer);

    Exchange exchange = exchange(a, b);

    KeyDifference expected =
        new KeyDifference(
            bytes("key-42"), a.get(BUCKET, bytes("key-42")), VersionDigest.ofStored(newer));
    assertThat(exchange.initiator.differences()).containsExactly(expected);
    assertThat(exchange.responder.differences()).containsExactly(expected.reversed());
    assertThat(exchange.transcript.messages()).isEqualTo(5);
  }

  @Test
  void aKeyMissingOnOneSideIsFound() {
    MemoryReplica b = a.copy();
    write(a, "only-on-a", value("x", N1));

    Exchange exchange = exchange(a, b);

    KeyDifference expected =
        new KeyDifference(bytes("only-on-a"), a.get(BUCKET, bytes("only-on-a")), null);
    assertThat(exchange.initiator.differences()).containsExactly(expected);
    assertThat(exchange.responder.differences()).containsExactly(expected.reversed());
  }

  @Test
  void aTombstoneDiffersFromTheValueItDeleted() {
    MemoryReplica b = a.copy();
    DottedVersionVectorSet tombstone = stored.get("key-9").delete(context("key-9"), 3, N2);
    assertThat(tombstone.isTombstoneOnly()).isTrue();
    write(b, "key-9", tombstone);

    Exchange exchange = exchange(a, b);

    assertThat(exchange.initiator.differences())
        .containsExactly(
            new KeyDifference(
                bytes("key-9"), a.get(BUCKET, bytes("key-9")), VersionDigest.ofStored(tombstone)));
  }

  @Test
  void aHundredDivergentKeysOfEveryKindAreFoundExactly() {
    MemoryReplica b = a.copy();
    Random random = new Random(5);
    for (int i = 0; i < 100; i++) {
      String key = "key-" + random.nextInt(1000);
      MemoryReplica side = random.nextBoolean() ? a : b;
      switch (random.nextInt(3)) {
        case 0 -> side.put(BUCKET, bytes(key), null); // lost on one side
        case 1 -> side.put(BUCKET, bytes("new-" + i), VersionDigest.ofStored(value("n", N2)));
        default -> side.put(BUCKET, bytes(key), VersionDigest.ofStored(value("w" + i, N2)));
      }
    }

    Exchange exchange = exchange(a, b);

    List<KeyDifference> expected = a.differencesFrom(b, BUCKET);
    assertThat(expected).hasSizeGreaterThan(50);
    assertThat(exchange.initiator.differences()).containsExactlyElementsOf(expected);
    assertThat(exchange.responder.differences())
        .containsExactlyElementsOf(b.differencesFrom(a, BUCKET));
  }

  @Test
  void aWipedReplicaLearnsEveryKey() {
    MemoryReplica wiped = new MemoryReplica(TreeShape.DEFAULT);

    Exchange exchange = exchange(wiped, a);

    assertThat(exchange.initiator.differences()).hasSize(1000).allMatch(d -> d.local() == null);
  }

  @Test
  void entriesTooManyForOneFrameAreExchangedOverSeveralExchangesEitherWay() {
    MemoryReplica full = new MemoryReplica(TreeShape.DEFAULT);
    for (int i = 0; i < 300; i++) {
      byte[] key = (i + "-" + "k".repeat(60_000)).getBytes(StandardCharsets.UTF_8);
      full.put(BUCKET, key, VersionDigest.ofStored(value("v" + i, N1)));
    }
    for (boolean wipedStarts : new boolean[] {true, false}) {
      MemoryReplica wiped = new MemoryReplica(TreeShape.DEFAULT);
      int exchanges = 0;
      while (exchanges < 10) {
        Exchange exchange = wipedStarts ? exchange(wiped, full) : exchange(full, wiped);
        exchanges++;
        assertThat(exchange.transcript.messageSizes())
            .allMatch(size -> size <= 9 * 1024 * 1024, "every message fits in a frame");
        List<KeyDifference> found = exchange.initiator.differences();
        if (found.isEmpty()) {
          break;
        }
        found.forEach(d -> wiped.put(BUCKET, d.key(), wipedStarts ? d.remote() : d.local()));
      }
      // The side with the keys learns every difference at once (its answer carries what fits);
      // the wiped side learns them a frame's worth per exchange.
      assertThat(exchanges)
          .as("wiped replica initiates: %s", wipedStarts)
          .isBetween(wipedStarts ? 3 : 2, 9);
      assertThat(exchange(wiped, full).initiator.differences()).isEmpty();
    }
  }

  @Test
  void repairingBothWaysByDvvSyncConverges() {
    MemoryReplica b = a.copy();
    Map<String, DottedVersionVectorSet> onB = new HashMap<>(stored);
    onB.put("key-1", stored.get("key-1").delete(context("key-1"), 4, N2));
    onB.put("key-2", stored.get("key-2").update(CausalContext.EMPTY, bytes("sibling"), 4, N2));
    onB.forEach((key, set) -> b.put(BUCKET, bytes(key), VersionDigest.ofStored(set)));
    stored.put("key-2", stored.get("key-2").update(context("key-2"), bytes("a-wins?"), 4, N1));
    write(a, "key-2", stored.get("key-2"));

    Exchange first = exchange(a, b);
    for (KeyDifference difference : first.initiator.differences()) {
      String key = new String(difference.key(), StandardCharsets.UTF_8);
      DottedVersionVectorSet merged = stored.get(key).sync(onB.get(key));
      write(a, key, merged);
      b.put(BUCKET, difference.key(), VersionDigest.ofStored(merged));
    }

    assertThat(first.initiator.differences()).hasSize(2);
    assertThat(stored.get("key-2").size()).isEqualTo(2); // concurrent writes became siblings
    assertThat(exchange(a, b).transcript.messages()).isEqualTo(2);
  }

  @Test
  void treesOfDifferentShapesAreNotCompared() {
    AntiEntropySession initiator =
        AntiEntropySession.initiator(BUCKET, a.tree(BUCKET), a.source(BUCKET));
    AntiEntropySession responder =
        AntiEntropySession.responder(
            BUCKET, new BucketMerkleTree(new TreeShape(12, 4)), segments -> List.of());

    AntiEntropyExchange.runInMemory(initiator, responder);

    assertThat(responder.abortReason()).hasValueSatisfying(r -> assertThat(r).contains("shape"));
    assertThat(initiator.abortReason()).isEqualTo(responder.abortReason());
  }

  @Test
  void aMessageOutOfTurnAbortsTheExchange() {
    AntiEntropySession responder =
        AntiEntropySession.responder(BUCKET, a.tree(BUCKET), a.source(BUCKET));
    assertThat(responder.receive(new NodeHashes(1, List.of(0), List.of())))
        .containsInstanceOf(Abort.class);

    AntiEntropySession other =
        AntiEntropySession.responder(BUCKET, a.tree(BUCKET), a.source(BUCKET));
    assertThat(other.receive(new Open(BUCKET, TreeShape.DEFAULT, TreeHash.ZERO)))
        .containsInstanceOf(NodeHashes.class);
    assertThat(other.receive(new NodeHashes(2, List.of(40), List.of())))
        .containsInstanceOf(Abort.class);
    assertThat(other.isDone()).isTrue();
    assertThatThrownBy(() -> other.receive(new InSync())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRootsMessageInsideAnExchangeAbortsIt() {
    AntiEntropySession responder =
        AntiEntropySession.responder(BUCKET, a.tree(BUCKET), a.source(BUCKET));
    responder.receive(new Open(BUCKET, TreeShape.DEFAULT, TreeHash.ZERO));

    assertThat(responder.receive(new AntiEntropyMessage.RootsDiffer(List.of(BUCKET))))
        .containsInstanceOf(Abort.class);
    assertThat(responder.abortReason())
        .hasValueSatisfying(r -> assertThat(r).contains("RootsDiffer inside an exchange"));
  }

  private record Exchange(
      AntiEntropySession initiator, AntiEntropySession responder, Transcript transcript) {}

  private static Exchange exchange(MemoryReplica from, MemoryReplica to) {
    AntiEntropySession initiator =
        AntiEntropySession.initiator(BUCKET, from.tree(BUCKET), from.source(BUCKET));
    AntiEntropySession responder =
        AntiEntropySession.responder(BUCKET, to.tree(BUCKET), to.source(BUCKET));
    Transcript transcript = AntiEntropyExchange.runInMemory(initiator, responder);
    return new Exchange(initiator, responder, transcript);
  }

  private void write(MemoryReplica replica, String key, DottedVersionVectorSet set) {
    if (replica == a) {
      stored.put(key, set);
    }
    replica.put(BUCKET, bytes(key), VersionDigest.ofStored(set));
  }

  private CausalContext context(String key) {
    return stored.get(key).context();
  }

  private static DottedVersionVectorSet value(String value, ActorId coordinator) {
    return DottedVersionVectorSet.empty().update(CausalContext.EMPTY, bytes(value), 1, coordinator);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
