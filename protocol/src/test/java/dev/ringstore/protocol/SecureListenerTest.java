package dev.ringstore.protocol;

import static dev.ringstore.protocol.WireFrames.bytes;
import static dev.ringstore.protocol.WireFrames.found;
import static dev.ringstore.protocol.WireFrames.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.ringstore.protocol.v1.ConfigCommand;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.GossipMessage;
import dev.ringstore.protocol.v1.HeartbeatCommand;
import dev.ringstore.protocol.v1.PlanCommand;
import dev.ringstore.protocol.v1.PutRequest;
import dev.ringstore.protocol.v1.ReplicaPutRequest;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import dev.ringstore.security.ClientSecurity;
import dev.ringstore.security.Role;
import dev.ringstore.security.TlsContexts;
import dev.ringstore.security.TokenStore;
import dev.ringstore.security.TransportSecurity;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A listener with TLS, client certificates and tokens, on real sockets: who gets through the
 * handshake, and which requests each identity may send.
 */
@Timeout(60)
class SecureListenerTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private TestCertificates certs;
  private ProtocolServer server;
  private final AtomicInteger handled = new AtomicInteger();
  private String readerToken;
  private final java.util.List<ProtocolClient> clients = new java.util.ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    certs = new TestCertificates(dir.resolve("cluster"), "cluster");
    Path tokens = dir.resolve("tokens");
    readerToken = TokenStore.issue(tokens, "dashboard", Role.READER, new SecureRandom());
    TransportSecurity security =
        TransportSecurity.tls(certs.issue("n1", Role.NODE), Optional.of(TokenStore.load(tokens)));
    server =
        ProtocolServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            request -> {
              handled.incrementAndGet();
              return CompletableFuture.completedFuture(found("ok"));
            },
            ProtocolLimits.defaults(),
            security);
  }

  @AfterEach
  void stop() {
    clients.forEach(ProtocolClient::close);
    server.close();
  }

  private Connection connect(ClientSecurity security) {
    ProtocolClient client = ProtocolClient.create(ProtocolLimits.defaults(), 1, security);
    clients.add(client);
    return client.connect(server.localAddress()).join();
  }

  private Connection as(String id, Role role) {
    return connect(ClientSecurity.certificate(certs.issue(id, role)));
  }

  private static Response send(Connection connection, Request request) {
    return connection.send(request, TIMEOUT).join();
  }

  private static Request put(String key) {
    return Request.newBuilder()
        .setPut(PutRequest.newBuilder().setKey(ByteString.copyFromUtf8(key)))
        .build();
  }

  @Test
  void plainTcpFailsTheHandshakeAndNothingIsProcessed() throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(server.localAddress(), 5000);
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(bytes(Frame.request(1, get("k"))));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      byte[] answer = in.readAllBytes(); // the server closes; any bytes are a TLS alert
      assertThat(new String(answer, java.nio.charset.StandardCharsets.ISO_8859_1))
          .doesNotContain("ok");
    }
    assertThat(handled).hasValue(0);
  }

  @Test
  void aCertificateFromAnotherCaIsRefusedAtTheHandshake() {
    TestCertificates other = new TestCertificates(dir.resolve("other"), "other");
    assertThatThrownBy(() -> connect(ClientSecurity.certificate(other.issue("n1", Role.NODE))))
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(RingstoreException.class)
        .hasMessageContaining("TLS handshake");
    assertThat(handled).hasValue(0);
  }

  @Test
  void anExpiredCertificateIsRefusedAtTheHandshake() {
    // In TLS 1.3 the client's handshake may complete before the server has checked the client's
    // certificate; the server's alert then closes the connection, so the first request fails.
    assertThatThrownBy(
            () ->
                send(
                    connect(ClientSecurity.certificate(certs.issueExpired("old", Role.WRITER))),
                    get("k")))
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(RingstoreException.class);
    assertThat(handled).hasValue(0);
  }

  @Test
  void withoutACertificateOrTokenEveryRequestIsUnauthorized() {
    ProtocolClient client =
        ProtocolClient.create(
            ProtocolLimits.defaults(),
            1,
            ch ->
                ch.pipeline()
                    .addLast(
                        TlsContexts.clientWithoutCertificate(certs.ca()).newHandler(ch.alloc())));
    clients.add(client);
    Connection anonymous = client.connect(server.localAddress()).join();

    Response response = send(anonymous, get("k"));
    assertThat(response.getError().getCode()).isEqualTo(ErrorCode.UNAUTHORIZED);
    assertThat(response.getError().getMessage()).contains("not authenticated").contains("reader");
    assertThat(handled).hasValue(0);
  }

  @Test
  void aReaderMayGetButNotPut() {
    Connection reader = as("alice", Role.READER);

    assertThat(send(reader, get("k"))).isEqualTo(found("ok"));
    Response refused = send(reader, put("k"));
    assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.UNAUTHORIZED);
    assertThat(refused.getError().getMessage()).contains("put needs role writer").contains("alice");
    assertThat(handled).hasValue(1);
  }

  @Test
  void aTokenAuthenticatesAClientWithoutACertificate() {
    Connection dashboard = connect(ClientSecurity.token(certs.ca(), readerToken));
    assertThat(send(dashboard, get("k"))).isEqualTo(found("ok"));
    assertThat(send(dashboard, put("k")).getError().getCode()).isEqualTo(ErrorCode.UNAUTHORIZED);

    assertThatThrownBy(() -> connect(ClientSecurity.token(certs.ca(), readerToken + "x")))
        .hasMessageContaining("refused the token");
  }

  @Test
  void noClientIdentityMaySendReplicaGossipOrNodeReports() {
    Connection admin = as("root", Role.ADMIN);
    Request replicaPut =
        Request.newBuilder().setReplicaPut(ReplicaPutRequest.getDefaultInstance()).build();
    Request gossip =
        Request.newBuilder().setGossip(GossipMessage.newBuilder().setFrom("root")).build();
    Request heartbeat =
        Request.newBuilder()
            .setConfigCommand(
                ConfigCommand.newBuilder()
                    .setHeartbeat(HeartbeatCommand.newBuilder().setNode("n1")))
            .build();
    for (Request request : java.util.List.of(replicaPut, gossip, heartbeat)) {
      Response response = send(admin, request);
      assertThat(response.getError().getCode()).isEqualTo(ErrorCode.UNAUTHORIZED);
      assertThat(response.getError().getMessage()).contains("needs role node");
    }
    Request plan =
        Request.newBuilder()
            .setConfigCommand(ConfigCommand.newBuilder().setPlan(PlanCommand.getDefaultInstance()))
            .build();
    assertThat(send(admin, plan)).isEqualTo(found("ok"));
    assertThat(send(as("app", Role.WRITER), plan).getError().getMessage())
        .contains("needs role admin");
  }

  @Test
  void aNodeMayReportOnlyForItself() {
    Connection n2 = as("n2", Role.NODE);
    Request forN1 =
        Request.newBuilder()
            .setConfigCommand(
                ConfigCommand.newBuilder()
                    .setHeartbeat(HeartbeatCommand.newBuilder().setNode("n1")))
            .build();
    Request forN2 =
        forN1.toBuilder()
            .setConfigCommand(
                ConfigCommand.newBuilder()
                    .setHeartbeat(HeartbeatCommand.newBuilder().setNode("n2")))
            .build();

    assertThat(send(n2, forN1).getError().getMessage()).contains("only for itself");
    Request gossipAsN1 =
        Request.newBuilder().setGossip(GossipMessage.newBuilder().setFrom("n1")).build();
    assertThat(send(n2, gossipAsN1).getError().getCode()).isEqualTo(ErrorCode.UNAUTHORIZED);
    assertThat(
            send(
                n2,
                gossipAsN1.toBuilder().setGossip(GossipMessage.newBuilder().setFrom("n2")).build()))
        .isEqualTo(found("ok"));
    assertThat(send(n2, forN2)).isEqualTo(found("ok"));
    assertThat(send(n2, put("k"))).isEqualTo(found("ok"));
  }

  @Test
  void aMissingKeyFileFailsAtStartupNamingIt() throws IOException {
    var files = certs.issue("n3", Role.NODE);
    Files.delete(files.key());
    assertThatThrownBy(() -> TransportSecurity.tls(files, Optional.empty()))
        .hasMessageContaining("n3.key");
  }
}
