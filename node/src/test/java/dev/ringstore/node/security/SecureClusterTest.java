package dev.ringstore.node.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.ringstore.common.NodeId;
import dev.ringstore.node.server.NodeConfig;
import dev.ringstore.node.server.StorageNode;
import dev.ringstore.protocol.Connection;
import dev.ringstore.protocol.ProtocolClient;
import dev.ringstore.protocol.ProtocolLimits;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.GetRequest;
import dev.ringstore.protocol.v1.PutRequest;
import dev.ringstore.protocol.v1.ReplicaPutRequest;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.RequestOptions;
import dev.ringstore.protocol.v1.Response;
import dev.ringstore.security.CertificateAuthority;
import dev.ringstore.security.ClientSecurity;
import dev.ringstore.security.Role;
import dev.ringstore.security.SecurityConfigException;
import dev.ringstore.security.TlsFiles;
import dev.ringstore.security.TransportSecurity;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real nodes (RocksDB, loopback sockets) with mutual TLS between them: writes replicate at
 * W=3 over TLS, clients can do only what their certificate's role allows, and a node whose
 * certificate another CA signed cannot take part.
 */
@Timeout(120)
class SecureClusterTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private static CertificateAuthority ca(String cluster) {
    return CertificateAuthority.create(
        cluster, Duration.ofDays(30), Clock.systemUTC(), new SecureRandom());
  }

  private static TlsFiles issue(CertificateAuthority ca, Path where, String id, Role role)
      throws IOException {
    return ca.issue(id, role, List.of("127.0.0.1"), Duration.ofDays(1)).writeTo(where);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private Map<NodeId, InetSocketAddress> peers(int count) throws IOException {
    Map<NodeId, InetSocketAddress> peers = new LinkedHashMap<>();
    for (int k = 1; k <= count; k++) {
      peers.put(NodeId.of("n" + k), new InetSocketAddress("127.0.0.1", freePort()));
    }
    return peers;
  }

  private StorageNode start(
      NodeId id, Map<NodeId, InetSocketAddress> peers, TransportSecurity security) {
    NodeConfig config =
        NodeConfig.defaults(id, peers.get(id), dir.resolve(id.value()))
            .withCluster(NodeConfig.defaults(id, peers.get(id), dir).cluster().withPeers(peers));
    StorageNode node =
        StorageNode.start(config, InstantSource.system(), new SecureRandom(), null, security);
    open.add(node);
    return node;
  }

  private Connection connect(StorageNode node, ClientSecurity security) {
    ProtocolClient client = ProtocolClient.create(ProtocolLimits.defaults(), 1, security);
    open.add(client);
    return client.connect(node.address(), TIMEOUT).join();
  }

  private static Request put(String key, String value, int w) {
    return Request.newBuilder()
        .setPut(
            PutRequest.newBuilder()
                .setKey(ByteString.copyFromUtf8(key))
                .setValue(ByteString.copyFromUtf8(value))
                .setOptions(RequestOptions.newBuilder().setW(w).setTimeoutMs(5000)))
        .build();
  }

  private static Request get(String key, int r) {
    return Request.newBuilder()
        .setGet(
            GetRequest.newBuilder()
                .setKey(ByteString.copyFromUtf8(key))
                .setOptions(RequestOptions.newBuilder().setR(r).setTimeoutMs(5000)))
        .build();
  }

  /**
   * Sends {@code request} until it is accepted or 20 s pass: right after a start, a node may still
   * count a peer that was not listening yet as unreachable.
   */
  private static Response untilAccepted(Connection connection, Request request)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    Response response = connection.send(request, TIMEOUT).join();
    while (response.hasError() && System.nanoTime() < deadline) {
      Thread.sleep(200);
      response = connection.send(request, TIMEOUT).join();
    }
    return response;
  }

  private List<StorageNode> cluster(CertificateAuthority ca, Map<NodeId, InetSocketAddress> peers)
      throws IOException {
    List<StorageNode> nodes = new ArrayList<>();
    for (NodeId id : peers.keySet()) {
      TlsFiles files = issue(ca, dir.resolve("certs"), id.value(), Role.NODE);
      nodes.add(start(id, peers, TransportSecurity.tls(files, Optional.empty())));
    }
    return nodes;
  }

  @Test
  void writesReplicateOverMutualTlsAndRolesHold() throws Exception {
    CertificateAuthority ca = ca("prod");
    List<StorageNode> nodes = cluster(ca, peers(3));
    TlsFiles writerFiles = issue(ca, dir.resolve("certs"), "app", Role.WRITER);
    TlsFiles readerFiles = issue(ca, dir.resolve("certs"), "dashboard", Role.READER);

    Connection writer = connect(nodes.get(0), ClientSecurity.certificate(writerFiles));
    Response written = untilAccepted(writer, put("cart:1", "apples", 3));
    assertThat(written.hasError()).as("%s", written.getError()).isFalse();

    Connection reader = connect(nodes.get(2), ClientSecurity.certificate(readerFiles));
    Response read = reader.send(get("cart:1", 3), TIMEOUT).join();
    assertThat(read.getGet().getValuesList())
        .containsExactly(ByteString.copyFrom("apples", StandardCharsets.UTF_8));

    Response refused = reader.send(put("cart:1", "pears", 1), TIMEOUT).join();
    assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.UNAUTHORIZED);
    assertThat(refused.getError().getMessage()).contains("writer");

    Response forged =
        writer
            .send(
                Request.newBuilder()
                    .setReplicaPut(ReplicaPutRequest.newBuilder().setBucket(1))
                    .build(),
                TIMEOUT)
            .join();
    assertThat(forged.getError().getCode()).isEqualTo(ErrorCode.UNAUTHORIZED);
    assertThat(forged.getError().getMessage()).contains("needs role node");

    assertThat(reader.send(get("cart:1", 3), TIMEOUT).join().getGet().getValuesCount())
        .isEqualTo(1);
  }

  @Test
  void aNodeWithAnotherCasCertificateCannotTakePart() throws Exception {
    CertificateAuthority ca = ca("prod");
    CertificateAuthority stranger = ca("elsewhere");
    Map<NodeId, InetSocketAddress> peers = peers(3);
    List<StorageNode> nodes = new ArrayList<>();
    for (String id : List.of("n1", "n2")) {
      nodes.add(
          start(
              NodeId.of(id),
              peers,
              TransportSecurity.tls(
                  issue(ca, dir.resolve("certs"), id, Role.NODE), Optional.empty())));
    }
    StorageNode impostor =
        start(
            NodeId.of("n3"),
            peers,
            TransportSecurity.tls(
                issue(stranger, dir.resolve("stranger"), "n3", Role.NODE), Optional.empty()));
    TlsFiles writerFiles = issue(ca, dir.resolve("certs"), "app", Role.WRITER);
    Connection writer = connect(nodes.get(0), ClientSecurity.certificate(writerFiles));

    // W=2 succeeds on n1 and n2; W=3 needs n3, which no legitimate node can talk to.
    assertThat(untilAccepted(writer, put("k", "v", 2)).hasError()).isFalse();
    Response all = writer.send(put("k2", "v", 3), TIMEOUT).join();
    assertThat(all.getError().getCode()).isIn(ErrorCode.UNAVAILABLE, ErrorCode.TIMEOUT);

    // Nothing the impostor holds came from the cluster, and it cannot reach the cluster's data.
    Connection impostorClient =
        connect(
            impostor,
            ClientSecurity.certificate(
                issue(stranger, dir.resolve("stranger"), "app", Role.WRITER)));
    Response seen = impostorClient.send(get("k", 1), TIMEOUT).join();
    assertThat(seen.hasError() || !seen.getGet().getFound()).isTrue();
  }

  @Test
  void aNodeRefusesACertificateThatIsNotItsOwn() throws Exception {
    CertificateAuthority ca = ca("prod");
    Map<NodeId, InetSocketAddress> peers = peers(1);
    TlsFiles n2 = issue(ca, dir.resolve("certs"), "n2", Role.NODE);
    TlsFiles admin = issue(ca, dir.resolve("certs"), "root", Role.ADMIN);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> start(NodeId.of("n1"), peers, TransportSecurity.tls(n2, Optional.empty())))
        .isInstanceOf(SecurityConfigException.class)
        .hasMessageContaining("names node 'n2'");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> start(NodeId.of("n1"), peers, TransportSecurity.tls(admin, Optional.empty())))
        .isInstanceOf(SecurityConfigException.class)
        .hasMessageContaining("--role node");
  }
}
