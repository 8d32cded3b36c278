package dev.ringstore.config.raft;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ringstore.config.ConsensusUnavailableException;
import dev.ringstore.config.GroupStatus;
import dev.ringstore.config.RaftTimings;
import dev.ringstore.config.ReplicaId;
import dev.ringstore.config.SnapshotPolicy;
import dev.ringstore.security.Role;
import dev.ringstore.security.TlsFiles;
import dev.ringstore.security.TransportSecurity;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three replicas whose Raft traffic runs over mutual TLS: they elect, commit and fail over as
 * without it, and a peer without a config certificate from the cluster's CA (another CA's, an
 * expired one, a node's, or none) is refused at the handshake, so it never votes, never receives
 * the log and never gets a command committed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MutualTlsTest {
  /** Generous, for a loaded CI box: an election here takes 2-7 s. */
  private static final Duration WITHIN = Duration.ofSeconds(30);

  private static final ReplicaId OUTSIDER = ReplicaId.of("c3");
  private static final List<Long> COMMITTED = List.of(1L, 2L, 3L);

  @TempDir Path root;

  @Test
  void aGroupWithMutualTlsElectsCommitsAndSurvivesALeaderRestart() throws Exception {
    ReplicaCertificates cluster = ReplicaCertificates.newAuthority("test", root.resolve("certs"));
    LocalGroup group = newGroup();
    group.ids().forEach(id -> group.secure(id, cluster.replica(id)));
    try (group) {
      long starting = System.nanoTime();
      group.startAll();
      ReplicaId leader = group.awaitLeader(WITHIN);
      System.out.printf(
          "mutual TLS: %s leads %d ms after the start%n",
          leader, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - starting));
      submit(group, leader, 1);
      submit(group, leader, 2);
      submit(group, group.othersThan(leader).get(0), 3); // a follower's client, to the leader
      group.awaitAllHold(COMMITTED, WITHIN);

      long term = group.replica(leader).status().term();
      group.kill(leader);
      ReplicaId next = group.awaitLeader(term, WITHIN);
      submit(group, next, 4);
      group.start(leader);
      submit(group, leader, 5); // the restarted replica's own client, over TLS again
      group.awaitAllHold(List.of(1L, 2L, 3L, 4L, 5L), WITHIN);
      group.assertAtMostOneLeaderPerTerm();
    }
  }

  @Test
  void aReplicaWithAnotherCasCertificateIsShutOut() throws Exception {
    ReplicaCertificates cluster = ReplicaCertificates.newAuthority("test", root.resolve("certs"));
    ReplicaCertificates other = ReplicaCertificates.newAuthority("other", root.resolve("other"));
    assertShutOut(cluster, other.replica(OUTSIDER));
  }

  @Test
  void aReplicaWithAnExpiredCertificateIsShutOut() throws Exception {
    ReplicaCertificates cluster = ReplicaCertificates.newAuthority("test", root.resolve("certs"));
    assertShutOut(cluster, cluster.expired(OUTSIDER));
  }

  @Test
  void aReplicaWithoutTlsIsShutOut() throws Exception {
    ReplicaCertificates cluster = ReplicaCertificates.newAuthority("test", root.resolve("certs"));
    assertShutOut(cluster, TransportSecurity.open());
  }

  @Test
  void aClientThatTrustsTheCaButHasNoCertificateIsRefused() throws Exception {
    ReplicaCertificates cluster = ReplicaCertificates.newAuthority("test", root.resolve("certs"));
    assertRefusesClient(
        cluster, new GrpcTlsConfig((File) null, null, cluster.caCertificate().toFile(), false));
  }

  @Test
  void aClientWithANodesCertificateFromTheClustersCaIsRefused() throws Exception {
    ReplicaCertificates cluster = ReplicaCertificates.newAuthority("test", root.resolve("certs"));
    TlsFiles node = cluster.files("n1", Role.NODE);
    assertRefusesClient(
        cluster,
        new GrpcTlsConfig(
            node.key().toFile(), node.certificate().toFile(), node.ca().toFile(), true));
  }

  /**
   * A raw Ratis client with {@code tls} sends a command to a group with mutual TLS: it fails, the
   * command is never applied, and the group goes on committing its replicas' commands.
   */
  private void assertRefusesClient(ReplicaCertificates cluster, GrpcTlsConfig tls)
      throws Exception {
    LocalGroup group = newGroup();
    group.ids().forEach(id -> group.secure(id, cluster.replica(id)));
    try (group) {
      group.startAll();
      ReplicaId leader = group.awaitLeader(WITHIN);
      submit(group, leader, 1);

      Parameters parameters = new Parameters();
      GrpcConfigKeys.Client.setTlsConf(parameters, tls);
      GrpcConfigKeys.Admin.setTlsConf(parameters, tls);
      try (RaftClient client =
          RaftClient.newBuilder()
              .setClientId(ClientId.randomId())
              .setRaftGroup(GroupLayout.of(leader, group.peers()).group())
              .setProperties(RatisSettings.client(RaftTimings.DEFAULT))
              .setParameters(parameters)
              .setRetryPolicy(RatisSettings.retryPolicy(RaftTimings.DEFAULT))
              .build()) {
        Throwable refused =
            catchThrowable(
                () -> {
                  RaftClientReply reply = client.io().send(message(99));
                  if (!reply.isSuccess()) {
                    throw reply.getException();
                  }
                });
        assertThat(refused).as("the outside client's command").isNotNull();
      }
      submit(group, leader, 2);
      group.awaitAllHold(List.of(1L, 2L), WITHIN);
    }
  }

  /**
   * Starts c1 and c2 with the cluster's certificates and {@link #OUTSIDER} with {@code outsider}:
   * the two form the majority and commit; the outsider's own client fails for the whole commit
   * deadline, and in all that time (many heartbeats, several election timeouts) it learns nothing.
   */
  private void assertShutOut(ReplicaCertificates cluster, TransportSecurity outsider)
      throws Exception {
    LocalGroup group = newGroup();
    List<ReplicaId> insiders = group.ids().stream().filter(id -> !id.equals(OUTSIDER)).toList();
    insiders.forEach(id -> group.secure(id, cluster.replica(id)));
    group.secure(OUTSIDER, outsider);
    try (group) {
      group.startAll();
      ReplicaId leader = group.awaitLeader(WITHIN);
      assertThat(leader).isNotEqualTo(OUTSIDER);
      for (long v : COMMITTED) {
        submit(group, leader, v);
      }
      LocalGroup.await(
          () -> insiders.stream().allMatch(id -> group.state(id).values().equals(COMMITTED)),
          WITHIN,
          () -> "the two insiders never both held " + COMMITTED + ": " + group.currentValues());

      assertThatThrownBy(
              () -> group.replica(OUTSIDER).submit(AppendOnlyLongs.command(99)).get(30, SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(ConsensusUnavailableException.class);

      GroupStatus seen = group.replica(OUTSIDER).status();
      assertThat(seen.leader()).as("the leader the outsider knows of").isEmpty();
      assertThat(seen.lastAppliedIndex())
          .as("the outsider's applied index")
          .isLessThan(group.replica(leader).status().lastAppliedIndex());
      assertThat(group.state(OUTSIDER).values()).as("the outsider's state").isEmpty();
      for (ReplicaId id : insiders) {
        assertThat(group.state(id).values()).as("%s's state", id).isEqualTo(COMMITTED);
      }
      assertThat(group.replica(leader).status().isLeader()).as("the leader still leads").isTrue();
    }
  }

  private LocalGroup newGroup() {
    return new LocalGroup(3, root.resolve("data"), RaftTimings.DEFAULT, SnapshotPolicy.DEFAULT);
  }

  private static void submit(LocalGroup group, ReplicaId via, long value) throws Exception {
    group.replica(via).submit(AppendOnlyLongs.command(value)).get(30, SECONDS);
  }

  private static Message message(long value) {
    return Message.valueOf(ByteString.copyFrom(AppendOnlyLongs.command(value)));
  }
}
