package dev.ringstore.node.coordinator;

import dev.ringstore.common.versioning.DottedVersionVectorSet;

/**
 * Hears of every change to this node's data, under the key's lock so a key's changes arrive in
 * order: anti-entropy's Merkle trees stay in step this way. Must be quick and must not call the
 * storage engine.
 */
@FunctionalInterface
public interface WriteObserver {
  WriteObserver NONE = (bucket, key, before, after) -> {};

  void onWrite(int bucket, byte[] key, DottedVersionVectorSet before, DottedVersionVectorSet after);
}
