package dev.ringstore.node.cluster;

import com.google.common.net.HostAndPort;
import dev.ringstore.common.NodeId;
import dev.ringstore.config.client.Routing;
import dev.ringstore.ring.BucketTable;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The cluster as the config service describes it, one routing version at a time: the current table,
 * the buckets in transfer and every known node's address. A newer version replaces the whole view
 * at once (readers never see half of one); an older or equal one is ignored.
 */
public final class ConfigClusterView implements ClusterView {
  private record View(
      Routing routing,
      Map<NodeId, InetSocketAddress> addresses,
      Map<String, NodeId> byAddress,
      List<List<NodeId>> incoming) {}

  private final NodeId self;
  private final List<Consumer<Routing>> listeners = new CopyOnWriteArrayList<>();
  private volatile View view;

  public ConfigClusterView(NodeId self, Routing initial) {
    this.self = self;
    this.view = viewOf(initial);
  }

  /** Adopts {@code next} if it is newer; tells the listeners. Returns whether it was adopted. */
  public boolean offer(Routing next) {
    synchronized (this) {
      if (next.version() <= view.routing().version()) {
        return false;
      }
      view = viewOf(next);
    }
    listeners.forEach(listener -> listener.accept(next));
    return true;
  }

  /** Called with every routing version adopted after this call. */
  public void addListener(Consumer<Routing> listener) {
    listeners.add(listener);
  }

  @Override
  public Routing routing() {
    return view.routing();
  }

  @Override
  public NodeId self() {
    return self;
  }

  @Override
  public BucketTable table() {
    return view.routing().current();
  }

  @Override
  public Optional<InetSocketAddress> address(NodeId node) {
    return Optional.ofNullable(view.addresses().get(node));
  }

  @Override
  public Set<NodeId> knownNodes() {
    return view.addresses().keySet();
  }

  @Override
  public Optional<NodeId> nodeAt(String hostPort) {
    return Optional.ofNullable(view.byAddress().get(hostPort));
  }

  @Override
  public List<NodeId> incoming(int bucket) {
    List<List<NodeId>> incoming = view.incoming();
    return incoming.isEmpty() ? List.of() : incoming.get(bucket);
  }

  @Override
  public long transferVersion() {
    Routing routing = view.routing();
    return routing.inTransfer() ? routing.version() : 0;
  }

  private static View viewOf(Routing routing) {
    Map<NodeId, InetSocketAddress> addresses = new HashMap<>();
    Map<String, NodeId> byAddress = new HashMap<>();
    routing
        .nodes()
        .forEach(
            (id, record) -> {
              if (!record.getAddress().isEmpty()) {
                HostAndPort hp = HostAndPort.fromString(record.getAddress());
                addresses.put(id, InetSocketAddress.createUnresolved(hp.getHost(), hp.getPort()));
                byAddress.put(record.getAddress(), id);
              }
            });
    List<List<NodeId>> incoming = List.of();
    if (routing.inTransfer()) {
      incoming =
          IntStream.range(0, routing.current().bucketCount())
              .mapToObj(b -> List.copyOf(routing.incoming(b)))
              .toList();
    }
    return new View(routing, addresses, byAddress, incoming);
  }
}
