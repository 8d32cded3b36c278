package dev.ringstore.gossip.antientropy;

import dev.ringstore.gossip.antientropy.AntiEntropyMessage.Differences;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The last step of an exchange: two sorted lists of (key, digest) for the same segments, one
 * received and one this replica's, merged into the differences and the {@link Differences} answer
 * that lets the other side learn them too.
 */
final class EntryComparison {
  private static final Comparator<KeyDifference> BY_KEY =
      (a, b) -> Arrays.compareUnsigned(a.keyUnsafe(), b.keyUnsafe());

  private final List<KeyDifference> differences;
  private final Differences answer;

  private EntryComparison(List<KeyDifference> differences, Differences answer) {
    this.differences = differences;
    this.answer = answer;
  }

  /** Compares {@code remote} (received) with {@code local}; both in key order, keys unique. */
  static EntryComparison of(List<KeyVersion> remote, List<KeyVersion> local) {
    List<KeyDifference> differences = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    List<VersionDigest> digests = new ArrayList<>();
    List<KeyVersion> missing = new ArrayList<>();
    long missingBytes = 0;
    int r = 0;
    int l = 0;
    while (r < remote.size() || l < local.size()) {
      int order =
          r == remote.size()
              ? 1
              : l == local.size() ? -1 : KeyVersion.KEY_ORDER.compare(remote.get(r), local.get(l));
      if (order > 0) {
        KeyVersion mine = local.get(l++);
        differences.add(new KeyDifference(mine.keyUnsafe(), mine.digest(), null));
        missingBytes += EntryBudget.bytes(mine);
        if (missingBytes <= EntryBudget.MAX_BYTES) {
          missing.add(mine); // the rest the other side learns in a later exchange
        }
        continue;
      }
      KeyVersion theirs = remote.get(r);
      VersionDigest mine = order == 0 ? local.get(l++).digest() : null;
      if (!theirs.digest().equals(mine)) {
        differences.add(new KeyDifference(theirs.keyUnsafe(), mine, theirs.digest()));
        positions.add(r);
        digests.add(mine);
      }
      r++;
    }
    return new EntryComparison(differences, new Differences(positions, digests, missing));
  }

  /** The differences as the sender of {@code sent} learns them from the {@code answer}. */
  static List<KeyDifference> fromAnswer(List<KeyVersion> sent, Differences answer) {
    List<KeyDifference> differences = new ArrayList<>();
    List<Integer> positions = answer.positions();
    int previous = -1;
    for (int i = 0; i < positions.size(); i++) {
      int position = positions.get(i);
      if (position <= previous || position >= sent.size()) {
        throw new InvalidAntiEntropyMessageException("no sent entry " + position);
      }
      previous = position;
      KeyVersion mine = sent.get(position);
      VersionDigest theirs = answer.digests().get(i);
      if (mine.digest().equals(theirs)) {
        throw new InvalidAntiEntropyMessageException("entry " + position + " does not differ");
      }
      differences.add(new KeyDifference(mine.keyUnsafe(), mine.digest(), theirs));
    }
    for (KeyVersion theirs : answer.missing()) {
      if (Collections.binarySearch(sent, theirs, KeyVersion.KEY_ORDER) >= 0) {
        throw new InvalidAntiEntropyMessageException("a key said missing was sent: " + theirs);
      }
      differences.add(new KeyDifference(theirs.keyUnsafe(), null, theirs.digest()));
    }
    differences.sort(BY_KEY);
    return differences;
  }

  /** The differences as the receiver of the entries sees them, in key order. */
  List<KeyDifference> differences() {
    return differences;
  }

  /** What to send back so the other side learns them too. */
  Differences answer() {
    return answer;
  }
}
