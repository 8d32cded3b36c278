package dev.ringstore.client;

import java.util.List;

/**
 * What a write returns: the context after it (a follow-up write with it supersedes this one) and,
 * when asked for with {@code returnBody}, the sibling values after it.
 *
 * @param <T> the value type, as a {@link ValueCodec} decodes it
 */
public record PutResult<T>(String context, List<T> values) {
  public PutResult {
    values = List.copyOf(values);
  }

  /** The same result with every value turned into another type. */
  <U> PutResult<U> map(java.util.function.Function<? super T, ? extends U> decode) {
    return new PutResult<>(context, values.stream().<U>map(decode).toList());
  }
}
