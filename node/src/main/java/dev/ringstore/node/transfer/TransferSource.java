package dev.ringstore.node.transfer;

import com.google.protobuf.ByteString;
import dev.ringstore.common.versioning.DottedVersionVectorSetCodec;
import dev.ringstore.node.storage.StorageEngine;
import dev.ringstore.node.storage.StoredSetLimits;
import dev.ringstore.protocol.v1.TransferEntry;
import dev.ringstore.protocol.v1.TransferPageRequest;
import dev.ringstore.protocol.v1.TransferPageResponse;
import java.util.Arrays;

/**
 * The sending side of a bucket transfer: one page of a bucket's stored objects after the receiver's
 * cursor, in key order, tombstones included, until about the asked size (at least one object, at
 * most {@link #MAX_PAGE_BYTES}; an object that would take the page past one frame opens the next
 * page, and one object alone always fits, as {@link StoredSetLimits} caps it). Stateless: the
 * cursor lives with the receiver, so either side can restart between pages.
 */
public final class TransferSource {
  public static final int MAX_PAGE_BYTES = 4 << 20;

  /** Protobuf's framing of one entry (tags and lengths), rounded up. */
  private static final int ENTRY_OVERHEAD_BYTES = 16;

  private final StorageEngine storage;

  public TransferSource(StorageEngine storage) {
    this.storage = storage;
  }

  /** Reads the page; blocking, so callers run it on a storage thread. */
  public TransferPageResponse page(int bucket, TransferPageRequest request) {
    int limit = Math.max(1, Math.min(MAX_PAGE_BYTES, request.getMaxBytes()));
    byte[] after = request.hasAfter() ? request.getAfter().toByteArray() : null;
    TransferPageResponse.Builder page = TransferPageResponse.newBuilder().setDone(true);
    int[] bytes = {0};
    storage.scan(
        bucket,
        after == null ? new byte[0] : after,
        (key, set) -> {
          if (after != null && Arrays.equals(key, after)) {
            return true;
          }
          if (bytes[0] >= limit) {
            page.setDone(false);
            return false;
          }
          byte[] encoded = DottedVersionVectorSetCodec.encode(set);
          int entry = key.length + encoded.length + ENTRY_OVERHEAD_BYTES;
          if (bytes[0] > 0 && bytes[0] + entry > StoredSetLimits.MAX_SET_BYTES) {
            // It would not fit in this page's frame: it opens the next page.
            page.setDone(false);
            return false;
          }
          bytes[0] += entry;
          page.addEntries(
              TransferEntry.newBuilder()
                  .setKey(ByteString.copyFrom(key))
                  .setSet(ByteString.copyFrom(encoded)));
          return true;
        });
    return page.build();
  }
}
