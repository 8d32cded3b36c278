package dev.ringstore.client;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Makes one value of a key's siblings, the values concurrent writes left side by side. The store
 * never picks one for you (nothing acknowledged is dropped silently); a read-modify-write ({@link
 * Store#update}) resolves, applies its change and writes back with the read's context, which
 * supersedes every sibling it saw.
 *
 * <p>Ready ones: {@link #union()} for sets (an add-only set, like a shopping cart's items), {@link
 * #lastWriterWins} by a timestamp the values carry (it drops the others: choose it knowingly), and
 * {@link #requireSingle()} for keys that must never have siblings.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface ConflictResolver<T> {

  /** One value from {@code siblings}, which holds at least one value. */
  T resolve(List<T> siblings);

  /**
   * Every element of every sibling: concurrent adds all survive (removes do not; use tombstones).
   */
  static <E> ConflictResolver<Set<E>> union() {
    return siblings -> {
      Set<E> all = new HashSet<>();
      siblings.forEach(all::addAll);
      return all;
    };
  }

  /**
   * The sibling with the greatest {@code timestamp}; a tie goes to the first in dot order. The
   * other siblings are discarded when the result is written back: use it only where losing a
   * concurrent write is acceptable.
   */
  static <T> ConflictResolver<T> lastWriterWins(ToLongFunction<? super T> timestamp) {
    return siblings -> {
      T best = siblings.get(0);
      for (T sibling : siblings) {
        if (timestamp.applyAsLong(sibling) > timestamp.applyAsLong(best)) {
          best = sibling;
        }
      }
      return best;
    };
  }

  /** The only value; fails with {@link UnresolvedConflictException} when there are siblings. */
  static <T> ConflictResolver<T> requireSingle() {
    return siblings -> {
      if (siblings.size() > 1) {
        throw new UnresolvedConflictException(siblings.size());
      }
      return siblings.get(0);
    };
  }
}
