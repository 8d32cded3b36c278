package dev.ringstore.client;

import com.google.protobuf.ByteString;
import dev.ringstore.common.versioning.CausalContext;
import dev.ringstore.protocol.Connection;
import dev.ringstore.protocol.ProtocolClient;
import dev.ringstore.protocol.ProtocolLimits;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.DeleteRequest;
import dev.ringstore.protocol.v1.GetRequest;
import dev.ringstore.protocol.v1.PutRequest;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.RequestOptions;
import dev.ringstore.protocol.v1.Response;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A thin client of one node over one multiplexed connection: get, put and delete, each sync or
 * async. Failures are {@link RingstoreException}s carrying the wire error code (TIMEOUT,
 * UNAVAILABLE, TOO_LARGE, ...). Contexts travel as the opaque strings {@link CausalContext}
 * encodes; a malformed one is refused before anything is sent.
 *
 * <p>Routing by bucket table, pools, retries and resolvers belong to the full client; this is what
 * the command line and the benchmarks need today.
 */
public final class NodeClient implements AutoCloseable {
  private final ProtocolClient ownedProtocol;
  private final Connection connection;
  private final Duration timeout;

  private NodeClient(ProtocolClient ownedProtocol, Connection connection, Duration timeout) {
    this.ownedProtocol = ownedProtocol;
    this.connection = connection;
    this.timeout = timeout;
  }

  /** Connects to a node with a client of its own; closing this client closes both. */
  public static NodeClient connect(InetSocketAddress node, Duration timeout) {
    ProtocolClient protocol = ProtocolClient.create(ProtocolLimits.defaults());
    try {
      return new NodeClient(protocol, join(protocol.connect(node, timeout)), timeout);
    } catch (RuntimeException e) {
      protocol.close();
      throw e;
    }
  }

  /** Connects through a shared protocol client (its event loops), which the caller closes. */
  public static NodeClient connect(
      ProtocolClient shared, InetSocketAddress node, Duration timeout) {
    return new NodeClient(null, join(shared.connect(node, timeout)), timeout);
  }

  public GetResult get(byte[] key) {
    return join(getAsync(key));
  }

  /** Writes a value; {@code context} is a get's context, or null for none. */
  public PutResult put(byte[] key, byte[] value, String context) {
    return join(putAsync(key, value, context, false));
  }

  /** Deletes what a get with {@code context} saw (null: writes a tombstone beside any values). */
  public PutResult delete(byte[] key, String context) {
    return join(deleteAsync(key, context));
  }

  public CompletableFuture<GetResult> getAsync(byte[] key) {
    Request request =
        Request.newBuilder()
            .setGet(GetRequest.newBuilder().setKey(ByteString.copyFrom(key)))
            .build();
    return send(request)
        .thenApply(
            response ->
                new GetResult(
                    response.getGet().getFound(),
                    bytes(response.getGet().getValuesList()),
                    contextText(response.getGet().getContext())));
  }

  public CompletableFuture<PutResult> putAsync(
      byte[] key, byte[] value, String context, boolean returnBody) {
    PutRequest.Builder put =
        PutRequest.newBuilder()
            .setKey(ByteString.copyFrom(key))
            .setValue(ByteString.copyFrom(value))
            .setContext(contextBytes(context));
    if (returnBody) {
      put.setOptions(RequestOptions.newBuilder().setReturnBody(true));
    }
    return send(Request.newBuilder().setPut(put).build())
        .thenApply(
            response ->
                new PutResult(
                    contextText(response.getPut().getContext()),
                    bytes(response.getPut().getValuesList())));
  }

  public CompletableFuture<PutResult> deleteAsync(byte[] key, String context) {
    DeleteRequest.Builder delete =
        DeleteRequest.newBuilder()
            .setKey(ByteString.copyFrom(key))
            .setContext(contextBytes(context));
    return send(Request.newBuilder().setDelete(delete).build())
        .thenApply(
            response -> new PutResult(contextText(response.getDelete().getContext()), List.of()));
  }

  private CompletableFuture<Response> send(Request request) {
    return connection.send(request, timeout).thenApply(RingstoreException::requireOk);
  }

  private static ByteString contextBytes(String context) {
    if (context == null || context.isEmpty()) {
      return ByteString.EMPTY;
    }
    return ByteString.copyFrom(CausalContext.decode(context).toBytes());
  }

  private static String contextText(ByteString bytes) {
    return bytes.isEmpty()
        ? CausalContext.EMPTY.encode()
        : CausalContext.fromBytes(bytes.toByteArray()).encode();
  }

  private static List<byte[]> bytes(List<ByteString> values) {
    return values.stream().map(ByteString::toByteArray).toList();
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

  @Override
  public void close() {
    connection.close();
    if (ownedProtocol != null) {
      ownedProtocol.close();
    }
  }
}
