package dev.ringstore.client;

import dev.ringstore.protocol.v1.StatusResponse;
import java.util.List;

/**
 * The cluster as one node sees it, from {@link NodeClient#status}: every member gossip told it of,
 * with the status its failure detector judges, and the table version it routes by.
 *
 * @param node the node that answered
 * @param members the members in id order, the answering node included
 * @param tableVersion the bucket-table version the answering node routes by
 */
public record ClusterStatus(String node, List<Member> members, long tableVersion) {
  public ClusterStatus {
    members = List.copyOf(members);
  }

  /**
   * One member as the answering node sees it.
   *
   * @param id the member's node id
   * @param status joining, up, leaving, or down (the answering node's failure detector's verdict)
   * @param address where the member serves the protocol
   * @param phi the failure detector's suspicion: near 0 while heartbeats arrive, 8 means down
   * @param generation the member's incarnation; it grows with every restart
   * @param heartbeat the member's heartbeat version within its generation
   * @param tableVersion the newest bucket-table version the member reports
   * @param keys about how many keys the member stores (its storage engine's estimate)
   * @param bytes about how many bytes the member stores
   */
  public record Member(
      String id,
      String status,
      String address,
      double phi,
      long generation,
      long heartbeat,
      long tableVersion,
      long keys,
      long bytes) {}

  static ClusterStatus fromWire(StatusResponse wire) {
    return new ClusterStatus(
        wire.getNode(),
        wire.getMembersList().stream()
            .map(
                m ->
                    new Member(
                        m.getNode(),
                        m.getStatus(),
                        m.getAddress(),
                        m.getPhi(),
                        m.getGeneration(),
                        m.getHeartbeat(),
                        m.getTableVersion(),
                        m.getKeys(),
                        m.getBytes()))
            .toList(),
        wire.getTableVersion());
  }
}
