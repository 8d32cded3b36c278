package dev.ringstore.testkit;

import com.google.protobuf.ByteString;
import dev.ringstore.common.NodeId;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.DeleteRequest;
import dev.ringstore.protocol.v1.GetRequest;
import dev.ringstore.protocol.v1.PutRequest;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.RequestOptions;
import dev.ringstore.protocol.v1.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A client endpoint on the simulated network (named {@code client} unless told otherwise), which
 * sends get, put and delete to a chosen node with the request's own options; partitions and drops
 * apply to it as to any node. String keys and values, for tests.
 */
public final class SimClient {
  private final NodeId self;
  private final SimulatedNetwork network;
  private final Duration wait;

  SimClient(NodeId self, SimulatedNetwork network, Duration wait) {
    this.self = self;
    this.network = network;
    this.wait = wait;
  }

  /** A get's answer: the sibling values as strings and the context to write back with. */
  public record Read(boolean found, List<String> values, ByteString context) {}

  public Read get(String via, String key) {
    return get(via, key, RequestOptions.getDefaultInstance());
  }

  public Read get(String via, String key, RequestOptions options) {
    Response response =
        call(
            via,
            Request.newBuilder()
                .setGet(GetRequest.newBuilder().setKey(bytes(key)).setOptions(options))
                .build());
    return new Read(
        response.getGet().getFound(),
        response.getGet().getValuesList().stream().map(ByteString::toStringUtf8).toList(),
        response.getGet().getContext());
  }

  /** Writes without a context (a new sibling beside whatever is there); returns the new context. */
  public ByteString put(String via, String key, String value) {
    return put(via, key, value, ByteString.EMPTY, RequestOptions.getDefaultInstance());
  }

  public ByteString put(
      String via, String key, String value, ByteString context, RequestOptions options) {
    PutRequest put =
        PutRequest.newBuilder()
            .setKey(bytes(key))
            .setValue(bytes(value))
            .setContext(context)
            .setOptions(options)
            .build();
    return call(via, Request.newBuilder().setPut(put).build()).getPut().getContext();
  }

  public ByteString delete(String via, String key, ByteString context, RequestOptions options) {
    DeleteRequest delete =
        DeleteRequest.newBuilder()
            .setKey(bytes(key))
            .setContext(context)
            .setOptions(options)
            .build();
    return call(via, Request.newBuilder().setDelete(delete).build()).getDelete().getContext();
  }

  /** Sends any request and returns the reply, throwing {@link RingstoreException} for an error. */
  public Response call(String via, Request request) {
    return join(callAsync(via, request));
  }

  public CompletableFuture<Response> callAsync(String via, Request request) {
    return network
        .send(self, NodeId.of(via), request, wait)
        .thenApply(RingstoreException::requireOk);
  }

  private static ByteString bytes(String text) {
    return ByteString.copyFrom(text.getBytes(StandardCharsets.UTF_8));
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
