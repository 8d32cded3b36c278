package dev.ringstore.client;

import java.util.List;
import java.util.Optional;

/**
 * What a read returns: whether the key holds a value, every sibling value (more than one when
 * writes were concurrent), and the causal context to pass to the next write or delete of the key
 * (an opaque string; a write with it supersedes every value read here).
 *
 * @param <T> the value type, as a {@link ValueCodec} decodes it
 */
public record GetResult<T>(boolean found, List<T> values, String context) {
  public GetResult {
    values = List.copyOf(values);
  }

  /** Whether the key holds a live value (a deleted key is not found; its context still counts). */
  public boolean isFound() {
    return found;
  }

  /** Whether concurrent writes left more than one value. */
  public boolean hasSiblings() {
    return values.size() > 1;
  }

  /** The one value {@code resolver} makes of the siblings; empty when the key is not found. */
  public Optional<T> resolve(ConflictResolver<T> resolver) {
    return values.isEmpty() ? Optional.empty() : Optional.of(resolver.resolve(values));
  }

  /** The same result with every value turned into another type. */
  <U> GetResult<U> map(java.util.function.Function<? super T, ? extends U> decode) {
    return new GetResult<>(found, values.stream().<U>map(decode).toList(), context);
  }
}
