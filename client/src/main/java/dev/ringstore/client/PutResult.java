package dev.ringstore.client;

import java.util.List;

/**
 * What a write returns: a context for a follow-up write and, when asked for with {@code
 * returnBody}, the sibling values after the write.
 *
 * <p>A follow-up write with {@link #context()} supersedes this write and what its own context
 * covered, and never a concurrent sibling this client was not shown: without the body, when other
 * siblings stand beside this write, the context is the one the write was sent with (so the
 * follow-up becomes a sibling of this write, for the next read to resolve); with the body it covers
 * exactly the values returned.
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
