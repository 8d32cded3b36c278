package dev.ringstore.ring;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Timeout;

/**
 * Arbitrary bytes as an encoded bucket table, as the config service ships it to every node. {@link
 * BucketTableBinary#decode} documents one failure, {@link InvalidRingException}; a table that
 * decodes passed its checks and survives a round trip.
 *
 * <p>Random bytes almost never carry a valid CRC32C, which would keep the fuzzer at the checksum.
 * So the first input byte chooses: odd, the rest of the input gets its correct checksum appended
 * (reaching the parser); even, the rest is decoded as it is (reaching the checksum check).
 */
@Timeout(60)
class BucketTableBinaryFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void anyBytesDecodeToACheckedTableOrAreRefused(byte[] input) {
    if (input.length == 0) {
      return;
    }
    byte[] rest = Arrays.copyOfRange(input, 1, input.length);
    byte[] encoded = (input[0] & 1) == 1 ? withChecksum(rest) : rest;
    BucketTable table;
    try {
      table = BucketTableBinary.decode(encoded);
    } catch (InvalidRingException expected) {
      return;
    }
    // Not the same bytes: modified UTF-8 reads a raw NUL that it writes as C0 80, and the format
    // does not promise one encoding per table. The same table, and a stable encoding, it does.
    byte[] again = BucketTableBinary.encode(table);
    assertThat(BucketTableBinary.decode(again)).isEqualTo(table);
    assertThat(BucketTableBinary.encode(BucketTableBinary.decode(again))).isEqualTo(again);
    for (int b = 0; b < table.bucketCount(); b++) {
      assertThat(table.preferenceList(b).size()).isBetween(1, table.settings().replicas());
    }
  }

  /** {@code body} followed by its CRC32C, as {@link BucketTableBinary#encode} ends a table. */
  static byte[] withChecksum(byte[] body) {
    CRC32C crc = new CRC32C();
    crc.update(body);
    return ByteBuffer.allocate(body.length + 4).put(body).putInt((int) crc.getValue()).array();
  }
}
