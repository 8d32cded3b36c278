package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@code ringstore local} waits for before it reports a cluster started. */
class LocalReadinessTest {
  private static final List<String> CLUSTER = List.of("n1", "n2", "n3");
  private final AtomicReference<String> body = new AtomicReference<>();
  private HttpServer server;
  private InetSocketAddress address;

  @BeforeEach
  void serveHealth() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/health",
        exchange -> {
          byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    address = server.getAddress();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aNodeWhoseTableLacksANodeIsNotReady() throws Exception {
    body.set("{\"status\":\"up\",\"tableVersion\":2,\"members\":2,\"unreachable\":[]}");
    assertThat(new LocalReadiness().notReady(address, CLUSTER))
        .contains("its table (version 2) holds 2 of 3 nodes");
  }

  @Test
  void aNodeThatCountsAPeerDownIsNotReady() throws Exception {
    body.set("{\"status\":\"up\",\"tableVersion\":3,\"members\":3,\"unreachable\":[\"n2\"]}");
    assertThat(new LocalReadiness().notReady(address, CLUSTER))
        .contains("believes [n2] unreachable");
  }

  @Test
  void aMemberOutsideTheLocalClusterMayBeUnreachable() throws Exception {
    body.set("{\"status\":\"up\",\"tableVersion\":4,\"members\":4,\"unreachable\":[\"n9\"]}");
    assertThat(new LocalReadiness().notReady(address, CLUSTER)).isEmpty();
  }

  @Test
  void aNodeWithEveryMemberInItsTableAndReachableIsReady() throws Exception {
    body.set("{\"status\":\"up\",\"tableVersion\":3,\"members\":3,\"unreachable\":[]}");
    assertThat(new LocalReadiness().notReady(address, CLUSTER)).isEmpty();
  }

  @Test
  void aNodeThatDoesNotAnswerIsNotReady() throws Exception {
    server.stop(0);
    assertThat(new LocalReadiness().notReady(address, CLUSTER))
        .hasValueSatisfying(why -> assertThat(why).startsWith("/health did not answer"));
  }
}
