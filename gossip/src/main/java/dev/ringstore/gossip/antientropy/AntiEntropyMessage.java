package dev.ringstore.gossip.antientropy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What two {@link AntiEntropySession}s send each other, in the order an exchange sends them:
 *
 * <ol>
 *   <li>{@link Open}: the initiator's root hash. Equal roots end the exchange with {@link InSync}.
 *   <li>{@link NodeHashes}, alternately from each side, one level further down each time: the
 *       sender's hashes of every child of the nodes found to differ on the level above.
 *   <li>{@link SegmentEntries}: for the leaves found to differ, the keys and digests the sender
 *       stores there.
 *   <li>{@link Differences}: the receiver of the entries says which of them it lacks or holds
 *       differently, and which keys of those segments the sender lacks. Both sides now know every
 *       difference.
 * </ol>
 *
 * {@link Abort} ends an exchange that cannot go on (different tree shapes, a malformed message).
 *
 * <p>Outside any exchange, {@link Roots} and its answer {@link RootsDiffer} compare the roots of
 * every bucket two replicas share in one round trip, so that an exchange is opened only for the
 * buckets whose roots differ. {@link AntiEntropyMessageCodec} turns messages into bytes; its size
 * is what the exchange costs.
 */
public sealed interface AntiEntropyMessage {

  /** The first message: which bucket, the tree's shape and the initiator's root hash. */
  record Open(int bucket, TreeShape shape, TreeHash root) implements AntiEntropyMessage {
    public Open {
      Objects.requireNonNull(shape, "shape");
      Objects.requireNonNull(root, "root");
    }
  }

  /**
   * The sender's hashes on {@code level} of every child of {@code parents} (strictly increasing
   * node indices on {@code level - 1}), parent by parent, children in order.
   */
  record NodeHashes(int level, List<Integer> parents, List<TreeHash> hashes)
      implements AntiEntropyMessage {
    public NodeHashes {
      parents = List.copyOf(parents);
      hashes = List.copyOf(hashes);
    }
  }

  /**
   * Every key the sender stores in {@code segments} (strictly increasing leaf indices), with its
   * digest, in {@link KeyVersion#KEY_ORDER}.
   */
  record SegmentEntries(List<Integer> segments, List<KeyVersion> entries)
      implements AntiEntropyMessage {
    public SegmentEntries {
      segments = List.copyOf(segments);
      entries = List.copyOf(entries);
    }
  }

  /**
   * The answer to {@link SegmentEntries}: the positions (strictly increasing) of the received
   * entries the sender lacks or holds differently, with the sender's digest for each ({@code null}
   * where it lacks the key), and the entries of those segments the receiver lacks.
   */
  record Differences(List<Integer> positions, List<VersionDigest> digests, List<KeyVersion> missing)
      implements AntiEntropyMessage {
    public Differences {
      positions = List.copyOf(positions);
      digests = Collections.unmodifiableList(new ArrayList<>(digests)); // null: lacks the key
      missing = List.copyOf(missing);
      if (positions.size() != digests.size()) {
        throw new IllegalArgumentException(
            positions.size() + " positions but " + digests.size() + " digests");
      }
    }
  }

  /** The trees agree (where they were compared): nothing to repair. */
  record InSync() implements AntiEntropyMessage {}

  /** The exchange stops; {@code reason} says why, for the log. */
  record Abort(String reason) implements AntiEntropyMessage {
    public Abort {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Outside any exchange: the sender's root hash of each of {@code buckets} (strictly increasing),
   * the buckets it shares with the receiver and holds a current tree for, in one message.
   */
  record Roots(TreeShape shape, List<Integer> buckets, List<TreeHash> roots)
      implements AntiEntropyMessage {
    public Roots {
      Objects.requireNonNull(shape, "shape");
      buckets = List.copyOf(buckets);
      roots = List.copyOf(roots);
      if (buckets.size() != roots.size()) {
        throw new IllegalArgumentException(
            buckets.size() + " buckets but " + roots.size() + " roots");
      }
    }
  }

  /**
   * The answer to {@link Roots}: the buckets (strictly increasing, a subset of those asked) whose
   * root differs from the receiver's, or for which the receiver holds no current tree. Each needs
   * an exchange; the others are in sync.
   */
  record RootsDiffer(List<Integer> buckets) implements AntiEntropyMessage {
    public RootsDiffer {
      buckets = List.copyOf(buckets);
    }
  }
}
