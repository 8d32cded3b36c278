package dev.ringstore.client;

import com.google.protobuf.ByteString;
import dev.ringstore.common.versioning.CausalContext;
import dev.ringstore.protocol.Connection;
import dev.ringstore.protocol.ProtocolClient;
import dev.ringstore.protocol.ProtocolLimits;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.InspectRequest;
import dev.ringstore.protocol.v1.PutCondition;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import dev.ringstore.protocol.v1.StatusRequest;
import dev.ringstore.security.ClientSecurity;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A thin client of one node over one multiplexed connection: get, put and delete, each sync or
 * async, with or without per-request {@link ReadOptions}/{@link WriteOptions}, and {@link
 * #inspect}. The node coordinates each request for the whole cluster. Failures are {@link
 * RingstoreException}s carrying the wire error code (TIMEOUT, UNAVAILABLE, TOO_LARGE, ...).
 * Contexts travel as the opaque strings {@link CausalContext} encodes; a malformed one is refused
 * before anything is sent.
 *
 * <p>How long a call waits: the request's own timeout, or this client's default (given to {@code
 * connect}) for a request that leaves the timeout to the node, plus {@link #REPLY_MARGIN}, so the
 * node's own TIMEOUT reply, which says what it did get, arrives before this end gives up.
 *
 * <p>Routing by bucket table, pools, retries and resolvers belong to the full client; this is what
 * the command line and the benchmarks need today.
 */
public final class NodeClient implements AutoCloseable {
  /** Added to a request's timeout to get how long this end waits for the node's reply. */
  public static final Duration REPLY_MARGIN = Duration.ofMillis(500);

  private final ProtocolClient ownedProtocol;
  private final Connection connection;
  private final Duration timeout;

  private NodeClient(ProtocolClient ownedProtocol, Connection connection, Duration timeout) {
    this.ownedProtocol = ownedProtocol;
    this.connection = connection;
    this.timeout = timeout;
  }

  /**
   * Connects to a node with a client of its own; closing this client closes both. {@code timeout}
   * bounds the connect and is the wait for requests that leave their timeout to the node.
   */
  public static NodeClient connect(InetSocketAddress node, Duration timeout) {
    return connect(node, timeout, ClientSecurity.none());
  }

  /**
   * {@link #connect(InetSocketAddress, Duration)} over a connection secured by {@code security}.
   */
  public static NodeClient connect(
      InetSocketAddress node, Duration timeout, ClientSecurity security) {
    ProtocolClient protocol = ProtocolClient.create(ProtocolLimits.defaults(), 0, security);
    try {
      return new NodeClient(
          protocol, ClientFailures.join(protocol.connect(node, timeout)), timeout);
    } catch (RuntimeException e) {
      protocol.close();
      throw e;
    }
  }

  /** Connects through a shared protocol client (its event loops), which the caller closes. */
  public static NodeClient connect(
      ProtocolClient shared, InetSocketAddress node, Duration timeout) {
    return new NodeClient(null, ClientFailures.join(shared.connect(node, timeout)), timeout);
  }

  public GetResult<byte[]> get(byte[] key) {
    return get(key, ReadOptions.defaults());
  }

  public GetResult<byte[]> get(byte[] key, ReadOptions options) {
    return ClientFailures.join(getAsync(key, options));
  }

  /** The key's context and value sizes, no values; see {@link Store#head}. */
  public KeyHead head(byte[] key, ReadOptions options) {
    return ClientFailures.join(
        send(WireRequests.head(key, options), options.timeout())
            .thenApply(WireRequests::headResult));
  }

  /** Writes a value; {@code context} is a get's context, or null for none. */
  public PutResult<byte[]> put(byte[] key, byte[] value, String context) {
    return put(key, value, context, WriteOptions.defaults());
  }

  public PutResult<byte[]> put(byte[] key, byte[] value, String context, WriteOptions options) {
    return ClientFailures.join(putAsync(key, value, context, options));
  }

  /** Deletes what a get with {@code context} saw (null: writes a tombstone beside any values). */
  public PutResult<byte[]> delete(byte[] key, String context) {
    return delete(key, context, WriteOptions.defaults());
  }

  public PutResult<byte[]> delete(byte[] key, String context, WriteOptions options) {
    return ClientFailures.join(deleteAsync(key, context, options));
  }

  /** Every primary replica's view of {@code key}, gathered by the node within the default wait. */
  public InspectResult inspect(byte[] key) {
    return inspect(key, Duration.ZERO);
  }

  /** Every primary replica's view of {@code key}; see {@link #inspectAsync}. */
  public InspectResult inspect(byte[] key, Duration timeout) {
    return ClientFailures.join(inspectAsync(key, timeout));
  }

  public CompletableFuture<GetResult<byte[]>> getAsync(byte[] key) {
    return getAsync(key, ReadOptions.defaults());
  }

  public CompletableFuture<GetResult<byte[]>> getAsync(byte[] key, ReadOptions options) {
    return send(WireRequests.get(key, options), options.timeout())
        .thenApply(WireRequests::getResult);
  }

  public CompletableFuture<PutResult<byte[]>> putAsync(
      byte[] key, byte[] value, String context, boolean returnBody) {
    return putAsync(key, value, context, WriteOptions.defaults().withReturnBody(returnBody));
  }

  public CompletableFuture<PutResult<byte[]>> putAsync(
      byte[] key, byte[] value, String context, WriteOptions options) {
    Request put = WireRequests.put(key, value, context, options, PutCondition.PUT_CONDITION_NONE);
    return send(put, options.timeout()).thenApply(WireRequests::putResult);
  }

  public CompletableFuture<PutResult<byte[]>> deleteAsync(byte[] key, String context) {
    return deleteAsync(key, context, WriteOptions.defaults());
  }

  /** Deletes with {@code options}; {@code returnBody} does not apply to a delete. */
  public CompletableFuture<PutResult<byte[]>> deleteAsync(
      byte[] key, String context, WriteOptions options) {
    return send(WireRequests.delete(key, context, options), options.timeout())
        .thenApply(WireRequests::deleteResult);
  }

  /**
   * Every primary replica's view of {@code key}; {@code timeout} bounds how long the node waits for
   * replicas (zero: its default), and an unreachable one shows up as such rather than failing.
   */
  public CompletableFuture<InspectResult> inspectAsync(byte[] key, Duration timeout) {
    Duration checked = RequestKnobs.timeout(timeout);
    InspectRequest.Builder inspect =
        InspectRequest.newBuilder()
            .setKey(ByteString.copyFrom(key))
            .setTimeoutMs(RequestKnobs.millis(checked));
    return send(Request.newBuilder().setInspect(inspect).build(), checked)
        .thenApply(response -> InspectResult.fromWire(response.getInspect()));
  }

  /** The members as the connected node sees them (gossip and its failure detector). */
  public ClusterStatus status() {
    return ClientFailures.join(statusAsync());
  }

  public CompletableFuture<ClusterStatus> statusAsync() {
    return send(
            Request.newBuilder().setStatus(StatusRequest.getDefaultInstance()).build(),
            Duration.ZERO)
        .thenApply(response -> ClusterStatus.fromWire(response.getStatus()));
  }

  /** How long this end waits for a request whose own timeout is {@code requested}. */
  Duration replyWait(Duration requested) {
    return (requested.isZero() ? timeout : requested).plus(REPLY_MARGIN);
  }

  private CompletableFuture<Response> send(Request request, Duration requested) {
    return connection.send(request, replyWait(requested)).thenApply(RingstoreException::requireOk);
  }

  @Override
  public void close() {
    connection.close();
    if (ownedProtocol != null) {
      ownedProtocol.close();
    }
  }
}
