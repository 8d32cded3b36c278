package dev.ringstore.protocol;

import static dev.ringstore.protocol.WireFrames.bytes;
import static dev.ringstore.protocol.WireFrames.found;
import static dev.ringstore.protocol.WireFrames.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.protocol.v1.ErrorCode;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Raw sockets that do not speak the protocol properly: the server must shrug them off. */
@Timeout(60)
class HostilePeerIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ProtocolServer server =
      ProtocolServer.start(
          new InetSocketAddress("127.0.0.1", 0),
          request -> CompletableFuture.completedFuture(found("ok")),
          ProtocolLimits.defaults());
  private final ProtocolClient client = ProtocolClient.create(ProtocolLimits.defaults());

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private Socket rawSocket() throws IOException {
    Socket socket = new Socket();
    socket.connect(server.localAddress(), 5000);
    socket.setSoTimeout(10_000);
    return socket;
  }

  private void assertAFreshConnectionWorks() {
    Connection connection = client.connect(server.localAddress()).join();
    assertThat(connection.send(get("k"), TIMEOUT).join()).isEqualTo(found("ok"));
  }

  @Test
  void aTruncatedFrameThenHangingUpLeavesTheServerServing() throws IOException {
    byte[] frame = bytes(Frame.request(1, get("half a frame")));
    try (Socket socket = rawSocket()) {
      socket.getOutputStream().write(Arrays.copyOf(frame, frame.length / 2));
      socket.getOutputStream().flush();
    }

    assertAFreshConnectionWorks();
  }

  @Test
  void randomGarbageLeavesTheServerServing() throws IOException {
    Random random = new Random(42);
    for (int round = 0; round < 20; round++) {
      byte[] garbage = new byte[1 + random.nextInt(4096)];
      random.nextBytes(garbage);
      try (Socket socket = rawSocket()) {
        socket.getOutputStream().write(garbage);
        socket.getOutputStream().flush();
      }
    }

    assertAFreshConnectionWorks();
  }

  @Test
  void anOversizedFrameIsAnsweredTooLargeAndTheSameConnectionServesTheNextFrame()
      throws IOException {
    int body = ProtocolLimits.MAX_FRAME_BYTES_DEFAULT + 1024 * 1024;
    try (Socket socket = rawSocket()) {
      OutputStream out = socket.getOutputStream();
      out.write(WireFrames.header(FrameKind.REQUEST, 77, body));
      byte[] chunk = new byte[64 * 1024];
      for (int sent = 0; sent < body; sent += chunk.length) {
        out.write(chunk, 0, Math.min(chunk.length, body - sent));
      }
      out.write(bytes(Frame.request(78, get("next"))));
      out.flush();

      EmbeddedChannel decoder =
          new EmbeddedChannel(new FrameDecoder(ProtocolLimits.defaults()), new FrameBodyDecoder());
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[4096];
      List<Frame> replies = new ArrayList<>();
      while (replies.size() < 2) {
        int n = in.read(buffer);
        assertThat(n).as("server closed the connection").isPositive();
        decoder.writeInbound(Unpooled.copiedBuffer(buffer, 0, n));
        for (Frame frame; (frame = decoder.readInbound()) != null; ) {
          replies.add(frame);
        }
      }
      decoder.finishAndReleaseAll();

      assertThat(replies).extracting(Frame::id).containsExactly(77L, 78L);
      assertThat(replies.get(0).response().getError().getCode()).isEqualTo(ErrorCode.TOO_LARGE);
      assertThat(replies.get(1).response()).isEqualTo(found("ok"));
    }
  }

  @Test
  void aBadMagicByteIsAnsweredWithBadRequestOnIdZeroAndTheConnectionClosed() throws IOException {
    try (Socket socket = rawSocket()) {
      OutputStream out = socket.getOutputStream();
      out.write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();

      InputStream in = socket.getInputStream();
      byte[] reply = in.readAllBytes(); // until the server closes

      EmbeddedChannel decoder =
          new EmbeddedChannel(new FrameDecoder(ProtocolLimits.defaults()), new FrameBodyDecoder());
      decoder.writeInbound(Unpooled.wrappedBuffer(reply));
      Frame frame = decoder.readInbound();
      assertThat(frame.id()).isEqualTo(Frame.CONNECTION_ID);
      assertThat(frame.response().getError().getCode()).isEqualTo(ErrorCode.BAD_REQUEST);
      Object more = decoder.readInbound();
      assertThat(more).isNull();
      decoder.finishAndReleaseAll();
    }

    assertAFreshConnectionWorks();
  }
}
