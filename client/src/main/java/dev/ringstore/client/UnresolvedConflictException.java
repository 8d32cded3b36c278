package dev.ringstore.client;

/** A key had siblings where the caller's resolver allows only one value. */
public final class UnresolvedConflictException extends RuntimeException {
  private final int siblings;

  public UnresolvedConflictException(int siblings) {
    super("the key has " + siblings + " siblings and the resolver requires a single value");
    this.siblings = siblings;
  }

  public int siblings() {
    return siblings;
  }
}
