package dev.ringstore.config.raft;

import dev.ringstore.config.RaftTimings;
import dev.ringstore.config.SnapshotPolicy;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.client.retry.RequestTypeDependentRetryPolicy;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.proto.RaftProtos.RaftClientRequestProto.TypeCase;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.retry.RetryPolicy;
import org.apache.ratis.rpc.SupportedRpcType;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.TimeDuration;

/**
 * Turns Ringstore's timings and snapshot policy into Ratis's typed configuration keys. Every key
 * the config service sets is set here, with the reason beside it; every other key keeps its Ratis
 * default.
 */
final class RatisSettings {
  /** Pause between two attempts of a client request (to the next replica, or after an election). */
  private static final TimeDuration RETRY_SLEEP = TimeDuration.valueOf(100, TimeUnit.MILLISECONDS);

  /** Ratis's default retry-cache expiry; it must outlive a client's retries to keep them exact. */
  private static final Duration MIN_RETRY_CACHE_EXPIRY = Duration.ofSeconds(60);

  private RatisSettings() {}

  static RaftProperties server(
      InetSocketAddress bind, Path dataDir, RaftTimings timings, SnapshotPolicy snapshots) {
    RaftProperties p = new RaftProperties();
    // The gRPC transport (it has TLS; Ratis's Netty transport has none), on the replica's own
    // address. The client and admin services keep their port keys unset, so Ratis serves them on
    // this same port: one Raft port per replica, as the peers map names it.
    RaftConfigKeys.Rpc.setType(p, SupportedRpcType.GRPC);
    GrpcConfigKeys.Server.setHost(p, bind.getHostString());
    GrpcConfigKeys.Server.setPort(p, bind.getPort());
    RaftServerConfigKeys.setStorageDir(p, List.of(dataDir.toFile()));
    // Election timeouts; the leader heartbeats at half the minimum. The first election after a
    // start uses the same range (Ratis falls back to these when its first-election keys are unset).
    RaftServerConfigKeys.Rpc.setTimeoutMin(p, duration(timings.electionTimeoutMin()));
    RaftServerConfigKeys.Rpc.setTimeoutMax(p, duration(timings.electionTimeoutMax()));
    RaftServerConfigKeys.Rpc.setRequestTimeout(p, duration(timings.requestTimeout()));
    // Linearizable reads by ReadIndex (Raft thesis, section 6.4): the leader confirms it still
    // leads with a heartbeat round before it answers. The default option answers from the leader's
    // state without that check, which a deposed leader could serve stale. Leader leases stay off:
    // they trade that round trip for an assumption about bounded clock drift.
    RaftServerConfigKeys.Read.setOption(p, RaftServerConfigKeys.Read.Option.LINEARIZABLE);
    RaftServerConfigKeys.Read.setTimeout(p, duration(timings.commitDeadline()));
    // Snapshots every N applied entries, taken by Ratis's state-machine updater thread, so a
    // snapshot always sits between two applied entries. Older snapshot files beyond the
    // retention count are deleted (Ratis's default keeps them all).
    RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(p, true);
    RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(p, snapshots.entriesBetweenSnapshots());
    RaftServerConfigKeys.Snapshot.setRetentionFileNum(p, snapshots.retainedSnapshots());
    // No extra snapshot at shutdown (Ratis's default takes one): a restart then always takes the
    // path a crash takes, restoring the latest snapshot and re-applying the log after it.
    RaftServerConfigKeys.Snapshot.setTriggerWhenStopEnabled(p, false);
    // The retry cache makes a retried command apply once; it must outlive the client's deadline.
    Duration expiry = max(MIN_RETRY_CACHE_EXPIRY, timings.commitDeadline().multipliedBy(2));
    RaftServerConfigKeys.RetryCache.setExpiryTime(p, duration(expiry));
    return p;
  }

  static RaftProperties client(RaftTimings timings) {
    RaftProperties p = new RaftProperties();
    RaftConfigKeys.Rpc.setType(p, SupportedRpcType.GRPC);
    // One attempt's timeout; attempts repeat (see retryPolicy) until the commit deadline.
    RaftClientConfigKeys.Rpc.setRequestTimeout(p, duration(timings.requestTimeout()));
    return p;
  }

  /**
   * Writes and reads retry (after a pause, to whichever replica the last reply named as leader)
   * until the commit deadline has passed since the request was first sent. Ratis's default retries
   * forever.
   */
  static RetryPolicy retryPolicy(RaftTimings timings) {
    RetryPolicy untilDeadline = RetryPolicies.retryForeverWithSleep(RETRY_SLEEP);
    TimeDuration deadline = duration(timings.commitDeadline());
    return RequestTypeDependentRetryPolicy.newBuilder()
        .setRetryPolicy(TypeCase.WRITE, untilDeadline)
        .setTimeout(TypeCase.WRITE, deadline)
        .setRetryPolicy(TypeCase.READ, untilDeadline)
        .setTimeout(TypeCase.READ, deadline)
        .build();
  }

  private static TimeDuration duration(Duration d) {
    return TimeDuration.valueOf(d.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
