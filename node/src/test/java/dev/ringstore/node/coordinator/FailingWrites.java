package dev.ringstore.node.coordinator;

import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.node.storage.CoordinatorActors;
import dev.ringstore.node.storage.Hint;
import dev.ringstore.node.storage.HintGrowth;
import dev.ringstore.node.storage.NodeIdentity;
import dev.ringstore.node.storage.StorageEngine;
import dev.ringstore.node.storage.StorageException;
import dev.ringstore.node.storage.StorageStats;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A real storage engine whose data writes can be made to fail the way a full disk fails them: the
 * key's change is computed (as the writer does before its batch) and then the write is lost with a
 * {@link StorageException}. Everything else goes to the engine underneath.
 */
final class FailingWrites implements StorageEngine {
  private final StorageEngine engine;
  private volatile boolean failing;

  FailingWrites(StorageEngine engine) {
    this.engine = engine;
  }

  /** From now on every data write computes its change and then fails. */
  void startFailing() {
    failing = true;
  }

  @Override
  public DottedVersionVectorSet update(
      int bucket, byte[] key, UnaryOperator<DottedVersionVectorSet> change) {
    if (failing) {
      change.apply(engine.get(bucket, key));
      throw new StorageException("No space left on device (simulated)");
    }
    return engine.update(bucket, key, change);
  }

  @Override
  public NodeIdentity identity() {
    return engine.identity();
  }

  @Override
  public CoordinatorActors actors() {
    return engine.actors();
  }

  @Override
  public DottedVersionVectorSet get(int bucket, byte[] key) {
    return engine.get(bucket, key);
  }

  @Override
  public void scan(
      int bucket, byte[] fromKey, BiPredicate<byte[], DottedVersionVectorSet> visitor) {
    engine.scan(bucket, fromKey, visitor);
  }

  @Override
  public void deleteBucket(int bucket) {
    engine.deleteBucket(bucket);
  }

  @Override
  public HintGrowth putHint(Hint hint) {
    return engine.putHint(hint);
  }

  @Override
  public void scanHints(NodeId target, Predicate<Hint> visitor) {
    engine.scanHints(target, visitor);
  }

  @Override
  public DottedVersionVectorSet hint(NodeId target, int bucket, byte[] key) {
    return engine.hint(target, bucket, key);
  }

  @Override
  public SortedSet<NodeId> hintTargets() {
    return engine.hintTargets();
  }

  @Override
  public boolean deleteHint(Hint delivered) {
    return engine.deleteHint(delivered);
  }

  @Override
  public Optional<byte[]> meta(String name) {
    return engine.meta(name);
  }

  @Override
  public void putMeta(String name, byte[] value) {
    engine.putMeta(name, value);
  }

  @Override
  public StorageStats stats() {
    return engine.stats();
  }

  @Override
  public void close() {
    engine.close();
  }
}
