package dev.ringstore.client;

import com.google.protobuf.ByteString;
import dev.ringstore.common.NodeId;
import dev.ringstore.config.client.Routing;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ConfigReply;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.GetResponse;
import dev.ringstore.protocol.v1.NodeRecord;
import dev.ringstore.protocol.v1.PutResponse;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import dev.ringstore.ring.BucketTable;
import dev.ringstore.ring.Member;
import dev.ringstore.ring.RingSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A client transport to a scripted cluster of nodes n1..nK at {@code nK:7000}: each answers table
 * queries with the table it is given and get/put with an empty success, unless a test scripts a
 * node down, slow or overloaded. Records which node got each data request, so tests see where the
 * client sent it. The routing logic under test is the client's; only the nodes are scripted.
 */
final class ScriptedNodes implements ClientTransport {
  final List<String> dataRequests = Collections.synchronizedList(new ArrayList<>());
  final Set<String> down = ConcurrentHashMap.newKeySet();
  final Map<String, Duration> slow = new ConcurrentHashMap<>();
  final Map<String, Function<Request, Response>> scripted = new ConcurrentHashMap<>();
  volatile Routing routing;
  volatile long repliedVersion;

  ScriptedNodes(int nodes) {
    this.routing = routing(1, nodes);
    this.repliedVersion = 1;
  }

  static Routing routing(long version, int nodes) {
    List<Member> members = new ArrayList<>();
    Map<NodeId, NodeRecord> records = new TreeMap<>();
    for (int i = 1; i <= nodes; i++) {
      NodeId id = NodeId.of("n" + i);
      members.add(new Member(id, null));
      records.put(id, NodeRecord.newBuilder().setId(id.value()).setAddress(address(i)).build());
    }
    BucketTable table =
        BucketTable.initial(members, new RingSettings(64, 3, 16)).withVersion(version);
    return new Routing(version, table, null, records);
  }

  static String address(int node) {
    return "n" + node + ":7000";
  }

  /** The address of the {@code index}-th node (0: primary) of {@code key}'s preference list. */
  String preferred(String key, int index) {
    NodeId node = routing.current().preferenceListForKey(key.getBytes()).nodes().get(index);
    return routing.address(node).orElseThrow();
  }

  @Override
  public CompletableFuture<Response> send(String address, Request request, Duration wait) {
    if (down.contains(address)) {
      return CompletableFuture.failedFuture(
          new RingstoreException(ErrorCode.UNAVAILABLE, "cannot connect to " + address));
    }
    Response response =
        answer(address, request).toBuilder().setTableVersion(repliedVersion).build();
    Duration delay = slow.get(address);
    if (delay == null) {
      return CompletableFuture.completedFuture(response);
    }
    if (delay.compareTo(wait) > 0) {
      return CompletableFuture.supplyAsync(
          () -> {
            throw new RingstoreException(ErrorCode.TIMEOUT, "no response from " + address);
          },
          CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS));
    }
    return CompletableFuture.supplyAsync(
        () -> response, CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));
  }

  private Response answer(String address, Request request) {
    if (request.hasConfigQuery()) {
      long since = request.getConfigQuery().getTable().getSinceVersion();
      Routing now = routing;
      var state =
          since == now.version()
              ? dev.ringstore.protocol.v1.RoutingState.newBuilder()
                  .setVersion(since)
                  .setUnchanged(true)
                  .build()
              : now.toProto();
      return Response.newBuilder().setConfig(ConfigReply.newBuilder().setTable(state)).build();
    }
    dataRequests.add(address);
    Function<Request, Response> script = scripted.get(address);
    if (script != null) {
      return script.apply(request);
    }
    return request.hasGet()
        ? Response.newBuilder().setGet(GetResponse.getDefaultInstance()).build()
        : Response.newBuilder()
            .setPut(PutResponse.newBuilder().setContext(ByteString.EMPTY))
            .build();
  }

  @Override
  public void close() {}
}
