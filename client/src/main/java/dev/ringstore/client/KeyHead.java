package dev.ringstore.client;

import java.util.List;

/**
 * What a head read returns: whether the key holds a value, each sibling value's size, and the
 * causal context — no values. It works on a key whose siblings together are too large to read, so
 * they can still be replaced by one resolved value or deleted with this context.
 *
 * @param found whether the key holds a live value
 * @param valueSizes each sibling value's size in bytes
 * @param context the context to write or delete with (opaque)
 */
public record KeyHead(boolean found, List<Long> valueSizes, String context) {
  public KeyHead {
    valueSizes = List.copyOf(valueSizes);
  }

  /** The number of sibling values. */
  public int siblings() {
    return valueSizes.size();
  }
}
