package dev.ringstore.client;

import dev.ringstore.protocol.v1.InspectResponse;
import java.util.List;

/**
 * Every primary replica's view of one key, as the node asked collected it: the key's bucket, its
 * preference list (node ids, primaries first), and per replica what it stores. Replicas that
 * disagree show where read repair or anti-entropy has work to do.
 */
public record InspectResult(int bucket, List<String> preference, List<ReplicaView> replicas) {
  public InspectResult {
    preference = List.copyOf(preference);
    replicas = List.copyOf(replicas);
  }

  static InspectResult fromWire(InspectResponse wire) {
    return new InspectResult(
        wire.getBucket(),
        wire.getPreferenceList(),
        wire.getReplicasList().stream().map(ReplicaView::fromWire).toList());
  }
}
