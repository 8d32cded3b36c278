package dev.ringstore.config;

import dev.ringstore.common.NodeId;
import dev.ringstore.protocol.v1.HeartbeatCommand;
import java.util.HashMap;
import java.util.Map;

/**
 * The heartbeats a config replica received as queries, in memory only: the newest report of each
 * node and when it was sent. Not replicated, so a new leader starts empty and shows the replicated
 * reports (at most {@code ConfigClient.LOGGED_HEARTBEAT_EVERY} old) until the nodes' next beats.
 * Guarded by the {@link ConfigState} that owns it.
 */
final class LiveReports {
  record Live(HeartbeatCommand report, long atMillis) {}

  private final Map<NodeId, Live> reports = new HashMap<>();

  void put(NodeId node, HeartbeatCommand report, long atMillis) {
    Live before = reports.get(node);
    if (before == null || before.atMillis() <= atMillis) {
      reports.put(node, new Live(report, atMillis));
    }
  }

  /** The newer of the replicated report and the live one, or null when there is neither. */
  Live newest(NodeId node, HeartbeatCommand replicated, long replicatedAtMillis) {
    Live mine = reports.get(node);
    if (replicated == null) {
      return mine;
    }
    if (mine == null || mine.atMillis() < replicatedAtMillis) {
      return new Live(replicated, replicatedAtMillis);
    }
    return mine;
  }
}
