package dev.ringstore.node.coordinator;

import com.google.protobuf.ByteString;
import dev.ringstore.common.NodeId;
import dev.ringstore.common.versioning.DottedVersionVectorSet;
import dev.ringstore.node.cluster.ClusterView;
import dev.ringstore.node.storage.StoredSetLimits;
import dev.ringstore.protocol.v1.InspectResponse;
import dev.ringstore.protocol.v1.ReplicaView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code ringstore inspect}: asks every node of a key's preference list for its own copy, whatever
 * liveness believes, and reports each answer side by side — the tool for seeing replicas diverge
 * and converge. Reads only; it repairs nothing.
 */
public final class ReplicaInspector {
  private final ClusterView cluster;
  private final Replicas replicas;

  public ReplicaInspector(ClusterView cluster, Replicas replicas) {
    this.cluster = cluster;
    this.replicas = replicas;
  }

  public CompletableFuture<InspectResponse> inspect(byte[] key, Duration timeout) {
    int bucket = cluster.table().bucketOf(key);
    List<NodeId> preference = cluster.table().preferenceList(bucket).nodes();
    List<CompletableFuture<ReplicaView>> views = new ArrayList<>();
    for (NodeId node : preference) {
      views.add(
          replicas
              .read(Target.primary(node), bucket, key, timeout)
              .handle((set, failure) -> view(node, set, failure)));
    }
    return CompletableFuture.allOf(views.toArray(CompletableFuture[]::new))
        .thenApply(
            done ->
                InspectResponse.newBuilder()
                    .setBucket(bucket)
                    .addAllPreference(preference.stream().map(NodeId::value).toList())
                    .addAllReplicas(withinOneReply(views.stream().map(CompletableFuture::join)))
                    .build());
  }

  /**
   * The views, their values left out (sizes kept) when all of them would not fit in one reply: a
   * key at the stored-set limit on three replicas is still inspectable.
   */
  private static List<ReplicaView> withinOneReply(Stream<ReplicaView> views) {
    List<ReplicaView> all = views.toList();
    long valueBytes =
        all.stream().flatMap(v -> v.getValueSizesList().stream()).mapToLong(Long::longValue).sum();
    if (valueBytes <= StoredSetLimits.MAX_SET_BYTES) {
      return all;
    }
    return all.stream()
        .map(v -> v.toBuilder().clearValues().setValuesOmitted(true).build())
        .toList();
  }

  private static ReplicaView view(NodeId node, DottedVersionVectorSet set, Throwable failure) {
    ReplicaView.Builder view = ReplicaView.newBuilder().setNode(node.value());
    if (failure != null) {
      return view.setReachable(false).setError(Failures.unwrap(failure).getMessage()).build();
    }
    view.setReachable(true)
        .setFound(set.isFound())
        .setContext(ByteString.copyFrom(set.context().toBytes()))
        .setClock(clock(set));
    for (byte[] value : set.values()) {
      view.addValues(ByteString.copyFrom(value)).addValueSizes(value.length);
    }
    return view.build();
  }

  /** The version vector, then each sibling's dot: {@code {n1#…=3, n2#…=1} dots [n1#…:3]}. */
  static String clock(DottedVersionVectorSet set) {
    return set.context().versionVector()
        + " dots "
        + set.siblings().stream()
            .map(s -> s.dot() + (s.isTombstone() ? " (deleted)" : ""))
            .collect(Collectors.joining(", ", "[", "]"));
  }
}
