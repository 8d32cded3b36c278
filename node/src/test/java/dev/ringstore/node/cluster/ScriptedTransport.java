package dev.ringstore.node.cluster;

import com.google.protobuf.ByteString;
import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.common.versioning.DottedVersionVectorSetCodec;
import dev.ringstore.node.storage.Hint;
import dev.ringstore.node.storage.InMemoryStorageEngine;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.ReplicaGetRequest;
import dev.ringstore.protocol.v1.ReplicaGetResponse;
import dev.ringstore.protocol.v1.ReplicaPutRequest;
import dev.ringstore.protocol.v1.ReplicaPutResponse;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * An in-process network of replicas a test scripts node by node: by default a node answers replica
 * puts and gets from an in-memory store of its own (a put with {@code hint_for} is kept as a hint,
 * as a fallback does); it can instead refuse, time out, hold its answer until released, or answer
 * with a scripted response. Answers complete on the caller's thread, so tests are deterministic.
 */
public final class ScriptedTransport implements ReplicaTransport {
  private final Map<NodeId, Function<Request, CompletableFuture<Response>>> scripts =
      new ConcurrentHashMap<>();
  private final Map<NodeId, InMemoryStorageEngine> stores = new ConcurrentHashMap<>();
  private final Map<NodeId, List<Held>> held = new ConcurrentHashMap<>();
  private final List<Sent> sent = new ArrayList<>();

  /** One request as it went out. */
  public record Sent(NodeId node, Request request) {}

  private record Held(Request request, CompletableFuture<Response> answer) {}

  @Override
  public CompletableFuture<Response> send(NodeId target, Request request, Duration timeout) {
    synchronized (sent) {
      sent.add(new Sent(target, request));
    }
    return scripts
        .getOrDefault(target, r -> CompletableFuture.completedFuture(answer(target, r)))
        .apply(request);
  }

  /** {@code node} answers from its store (the default). */
  public void answer(NodeId node) {
    scripts.remove(node);
  }

  /** {@code node} refuses the connection: UNAVAILABLE. */
  public void refuse(NodeId node) {
    fail(node, new RingstoreException(ErrorCode.UNAVAILABLE, "connection refused by " + node));
  }

  /** {@code node} does not answer in time: TIMEOUT. */
  public void timeOut(NodeId node) {
    fail(node, new RingstoreException(ErrorCode.TIMEOUT, node + " did not answer in time"));
  }

  private void fail(NodeId node, RingstoreException failure) {
    scripts.put(node, request -> CompletableFuture.failedFuture(failure));
  }

  /** {@code node} answers every request with {@code response}, an error reply for instance. */
  public void reply(NodeId node, Response response) {
    scripts.put(node, request -> CompletableFuture.completedFuture(response));
  }

  /** {@code node} handles requests with {@code script}. */
  public void script(NodeId node, Function<Request, CompletableFuture<Response>> script) {
    scripts.put(node, script);
  }

  /** {@code node} keeps its answers until {@link #release}d: it may never answer. */
  public void hold(NodeId node) {
    scripts.put(
        node,
        request -> {
          Held one = new Held(request, new CompletableFuture<>());
          held.computeIfAbsent(node, n -> new ArrayList<>()).add(one);
          return one.answer();
        });
  }

  /** {@code node} answers, from its store, what it held, and from now on answers at once. */
  public void release(NodeId node) {
    answer(node);
    List<Held> answers = held.getOrDefault(node, List.of());
    held.remove(node);
    answers.forEach(one -> one.answer().complete(answer(node, one.request())));
  }

  /** What {@code node} stores, as its own data or as hints. */
  public InMemoryStorageEngine store(NodeId node) {
    return stores.computeIfAbsent(node, n -> new InMemoryStorageEngine(n, new Random(7)));
  }

  /** The nodes sent to, in order, one entry per request. */
  public List<NodeId> sentTo() {
    synchronized (sent) {
      return sent.stream().map(Sent::node).toList();
    }
  }

  public List<Sent> sent() {
    synchronized (sent) {
      return List.copyOf(sent);
    }
  }

  /** Answers a request the way a replica's server does, from the node's store. */
  public Response answer(NodeId node, Request request) {
    InMemoryStorageEngine store = store(node);
    if (request.hasReplicaPut()) {
      ReplicaPutRequest put = request.getReplicaPut();
      byte[] key = put.getKey().toByteArray();
      DottedVersionVectorSet set = DottedVersionVectorSetCodec.decode(put.getSet().toByteArray());
      if (put.getHintFor().isEmpty()) {
        store.update(put.getBucket(), key, current -> current.sync(set));
      } else {
        store.putHint(new Hint(NodeId.of(put.getHintFor()), put.getBucket(), key, set));
      }
      return Response.newBuilder().setReplicaPut(ReplicaPutResponse.getDefaultInstance()).build();
    }
    if (request.hasReplicaGet()) {
      ReplicaGetRequest get = request.getReplicaGet();
      byte[] key = get.getKey().toByteArray();
      DottedVersionVectorSet set =
          get.getHintFor().isEmpty()
              ? store.get(get.getBucket(), key)
              : store.hint(NodeId.of(get.getHintFor()), get.getBucket(), key);
      return Response.newBuilder()
          .setReplicaGet(
              ReplicaGetResponse.newBuilder()
                  .setSet(ByteString.copyFrom(DottedVersionVectorSetCodec.encode(set))))
          .build();
    }
    return RingstoreException.errorResponse(
        ErrorCode.INTERNAL, node + " has no script for " + request.getOpCase());
  }
}
