package dev.ringstore.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.common.NodeId;
import dev.ringstore.config.client.Routing;
import dev.ringstore.protocol.ProtocolLimits;
import dev.ringstore.protocol.ProtocolServer;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ConfigReply;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.GetResponse;
import dev.ringstore.protocol.v1.NodeRecord;
import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.Response;
import dev.ringstore.ring.BucketTable;
import dev.ringstore.ring.Member;
import dev.ringstore.ring.RingSettings;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The default transport over real sockets: a fixed pool of multiplexed connections per node, each
 * passing the channel hook once, a dead node failing fast with UNAVAILABLE, and a node that comes
 * back on its port reconnected without the client being rebuilt.
 */
@Timeout(60)
class PooledTransportTest {

  @Test
  void requestsShareAPoolOfConnectionsThatReconnectsWhenTheNodeComesBack() {
    ProtocolServer server = serve(new InetSocketAddress("127.0.0.1", 0));
    InetSocketAddress address = server.localAddress();
    String node = "127.0.0.1:" + address.getPort();
    AtomicInteger channels = new AtomicInteger();
    try (RingstoreClient client =
        RingstoreClient.builder()
            .seeds(node)
            .poolSize(2)
            .channelHook(channel -> channels.incrementAndGet())
            .retry(RetryPolicy.none())
            .build()) {
      List<CompletableFuture<GetResult<String>>> reads =
          java.util.stream.IntStream.range(0, 50)
              .mapToObj(i -> client.strings().get("k" + i))
              .toList();
      reads.forEach(read -> assertThat(read.join().isFound()).isFalse());
      assertThat(channels).hasValue(2);

      server.close();
      assertThatThrownBy(() -> client.strings().sync().get("k"))
          .isInstanceOf(RingstoreException.class)
          .extracting(e -> ((RingstoreException) e).code())
          .isEqualTo(ErrorCode.UNAVAILABLE);

      server = serve(address);
      assertThat(client.strings().sync().get("k").isFound()).isFalse();
    } finally {
      server.close();
    }
  }

  @Test
  void connectionsTheNodeClosedForIdlingAreReopenedByTheNextRequest() throws InterruptedException {
    ProtocolServer server =
        serve(
            new InetSocketAddress("127.0.0.1", 0),
            ProtocolLimits.defaults().withIdleTimeout(Duration.ofMillis(500)));
    String node = "127.0.0.1:" + server.localAddress().getPort();
    List<SocketChannel> channels = new CopyOnWriteArrayList<>();
    try (RingstoreClient client =
        RingstoreClient.builder()
            .seeds(node)
            .poolSize(1)
            .channelHook(channels::add)
            .retry(RetryPolicy.none())
            .build()) {
      assertThat(client.strings().sync().get("k").isFound()).isFalse();
      int opened = channels.size();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      // Until the client has seen the server's close: a request racing the close itself can fail.
      while (channels.stream().anyMatch(SocketChannel::isOpen)) {
        assertThat(System.nanoTime()).as("idle connections closed").isLessThan(deadline);
        Thread.sleep(20);
      }

      // No retry policy: the request itself must find the closed connection and open another.
      assertThat(client.strings().sync().get("k").isFound()).isFalse();
      assertThat(channels.size()).isGreaterThan(opened);
    } finally {
      server.close();
    }
  }

  private static ProtocolServer serve(InetSocketAddress address) {
    return serve(address, ProtocolLimits.defaults());
  }

  private static ProtocolServer serve(InetSocketAddress address, ProtocolLimits limits) {
    ProtocolServer[] self = new ProtocolServer[1];
    self[0] =
        ProtocolServer.start(address, request -> answer(request, self[0].localAddress()), limits);
    return self[0];
  }

  private static CompletableFuture<Response> answer(Request request, InetSocketAddress self) {
    if (request.hasConfigQuery()) {
      NodeId n1 = NodeId.of("n1");
      BucketTable table =
          BucketTable.initial(List.of(new Member(n1, null)), new RingSettings(64, 1, 16));
      Routing routing =
          new Routing(
              1,
              table,
              null,
              Map.of(
                  n1,
                  NodeRecord.newBuilder()
                      .setId("n1")
                      .setAddress("127.0.0.1:" + self.getPort())
                      .build()));
      return CompletableFuture.completedFuture(
          Response.newBuilder()
              .setConfig(ConfigReply.newBuilder().setTable(routing.toProto()))
              .build());
    }
    return CompletableFuture.completedFuture(
        Response.newBuilder().setGet(GetResponse.getDefaultInstance()).build());
  }
}
