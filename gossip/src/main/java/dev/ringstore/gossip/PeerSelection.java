package dev.ringstore.gossip;

import dev.ringstore.common.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Whom a round gossips with, as Cassandra's gossiper chooses: one random live member; with
 * probability unreachable / (live + 1) also one random unreachable member, so that a member that
 * comes back is heard of; and, unless the live member was a seed, with probability seeds / (live +
 * unreachable) also one random seed (always, when no member is known alive), so that partitions of
 * the membership heal through the seeds and a new node gets in.
 */
final class PeerSelection {
  /** One message's destination: an address, and the member meant when it is known. */
  record Target(String address, Optional<NodeId> id) {}

  private final List<String> seeds;
  private final RandomGenerator random;

  PeerSelection(List<String> seeds, RandomGenerator random) {
    this.seeds = List.copyOf(seeds);
    this.random = random;
  }

  List<Target> choose(List<MemberState> live, List<MemberState> unreachable) {
    List<Target> targets = new ArrayList<>(3);
    boolean gossipedToSeed = false;
    if (!live.isEmpty()) {
      MemberState peer = live.get(random.nextInt(live.size()));
      targets.add(new Target(peer.address(), Optional.of(peer.id())));
      gossipedToSeed = seeds.contains(peer.address());
    }
    if (!unreachable.isEmpty() && random.nextDouble() < unreachable.size() / (live.size() + 1.0)) {
      MemberState peer = unreachable.get(random.nextInt(unreachable.size()));
      targets.add(new Target(peer.address(), Optional.of(peer.id())));
    }
    if (!seeds.isEmpty() && (!gossipedToSeed || live.size() < seeds.size())) {
      boolean toSeed =
          live.isEmpty()
              || random.nextDouble() <= seeds.size() / (double) (live.size() + unreachable.size());
      if (toSeed) {
        targets.add(new Target(seeds.get(random.nextInt(seeds.size())), Optional.empty()));
      }
    }
    return targets;
  }
}
