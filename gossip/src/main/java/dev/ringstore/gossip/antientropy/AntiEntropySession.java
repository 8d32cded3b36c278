package dev.ringstore.gossip.antientropy;

import dev.ringstore.gossip.antientropy.AntiEntropyMessage.Abort;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.Differences;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.InSync;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.NodeHashes;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.Open;
import dev.ringstore.gossip.antientropy.AntiEntropyMessage.SegmentEntries;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One replica's side of one anti-entropy exchange of one bucket: a transport-free state machine
 * that compares its {@link BucketMerkleTree} with the other replica's top-down and ends knowing
 * every key the two disagree on, in both directions.
 *
 * <p>Design note. Dynamo's exchange (DeCandia et al., SOSP 2007, §4.7): compare the roots; where
 * they differ, compare the children, and descend only into the subtrees that differ, so the cost
 * grows with the number of differences, not with the data. The sides take turns: each message
 * carries the sender's hashes of the children of the nodes the last message showed to differ
 * ({@link AntiEntropyMessage} gives the order). Reaching the leaves, one side sends its keys and
 * digests for the differing segments only and the other answers with the differences, so the keys
 * of a segment cross the wire once, not twice.
 *
 * <p>Drive it with {@link #start} on the initiator and {@link #receive} on whichever side a message
 * arrives at, until both are {@link #isDone done}; {@link AntiEntropyExchange#runInMemory} does so
 * in memory. The tree may change during an exchange (writes go on): what the exchange reports is
 * then slightly stale — a key repaired for nothing, or a difference left for the next exchange. Not
 * thread-safe: one session per exchange, driven by one thread at a time.
 */
public final class AntiEntropySession {
  private final int bucket;
  private final BucketMerkleTree tree;
  private final SegmentSource source;
  private final TreeShape shape;
  private final boolean initiator;
  private boolean started;
  private int sentLevel = -1;
  private List<KeyVersion> sentEntries;
  private List<KeyDifference> differences;
  private String abortReason;

  private AntiEntropySession(
      int bucket, BucketMerkleTree tree, SegmentSource source, boolean initiator) {
    this.bucket = bucket;
    this.tree = Objects.requireNonNull(tree, "tree");
    this.source = Objects.requireNonNull(source, "source");
    this.shape = tree.shape();
    this.initiator = initiator;
  }

  /** The side that opens the exchange: call {@link #start} and send what it returns. */
  public static AntiEntropySession initiator(
      int bucket, BucketMerkleTree tree, SegmentSource source) {
    return new AntiEntropySession(bucket, tree, source, true);
  }

  /** The side that answers an {@link Open} for {@code bucket}. */
  public static AntiEntropySession responder(
      int bucket, BucketMerkleTree tree, SegmentSource source) {
    return new AntiEntropySession(bucket, tree, source, false);
  }

  /** The first message, {@link Open}, with this replica's root hash. Initiator only, once. */
  public AntiEntropyMessage start() {
    if (!initiator || started) {
      throw new IllegalStateException("only an initiator starts, once");
    }
    started = true;
    sentLevel = 0;
    return new Open(bucket, shape, tree.rootHash());
  }

  /**
   * Takes the other side's message and returns the answer to send, or empty when the exchange is
   * over for this side. A message that does not fit the exchange ends it with an {@link Abort},
   * returned to be sent.
   */
  public Optional<AntiEntropyMessage> receive(AntiEntropyMessage message) {
    if (isDone()) {
      if (message instanceof Abort) {
        return Optional.empty(); // the other side failed after this one finished
      }
      throw new IllegalStateException("the exchange is over");
    }
    try {
      return Optional.ofNullable(answer(message));
    } catch (InvalidAntiEntropyMessageException e) {
      abortReason = e.getMessage();
      return Optional.of(new Abort(abortReason));
    }
  }

  private AntiEntropyMessage answer(AntiEntropyMessage message) {
    if (message instanceof Open open) {
      expect(!initiator && !started, "an unexpected Open");
      started = true;
      if (open.bucket() != bucket) {
        throw mismatch("bucket " + open.bucket() + " against bucket " + bucket);
      }
      if (!open.shape().equals(shape)) {
        throw mismatch("tree shape " + open.shape() + " against " + shape);
      }
      return open.root().equals(tree.rootHash()) ? finish(List.of()) : descend(1, List.of(0));
    }
    expect(started, "no Open first");
    if (message instanceof NodeHashes nodes) {
      expect(nodes.level() == sentLevel + 1, "hashes of level " + nodes.level() + " out of turn");
      List<Integer> differing = LevelComparison.differingChildren(tree, nodes);
      if (differing.isEmpty()) {
        return finish(List.of());
      }
      return nodes.level() == shape.leafLevel()
          ? sendEntries(differing)
          : descend(nodes.level() + 1, differing);
    } else if (message instanceof SegmentEntries entries) {
      expect(sentLevel == shape.leafLevel() && sentEntries == null, "entries out of turn");
      List<Integer> segments = entries.segments();
      LevelComparison.checkIndices(shape, shape.leafLevel(), segments);
      EntryComparison comparison = EntryComparison.of(entries.entries(), ownEntries(segments));
      finish(comparison.differences());
      return comparison.answer();
    } else if (message instanceof Differences answer) {
      expect(sentEntries != null, "Differences for entries never sent");
      finish(EntryComparison.fromAnswer(sentEntries, answer));
      return null;
    } else if (message instanceof InSync) {
      finish(List.of());
      return null;
    }
    if (message instanceof Abort abort) {
      abortReason = abort.reason();
      return null;
    }
    throw new InvalidAntiEntropyMessageException(
        "a " + message.getClass().getSimpleName() + " inside an exchange");
  }

  private NodeHashes descend(int level, List<Integer> parents) {
    sentLevel = level;
    List<TreeHash> hashes = new ArrayList<>();
    for (int parent : parents) {
      for (int c = shape.firstChild(level - 1, parent);
          c < shape.endChild(level - 1, parent);
          c++) {
        hashes.add(tree.hash(level, c));
      }
    }
    return new NodeHashes(level, parents, hashes);
  }

  /**
   * The entries of the differing segments, as many segments (in order, at least one) as fit in
   * {@link EntryBudget#MAX_BYTES}: the others still differ, and the next exchange gets to them.
   */
  private SegmentEntries sendEntries(List<Integer> segments) {
    List<KeyVersion> all = ownEntries(segments);
    Map<Integer, Long> bytesBySegment = new HashMap<>();
    for (KeyVersion entry : all) {
      bytesBySegment.merge(tree.segmentOf(entry.keyUnsafe()), EntryBudget.bytes(entry), Long::sum);
    }
    List<Integer> sent = new ArrayList<>();
    long bytes = 0;
    for (int segment : segments) {
      bytes += bytesBySegment.getOrDefault(segment, 0L);
      if (!sent.isEmpty() && bytes > EntryBudget.MAX_BYTES) {
        break;
      }
      sent.add(segment);
    }
    if (sent.size() < segments.size()) {
      Set<Integer> kept = new HashSet<>(sent);
      all = all.stream().filter(e -> kept.contains(tree.segmentOf(e.keyUnsafe()))).toList();
    }
    sentEntries = all;
    return new SegmentEntries(sent, sentEntries);
  }

  private List<KeyVersion> ownEntries(List<Integer> segments) {
    BitSet wanted = new BitSet(shape.segments());
    for (int segment : segments) {
      wanted.set(segment);
    }
    List<KeyVersion> entries = new ArrayList<>(source.entries(wanted));
    entries.sort(KeyVersion.KEY_ORDER);
    return entries;
  }

  private InSync finish(List<KeyDifference> found) {
    differences = List.copyOf(found);
    return new InSync();
  }

  private static void expect(boolean condition, String problem) {
    if (!condition) {
      throw new InvalidAntiEntropyMessageException(problem);
    }
  }

  private static InvalidAntiEntropyMessageException mismatch(String problem) {
    return new InvalidAntiEntropyMessageException("cannot compare trees: " + problem);
  }

  /** Whether this side has nothing more to send or receive. */
  public boolean isDone() {
    return differences != null || abortReason != null;
  }

  /** Why the exchange stopped early, if it did; then nothing should be repaired from it. */
  public Optional<String> abortReason() {
    return Optional.ofNullable(abortReason);
  }

  /**
   * The keys the replicas disagree on, in key order, as this side sees them.
   *
   * @throws IllegalStateException before the exchange is done, or when it was aborted
   */
  public List<KeyDifference> differences() {
    if (differences == null) {
      throw new IllegalStateException(
          abortReason != null ? "aborted: " + abortReason : "the exchange is not over");
    }
    return differences;
  }
}
