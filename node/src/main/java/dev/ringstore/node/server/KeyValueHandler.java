package dev.ringstore.node.server;

import com.google.protobuf.ByteString;
import dev.ringstore.common.versioning.ActorId;
import dev.ringstore.common.versioning.CausalContext;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.common.versioning.MalformedVersionException;
import dev.ringstore.node.storage.StorageEngine;
import dev.ringstore.protocol.RequestHandler;
import dev.ringstore.protocol.v1.DeleteRequest;
import dev.ringstore.protocol.v1.DeleteResponse;
import dev.ringstore.protocol.v1.Error;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.GetRequest;
import dev.ringstore.protocol.v1.GetResponse;
import dev.ringstore.protocol.v1.PutRequest;
import dev.ringstore.protocol.v1.PutResponse;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import dev.ringstore.ring.RingSettings;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves get, put and delete from this node's own storage. Checks every request against the {@link
 * RequestLimits} before touching storage, runs the blocking storage calls on the storage executor
 * (never on the network event loop), and turns every failure into a typed error reply.
 *
 * <p>Writes are versioned with this node's actor (node id + data-dir incarnation); a put with the
 * context of a read supersedes what that read saw, a put without one adds a sibling.
 */
public final class KeyValueHandler implements RequestHandler {
  private static final Logger log = LoggerFactory.getLogger(KeyValueHandler.class);

  private final StorageEngine storage;
  private final RingSettings ring;
  private final ActorId actor;
  private final RequestLimits limits;
  private final InstantSource clock;
  private final Executor storageExecutor;
  private final NodeMetrics metrics;

  public KeyValueHandler(
      StorageEngine storage,
      RingSettings ring,
      ActorId actor,
      RequestLimits limits,
      InstantSource clock,
      Executor storageExecutor,
      NodeMetrics metrics) {
    this.storage = storage;
    this.ring = ring;
    this.actor = actor;
    this.limits = limits;
    this.clock = clock;
    this.storageExecutor = storageExecutor;
    this.metrics = metrics;
  }

  @Override
  public CompletableFuture<Response> handle(Request request) {
    long started = System.nanoTime();
    String op = request.getOpCase().name().toLowerCase(java.util.Locale.ROOT);
    CompletableFuture<Response> reply =
        switch (request.getOpCase()) {
          case GET -> fromCacheOrStorage(request.getGet());
          case PUT -> onStorage(() -> put(request.getPut()));
          case DELETE -> onStorage(() -> delete(request.getDelete()));
          default ->
              CompletableFuture.completedFuture(
                  error(ErrorCode.BAD_REQUEST, "the request names no operation this node serves"));
        };
    return reply
        .exceptionally(this::toError)
        .whenComplete((response, ignored) -> metrics.record(op, response, started));
  }

  private CompletableFuture<Response> onStorage(Supplier<Response> work) {
    try {
      return CompletableFuture.supplyAsync(work, storageExecutor);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(
          error(ErrorCode.OVERLOADED, "the node's storage queue is full; retry with backoff"));
    }
  }

  /**
   * A read served on the calling (event-loop) thread when the set is cached, which costs no thread
   * hop; a miss goes to the storage threads, since it may read from disk.
   */
  private CompletableFuture<Response> fromCacheOrStorage(GetRequest get) {
    byte[] key;
    try {
      key = checkedKey(get.getKey());
    } catch (RequestRejectedException e) {
      return CompletableFuture.failedFuture(e);
    }
    int bucket = ring.bucketOf(key);
    return storage
        .getIfCached(bucket, key)
        .map(cached -> CompletableFuture.completedFuture(getReply(cached)))
        .orElseGet(() -> onStorage(() -> getReply(storage.get(bucket, key))));
  }

  private static Response getReply(DottedVersionVectorSet stored) {
    GetResponse.Builder reply =
        GetResponse.newBuilder()
            .setFound(stored.isFound())
            .setContext(ByteString.copyFrom(stored.context().toBytes()));
    stored.values().forEach(value -> reply.addValues(ByteString.copyFrom(value)));
    return Response.newBuilder().setGet(reply).build();
  }

  private Response put(PutRequest put) {
    byte[] key = checkedKey(put.getKey());
    if (put.getValue().size() > limits.maxValueBytes()) {
      throw new RequestRejectedException(
          ErrorCode.TOO_LARGE,
          "value of "
              + put.getValue().size()
              + " bytes is over the limit of "
              + limits.maxValueBytes());
    }
    CausalContext context = context(put.getContext());
    byte[] value = put.getValue().toByteArray();
    long now = clock.millis();
    DottedVersionVectorSet stored =
        storage.update(
            ring.bucketOf(key),
            key,
            current -> checkedSiblings(current.update(context, value, now, actor)));
    PutResponse.Builder reply =
        PutResponse.newBuilder().setContext(ByteString.copyFrom(stored.context().toBytes()));
    if (put.getOptions().getReturnBody()) {
      stored.values().forEach(v -> reply.addValues(ByteString.copyFrom(v)));
    }
    return Response.newBuilder().setPut(reply).build();
  }

  private Response delete(DeleteRequest delete) {
    byte[] key = checkedKey(delete.getKey());
    CausalContext context = context(delete.getContext());
    long now = clock.millis();
    DottedVersionVectorSet stored =
        storage.update(
            ring.bucketOf(key),
            key,
            current -> checkedSiblings(current.delete(context, now, actor)));
    return Response.newBuilder()
        .setDelete(
            DeleteResponse.newBuilder().setContext(ByteString.copyFrom(stored.context().toBytes())))
        .build();
  }

  private byte[] checkedKey(ByteString key) {
    if (key.isEmpty()) {
      throw new RequestRejectedException(ErrorCode.BAD_REQUEST, "the key must not be empty");
    }
    if (key.size() > limits.maxKeyBytes()) {
      throw new RequestRejectedException(
          ErrorCode.TOO_LARGE,
          "key of " + key.size() + " bytes is over the limit of " + limits.maxKeyBytes());
    }
    return key.toByteArray();
  }

  private static CausalContext context(ByteString encoded) {
    if (encoded.isEmpty()) {
      return CausalContext.EMPTY;
    }
    try {
      return CausalContext.fromBytes(encoded.toByteArray());
    } catch (MalformedVersionException e) {
      throw new RequestRejectedException(ErrorCode.BAD_REQUEST, "bad context: " + e.getMessage());
    }
  }

  /** Runs inside the per-key update: throwing here stores nothing. */
  private DottedVersionVectorSet checkedSiblings(DottedVersionVectorSet next) {
    if (next.size() > limits.maxSiblings()) {
      throw new RequestRejectedException(
          ErrorCode.TOO_MANY_SIBLINGS,
          "the write would leave "
              + next.size()
              + " siblings (limit "
              + limits.maxSiblings()
              + "): read the key, resolve its siblings and write back with the read's context");
    }
    if (next.size() > limits.warnSiblings()) {
      metrics.siblingWarning();
      log.warn("a key now has {} siblings (warning above {})", next.size(), limits.warnSiblings());
    }
    return next;
  }

  private Response toError(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof RequestRejectedException rejected) {
      return error(rejected.code(), rejected.getMessage());
    }
    log.error("request failed", cause);
    return error(ErrorCode.INTERNAL, "internal error: " + cause);
  }

  static Response error(ErrorCode code, String message) {
    return Response.newBuilder()
        .setError(Error.newBuilder().setCode(code).setMessage(message))
        .build();
  }
}
