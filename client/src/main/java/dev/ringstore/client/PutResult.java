package dev.ringstore.client;

import java.util.List;

/**
 * What a write returns: the context after it (a follow-up write with it supersedes this one) and,
 * when asked for, the sibling values after it.
 */
public record PutResult(String context, List<byte[]> values) {
  public PutResult {
    values = List.copyOf(values);
  }
}
