package dev.ringstore.gossip.antientropy;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever bytes arrive, decoding either fails with the typed exception or yields a message that
 * encodes back to exactly those bytes: a peer cannot crash an exchange with another exception, and
 * every message has one encoding.
 */
class AntiEntropyMessageCodecProperties {
  @Provide
  Arbitrary<byte[]> frames() {
    Arbitrary<byte[]> garbage = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
    Arbitrary<byte[]> mutated =
        Arbitraries.of(AntiEntropyMessageCodecTest.examples())
            .map(AntiEntropyMessageCodec::encode)
            .flatMap(
                bytes ->
                    Arbitraries.integers()
                        .between(0, bytes.length - 1)
                        .flatMap(
                            at ->
                                Arbitraries.bytes()
                                    .map(
                                        b -> {
                                          byte[] copy = bytes.clone();
                                          copy[at] = b;
                                          return copy;
                                        })));
    return Arbitraries.oneOf(garbage, mutated);
  }

  @Property(tries = 2000)
  void decodingFailsCleanlyOrRoundTrips(@ForAll("frames") byte[] frame) {
    AntiEntropyMessage message;
    try {
      message = AntiEntropyMessageCodec.decode(frame);
    } catch (InvalidAntiEntropyMessageException expected) {
      return;
    }
    assertThat(AntiEntropyMessageCodec.encode(message)).isEqualTo(frame);
  }
}
