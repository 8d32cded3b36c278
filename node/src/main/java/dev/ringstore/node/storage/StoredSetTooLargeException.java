package dev.ringstore.node.storage;

/**
 * A write would have left a key's set over {@link StoredSetLimits}; nothing was written. The
 * message names the way out: a head read for the context, then one write or delete with it.
 */
public final class StoredSetTooLargeException extends StorageException {
  private final int siblings;
  private final long bytes;

  public StoredSetTooLargeException(int siblings, long bytes) {
    super(
        "the key would hold "
            + siblings
            + " siblings in "
            + bytes
            + " bytes, over the "
            + StoredSetLimits.MAX_SET_BYTES
            + " bytes and "
            + StoredSetLimits.MAX_SIBLINGS
            + " siblings one key may hold; nothing was written. Resolve it: read the key's"
            + " context without its values (a head read: `ringstore get --head`, Store.head),"
            + " then write the resolved value, or delete, with that context");
    this.siblings = siblings;
    this.bytes = bytes;
  }

  public int siblings() {
    return siblings;
  }

  public long bytes() {
    return bytes;
  }
}
