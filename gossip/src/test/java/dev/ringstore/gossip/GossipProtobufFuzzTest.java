package dev.ringstore.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.InvalidProtocolBufferException;
import org.junit.jupiter.api.Timeout;

/**
 * Arbitrary bytes as a peer's gossip message: protobuf parsing may refuse them, and past that
 * {@link GossipProtobuf#fromProto} may only throw {@link InvalidGossipMessageException}. A message
 * that decodes survives a round trip unchanged, so what a node forwards is what it heard.
 */
@Timeout(60)
class GossipProtobufFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void anyGossipBytesDecodeOrAreRefused(byte[] bytes) {
    dev.ringstore.protocol.v1.GossipMessage proto;
    try {
      proto = dev.ringstore.protocol.v1.GossipMessage.parseFrom(bytes);
    } catch (InvalidProtocolBufferException notProtobuf) {
      return;
    }
    GossipMessage message;
    try {
      message = GossipProtobuf.fromProto(proto);
    } catch (InvalidGossipMessageException expected) {
      return;
    }
    assertThat(GossipProtobuf.fromProto(GossipProtobuf.toProto(message))).isEqualTo(message);
  }
}
