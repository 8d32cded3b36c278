package dev.ringstore.client;

import java.util.List;

/**
 * What a read returns: whether the key holds a value, every sibling value, and the causal context
 * to pass to the next write or delete of the key (an opaque string).
 */
public record GetResult(boolean found, List<byte[]> values, String context) {
  public GetResult {
    values = List.copyOf(values);
  }
}
