package dev.ringstore.common.versioning;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators of random histories of one key: writes with and without contexts, reads, syncs. */
final class Histories {
  private Histories() {}

  private static Arbitrary<Integer> index() {
    return Arbitraries.integers().between(0, 1_000);
  }

  static Arbitrary<Op> ops() {
    Arbitrary<Op> put =
        Combinators.combine(index(), Arbitraries.of(true, false), index()).as(Op.Put::new);
    Arbitrary<Op> delete =
        Combinators.combine(index(), Arbitraries.of(true, false), index()).as(Op.Delete::new);
    Arbitrary<Op> get = index().map(Op.Get::new);
    Arbitrary<Op> sync =
        Combinators.combine(index(), index(), Arbitraries.of(true, false)).as(Op.Sync::new);
    return Arbitraries.frequencyOf(
        Tuple.of(4, put), Tuple.of(1, delete), Tuple.of(3, get), Tuple.of(3, sync));
  }

  /** Histories of up to {@code maxLength} operations. */
  static Arbitrary<List<Op>> histories(int maxLength) {
    return ops().list().ofMaxSize(maxLength);
  }

  /** Histories whose writes carry no context and never delete. */
  static Arbitrary<List<Op>> contextFreeHistories(int maxLength) {
    return ops()
        .map(
            op ->
                op instanceof Op.Put put
                    ? new Op.Put(put.replica(), false, 0)
                    : op instanceof Op.Delete delete ? new Op.Get(delete.replica()) : op)
        .list()
        .ofMaxSize(maxLength);
  }
}
