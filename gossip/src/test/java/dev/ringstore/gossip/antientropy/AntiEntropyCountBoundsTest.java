package dev.ringstore.gossip.antientropy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A count or length in an anti-entropy message is checked against the bytes that follow before
 * anything is allocated for it: a few bytes claiming two billion entries are refused at once, not
 * answered with an OutOfMemoryError.
 */
@Timeout(10)
class AntiEntropyCountBoundsTest {
  private static final int HUGE = Integer.MAX_VALUE;

  private static byte[] message(int type, int... prefix) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(type);
    for (int b : prefix) {
      out.write(b);
    }
    long value = HUGE; // then the huge count as a varint, and nothing after it
    while ((value & ~0x7FL) != 0) {
      out.write((int) (value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out.write((int) value);
    return out.toByteArray();
  }

  private static void refused(byte[] bytes) {
    assertThatThrownBy(() -> AntiEntropyMessageCodec.decode(bytes))
        .isInstanceOf(InvalidAntiEntropyMessageException.class)
        .hasMessageContaining(Long.toString(HUGE));
  }

  @Test
  void aHugeDifferenceCountIsRefused() {
    refused(message(4));
  }

  @Test
  void aHugeHashCountIsRefused() {
    refused(message(2, 0, 0)); // level 0, no parents
  }

  @Test
  void aHugeEntryCountIsRefused() {
    refused(message(3, 0)); // no segments
  }

  @Test
  void aHugeReasonLengthIsRefused() {
    refused(message(6));
  }

  @Test
  void aHugeBucketCountIsRefused() {
    TreeShape shape = TreeShape.DEFAULT;
    refused(message(7, shape.segmentBits(), shape.fanoutBits()));
    refused(message(8));
  }

  @Test
  void aHugeKeyLengthIsRefused() {
    byte[] head = message(3, 0, 1); // no segments, one entry, then its key length
    byte[] padded = java.util.Arrays.copyOf(head, head.length + 64); // room for one entry
    assertThatThrownBy(() -> AntiEntropyMessageCodec.decode(padded))
        .isInstanceOf(InvalidAntiEntropyMessageException.class)
        .hasMessageContaining("key length");
  }
}
