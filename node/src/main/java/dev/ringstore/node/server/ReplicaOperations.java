package dev.ringstore.node.server;

import com.google.protobuf.ByteString;
import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.common.versioning.DottedVersionVectorSetCodec;
import dev.ringstore.common.versioning.MalformedVersionException;
import dev.ringstore.node.antientropy.AntiEntropyResponder;
import dev.ringstore.node.coordinator.LocalReplica;
import dev.ringstore.node.transfer.TransferSource;
import dev.ringstore.protocol.v1.AntiEntropyRequest;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.PingResponse;
import dev.ringstore.protocol.v1.ReplicaGetRequest;
import dev.ringstore.protocol.v1.ReplicaGetResponse;
import dev.ringstore.protocol.v1.ReplicaPutRequest;
import dev.ringstore.protocol.v1.ReplicaPutResponse;
import dev.ringstore.protocol.v1.Response;
import dev.ringstore.protocol.v1.TransferPageRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * What other nodes ask of this one: a replica's read, a merge of a coordinated set (replication,
 * read repair, hint replay, or a hint to keep for a node that is down), and a ping.
 */
final class ReplicaOperations {
  private final LocalReplica local;
  private final AntiEntropyResponder antiEntropy;
  private final TransferSource transfers;
  private final Executor storageExecutor;
  private final NodeServices services;

  ReplicaOperations(
      LocalReplica local,
      AntiEntropyResponder antiEntropy,
      TransferSource transfers,
      Executor storageExecutor,
      NodeServices services) {
    this.local = local;
    this.antiEntropy = antiEntropy;
    this.transfers = transfers;
    this.storageExecutor = storageExecutor;
    this.services = services;
  }

  /** One step of a Merkle-tree exchange; on a storage thread, as it may scan a bucket. */
  CompletableFuture<Response> antiEntropy(AntiEntropyRequest request) {
    try {
      return CompletableFuture.supplyAsync(
          () -> Response.newBuilder().setAntiEntropy(antiEntropy.answer(request)).build(),
          storageExecutor);
    } catch (RejectedExecutionException e) {
      throw new RequestRejectedException(ErrorCode.OVERLOADED, "the node's storage queue is full");
    }
  }

  /** One page of a bucket for a node receiving it in a transfer; on a storage thread (a scan). */
  CompletableFuture<Response> transferPage(TransferPageRequest request) {
    int bucket = bucket(request.getBucket());
    try {
      return CompletableFuture.supplyAsync(
          () -> Response.newBuilder().setTransferPage(transfers.page(bucket, request)).build(),
          storageExecutor);
    } catch (RejectedExecutionException e) {
      throw new RequestRejectedException(ErrorCode.OVERLOADED, "the node's storage queue is full");
    }
  }

  CompletableFuture<Response> get(ReplicaGetRequest get) {
    return local
        .read(bucket(get.getBucket()), key(get.getKey()), hintFor(get.getHintFor()))
        .thenApply(
            set ->
                Response.newBuilder()
                    .setReplicaGet(
                        ReplicaGetResponse.newBuilder()
                            .setSet(ByteString.copyFrom(DottedVersionVectorSetCodec.encode(set))))
                    .build());
  }

  CompletableFuture<Response> put(ReplicaPutRequest put) {
    DottedVersionVectorSet set;
    try {
      set = DottedVersionVectorSetCodec.decode(put.getSet().toByteArray());
    } catch (MalformedVersionException e) {
      throw new RequestRejectedException(
          ErrorCode.BAD_REQUEST, "bad replica set: " + e.getMessage());
    }
    if (put.getReap()) {
      return local
          .reap(bucket(put.getBucket()), key(put.getKey()), set)
          .thenApply(
              reaped ->
                  Response.newBuilder()
                      .setReplicaPut(ReplicaPutResponse.newBuilder().setReaped(reaped))
                      .build());
    }
    return local
        .merge(bucket(put.getBucket()), key(put.getKey()), set, hintFor(put.getHintFor()))
        .thenApply(
            done ->
                Response.newBuilder()
                    .setReplicaPut(ReplicaPutResponse.getDefaultInstance())
                    .build());
  }

  Response ping() {
    return Response.newBuilder()
        .setPing(PingResponse.newBuilder().setNode(services.self().value()))
        .build();
  }

  private int bucket(int bucket) {
    if (bucket < 0 || bucket >= services.cluster().table().bucketCount()) {
      throw new RequestRejectedException(
          ErrorCode.BAD_REQUEST,
          "bucket " + Integer.toUnsignedString(bucket) + " is not in this cluster's table");
    }
    return bucket;
  }

  private static byte[] key(ByteString key) {
    if (key.isEmpty()) {
      throw new RequestRejectedException(ErrorCode.BAD_REQUEST, "the key must not be empty");
    }
    return key.toByteArray();
  }

  private static NodeId hintFor(String owner) {
    if (owner.isEmpty()) {
      return null;
    }
    try {
      return NodeId.of(owner);
    } catch (IllegalArgumentException e) {
      throw new RequestRejectedException(
          ErrorCode.BAD_REQUEST, "bad hint owner: " + e.getMessage());
    }
  }
}
