package dev.ringstore.node.coordinator;

import com.google.protobuf.ByteString;
import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.common.versioning.DottedVersionVectorSetCodec;
import dev.ringstore.node.cluster.ReplicaTransport;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ReplicaGetRequest;
import dev.ringstore.protocol.v1.ReplicaPutRequest;
import dev.ringstore.protocol.v1.Request;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Replica reads and merges addressed to a {@link Target}, wherever it is: this node's own replica
 * directly, any other over the transport. Coordinators, read repair and hint replay all go through
 * here.
 */
public final class Replicas {
  private final NodeId self;
  private final LocalReplica local;
  private final ReplicaTransport transport;

  public Replicas(NodeId self, LocalReplica local, ReplicaTransport transport) {
    this.self = self;
    this.local = local;
    this.transport = transport;
  }

  public NodeId self() {
    return self;
  }

  public LocalReplica local() {
    return local;
  }

  public CompletableFuture<DottedVersionVectorSet> read(
      Target target, int bucket, byte[] key, Duration timeout) {
    if (target.node().equals(self)) {
      return local.read(bucket, key, target.standsInFor());
    }
    ReplicaGetRequest.Builder get =
        ReplicaGetRequest.newBuilder().setBucket(bucket).setKey(ByteString.copyFrom(key));
    target.hintFor().ifPresent(owner -> get.setHintFor(owner.value()));
    return transport
        .send(target.node(), Request.newBuilder().setReplicaGet(get).build(), timeout)
        .thenApply(RingstoreException::requireOk)
        .thenApply(
            response ->
                DottedVersionVectorSetCodec.decode(
                    response.getReplicaGet().getSet().toByteArray()));
  }

  public CompletableFuture<Void> write(
      Target target, int bucket, byte[] key, DottedVersionVectorSet set, Duration timeout) {
    if (target.node().equals(self)) {
      return local.merge(bucket, key, set, target.standsInFor());
    }
    ReplicaPutRequest.Builder put =
        ReplicaPutRequest.newBuilder()
            .setBucket(bucket)
            .setKey(ByteString.copyFrom(key))
            .setSet(ByteString.copyFrom(DottedVersionVectorSetCodec.encode(set)));
    target.hintFor().ifPresent(owner -> put.setHintFor(owner.value()));
    return transport
        .send(target.node(), Request.newBuilder().setReplicaPut(put).build(), timeout)
        .thenApply(RingstoreException::requireOk)
        .thenApply(response -> null);
  }

  /** Asks {@code target} to remove the key if its copy is exactly {@code expected}. */
  public CompletableFuture<Boolean> reap(
      Target target, int bucket, byte[] key, DottedVersionVectorSet expected, Duration timeout) {
    if (target.node().equals(self)) {
      return local.reap(bucket, key, expected);
    }
    ReplicaPutRequest.Builder reap =
        ReplicaPutRequest.newBuilder()
            .setBucket(bucket)
            .setKey(ByteString.copyFrom(key))
            .setSet(ByteString.copyFrom(DottedVersionVectorSetCodec.encode(expected)))
            .setReap(true);
    return transport
        .send(target.node(), Request.newBuilder().setReplicaPut(reap).build(), timeout)
        .thenApply(RingstoreException::requireOk)
        .thenApply(response -> response.getReplicaPut().getReaped());
  }
}
