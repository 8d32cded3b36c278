package dev.ringstore.node.report;

import dev.ringstore.common.NodeId;
import dev.ringstore.gossip.LoadSummary;
import dev.ringstore.gossip.MemberView;
import dev.ringstore.gossip.Membership;
import dev.ringstore.node.antientropy.AntiEntropyMetrics;
import dev.ringstore.node.cluster.ClusterView;
import dev.ringstore.node.handoff.HintQueues;
import dev.ringstore.node.transfer.TransferProgress;
import dev.ringstore.ring.Member;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The node's own report (docs/console.md, "Node report"): who it is, each member as its gossip sees
 * it, the hints it holds, how its anti-entropy and transfers go, and its metric history. The
 * console reads it from every node, so that it needs neither a Prometheus server nor the binary
 * protocol. Built as plain maps in the documented field order; each call reads the sources afresh.
 */
public final class NodeReport {
  private final String address;
  private final Supplier<String> http;
  private final ClusterView cluster;
  private final Membership membership;
  private final NodeHistory history;
  private final HintQueues hints;
  private final AntiEntropyMetrics antiEntropy;
  private final Supplier<TransferProgress.Snapshot> transfer;

  /**
   * @param address where this node serves the protocol, {@code host:port}
   * @param http where it serves HTTP, {@code host:port}, or null; asked per report, as the port is
   *     known only once the HTTP server that serves this report has bound
   */
  public NodeReport(
      String address,
      Supplier<String> http,
      ClusterView cluster,
      Membership membership,
      NodeHistory history,
      HintQueues hints,
      AntiEntropyMetrics antiEntropy,
      Supplier<TransferProgress.Snapshot> transfer) {
    this.address = address;
    this.http = http;
    this.cluster = cluster;
    this.membership = membership;
    this.history = history;
    this.hints = hints;
    this.antiEntropy = antiEntropy;
    this.transfer = transfer;
  }

  /** {@code GET /api/v1/node}. */
  public Map<String, Object> node() {
    NodeId self = cluster.self();
    var own = membership.member(self);
    LoadSummary load = own.map(m -> m.state().load()).orElse(LoadSummary.EMPTY);
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("id", self.value());
    node.put("address", address);
    node.put("http", http.get());
    node.put("zone", cluster.table().member(self).map(Member::zone).orElse(null));
    node.put("generation", own.map(MemberView::generation).orElse(0L));
    node.put("tableVersion", cluster.table().version());
    node.put("keys", load.keys());
    node.put("bytes", load.bytes());
    node.put("members", membership.members().stream().map(this::member).toList());
    node.put("hints", hints.held().stream().map(NodeReport::held).toList());
    node.put("antiEntropy", antiEntropy());
    TransferProgress.Snapshot progress = transfer.get();
    Map<String, Object> moving = new LinkedHashMap<>();
    moving.put("pendingBuckets", progress.pending());
    moving.put("bytesMoved", progress.bytesMoved());
    moving.put("bytesPerSecond", progress.bytesPerSecond());
    node.put("transfer", moving);
    return node;
  }

  /** {@code GET /api/v1/node/metrics}. */
  public Map<String, Object> metrics() {
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("intervalMillis", MetricHistory.INTERVAL.toMillis());
    metrics.put("samples", history.metrics().samples());
    return metrics;
  }

  private Map<String, Object> member(MemberView member) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", member.id().value());
    view.put("status", member.status().name().toLowerCase(Locale.ROOT));
    view.put("address", member.address());
    view.put("phi", PhiHistory.phi(member));
    view.put("phiHistory", history.phi().history(member.id()));
    view.put("generation", member.generation());
    view.put("heartbeat", member.state().version());
    view.put("tableVersion", member.state().tableVersion());
    return view;
  }

  private static Map<String, Object> held(HintQueues.Held held) {
    Map<String, Object> queue = new LinkedHashMap<>();
    queue.put("target", held.target().value());
    queue.put("count", held.hints());
    queue.put("bytes", held.bytes());
    return queue;
  }

  /** Every other member of the table, and any peer exchanged with; null for never. */
  private Map<String, Object> antiEntropy() {
    Map<String, Long> last = new TreeMap<>();
    for (Member member : cluster.table().members()) {
      if (!member.id().equals(cluster.self())) {
        last.put(member.id().value(), null);
      }
    }
    antiEntropy.lastExchanges().forEach((peer, at) -> last.put(peer.value(), at));
    Map<String, Object> section = new LinkedHashMap<>();
    section.put("lastExchangeMillis", last);
    section.put("keysRepaired", (long) antiEntropy.repairedCount());
    return section;
  }
}
