package dev.ringstore.protocol;

import io.netty.channel.embedded.EmbeddedChannel;

/**
 * The server end of a connection on an {@link EmbeddedChannel}, for tests outside this package: the
 * same handlers, in the same order, as {@link ProtocolServer} installs, with no socket. It lives in
 * the protocol's package (in this module's test sources) because {@link RequestDispatcher} is not
 * public API and should not become so for a test.
 */
public final class ServerPipeline {
  private ServerPipeline() {}

  /** A channel that decodes request frames, hands them to {@code handler} and encodes replies. */
  public static EmbeddedChannel of(RequestHandler handler, ProtocolLimits limits) {
    return new EmbeddedChannel(
        new FrameDecoder(limits),
        new FrameBodyDecoder(),
        new FrameEncoder(limits),
        new RequestDispatcher(handler, limits));
  }
}
