package dev.ringstore.ring;

import java.util.Arrays;
import java.util.List;

/**
 * The consistent-hash ring: every member places {@code T} virtual-node tokens at the hash of "id#i"
 * (Karger et al. 1997; Dynamo 2007, section 4.2). Walking clockwise from a position visits the
 * members in the order that raw token placement would give them replicas.
 *
 * <p>Positions are unsigned 64-bit values. Two members whose tokens collide are ordered by member
 * index, which keeps the ring deterministic.
 */
final class TokenRing {
  private final long[] tokens; // sorted as unsigned values
  private final int[] owners; // member index owning tokens[i]

  TokenRing(List<Member> members, int tokensPerMember) {
    int total = members.size() * tokensPerMember;
    long[][] entries = new long[total][];
    int i = 0;
    for (int m = 0; m < members.size(); m++) {
      for (int t = 0; t < tokensPerMember; t++) {
        entries[i++] = new long[] {RingHash.ofToken(members.get(m).id(), t), m};
      }
    }
    Arrays.sort(
        entries,
        (a, b) -> {
          int byPosition = Long.compareUnsigned(a[0], b[0]);
          return byPosition != 0 ? byPosition : Long.compare(a[1], b[1]);
        });
    tokens = new long[total];
    owners = new int[total];
    for (int k = 0; k < total; k++) {
      tokens[k] = entries[k][0];
      owners[k] = (int) entries[k][1];
    }
  }

  /** How many tokens the ring holds. */
  int size() {
    return tokens.length;
  }

  /** The index of the first token at or after a position, wrapping past the top of the ring. */
  int firstAtOrAfter(long position) {
    int low = 0;
    int high = tokens.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (Long.compareUnsigned(tokens[mid], position) < 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low == tokens.length ? 0 : low;
  }

  /** The member owning the token {@code steps} places clockwise of token {@code start}. */
  int ownerAt(int start, int steps) {
    return owners[(start + steps) % tokens.length];
  }
}
