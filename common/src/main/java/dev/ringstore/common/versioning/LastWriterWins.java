package dev.ringstore.common.versioning;

import java.util.Comparator;
import java.util.List;

/**
 * Keeps only the sibling with the greatest timestamp (ties go to the greater dot, so every replica
 * picks the same one) and the whole context, so the others are superseded everywhere once synced.
 *
 * <p>Not the default anywhere, and it exists partly to show why: two clients that write a key
 * concurrently without a context both get an acknowledgement, yet one of the values is silently
 * dropped, and which one depends on the coordinators' clocks. It suits namespaces whose values are
 * idempotent or disposable (caches, sessions) and whose users chose it explicitly.
 */
public final class LastWriterWins implements SiblingResolver {
  /** The resolver; it holds no state. */
  public static final LastWriterWins INSTANCE = new LastWriterWins();

  private static final Comparator<Sibling> LATEST_LAST =
      Comparator.comparingLong(Sibling::timestampMillis).thenComparing(Sibling::dot);

  private LastWriterWins() {}

  @Override
  public DottedVersionVectorSet resolve(DottedVersionVectorSet set) {
    if (set.size() <= 1) {
      return set;
    }
    Sibling latest = set.siblings().stream().max(LATEST_LAST).orElseThrow();
    return DottedVersionVectorSet.ofTrusted(set.context().versionVector(), List.of(latest));
  }

  @Override
  public String toString() {
    return "LastWriterWins";
  }
}
