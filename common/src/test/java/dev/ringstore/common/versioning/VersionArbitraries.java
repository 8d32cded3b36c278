package dev.ringstore.common.versioning;

import dev.ringstore.common.NodeId;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of arbitrary valid versions, not only reachable ones: any node ids, incarnations,
 * counters up to 2^63-1, siblings at any covered dot, empty values, tombstones, negative times.
 */
final class VersionArbitraries {
  private VersionArbitraries() {}

  static Arbitrary<NodeId> nodeIds() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('A', 'Z')
        .withCharRange('0', '9')
        .withChars('.', '_', '-')
        .ofMinLength(1)
        .ofMaxLength(64)
        .map(NodeId::of);
  }

  static Arbitrary<ActorId> actors() {
    return Combinators.combine(nodeIds(), Arbitraries.longs()).as(ActorId::new);
  }

  static Arbitrary<VersionVector> vectors() {
    return Arbitraries.maps(actors(), Arbitraries.longs().between(1, Long.MAX_VALUE))
        .ofMaxSize(6)
        .map(VersionVector::of);
  }

  /** Where a sibling goes: an actor of the context and a counter it covers, by any numbers. */
  private record SiblingSpec(int actor, long counter, boolean tombstone, byte[] value, long time) {}

  private static Arbitrary<SiblingSpec> siblingSpecs() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 100),
            Arbitraries.longs(),
            Arbitraries.of(false, false, true),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(24),
            Arbitraries.longs())
        .as(SiblingSpec::new);
  }

  static Arbitrary<DottedVersionVectorSet> sets() {
    return Combinators.combine(vectors(), siblingSpecs().list().ofMaxSize(6))
        .as(VersionArbitraries::set);
  }

  private static DottedVersionVectorSet set(VersionVector context, List<SiblingSpec> specs) {
    TreeMap<Dot, Sibling> siblings = new TreeMap<>();
    List<ActorId> actors = context.actors();
    for (SiblingSpec spec : actors.isEmpty() ? List.<SiblingSpec>of() : specs) {
      ActorId actor = actors.get(spec.actor() % actors.size());
      Dot dot = new Dot(actor, 1 + Long.remainderUnsigned(spec.counter(), context.counter(actor)));
      siblings.putIfAbsent(
          dot,
          spec.tombstone()
              ? Sibling.tombstone(dot, spec.time())
              : Sibling.of(dot, spec.value(), spec.time()));
    }
    return DottedVersionVectorSet.of(CausalContext.of(context), siblings.values());
  }
}
