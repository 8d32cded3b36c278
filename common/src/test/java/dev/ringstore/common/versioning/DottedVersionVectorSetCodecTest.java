package dev.ringstore.common.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.common.NodeId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(10)
class DottedVersionVectorSetCodecTest {
  private static final ActorId N1 = new ActorId(NodeId.of("n1"), 0x5f3aL);
  private static final ActorId N2 = new ActorId(NodeId.of("n2"), 0x0bL);
  private static final HexFormat HEX = HexFormat.of();

  /** The example drawn in docs/versioning.md. */
  static DottedVersionVectorSet documentedExample() {
    return DottedVersionVectorSet.of(
        CausalContext.of(VersionVector.of(Map.of(N1, 2L, N2, 1L))),
        List.of(
            Sibling.of(new Dot(N1, 2), Replicas.bytes("hi"), 1_700_000_000_000L),
            Sibling.tombstone(new Dot(N2, 1), 1_700_000_000_001L)));
  }

  private static final String DOCUMENTED_HEX =
      "01" // format
          + "02" // actors
          + "026e31"
          + "0000000000005f3a"
          + "02" // n1#...5f3a: 2
          + "026e32"
          + "000000000000000b"
          + "01" // n2#...000b: 1
          + "02" // siblings
          + "00"
          + "02"
          + "80a0abfef962"
          + "00"
          + "02"
          + "6869" // (n1, 2) "hi"
          + "01"
          + "01"
          + "82a0abfef962"
          + "01"; // (n2, 1) tombstone

  @Test
  void encodesByteByByteAsDocumented() {
    byte[] bytes = DottedVersionVectorSetCodec.encode(documentedExample());

    assertThat(HEX.formatHex(bytes)).isEqualTo(DOCUMENTED_HEX);
    assertThat(DottedVersionVectorSetCodec.decode(bytes)).isEqualTo(documentedExample());
  }

  @Test
  void emptySetIsThreeBytes() {
    assertThat(DottedVersionVectorSetCodec.encode(DottedVersionVectorSet.empty()))
        .containsExactly(1, 0, 0);
  }

  private static final String CONTEXT =
      "02" + "026e31" + "0000000000005f3a" + "02" + "026e32" + "000000000000000b" + "01";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown format version | 02 | 000000             | unknown format version 2",
        "empty                  | '' | ''                 | missing format version",
        "missing sibling count  | 01 | ~                  | missing sibling count",
        "actor index too large  | 01 | ~01 02 01 0000 00  | names actor 2 but the context has 2",
        "dot above the context  | 01 | ~01 00 03 00 01    | has counter 3 for n1#0000000000005f3a",
        "dot counter zero       | 01 | ~01 00 00 00 01    | has counter 0",
        "siblings out of order  | 01 | ~02 01 01 00 01 00 01 00 01 | out of order or repeated",
        "repeated sibling       | 01 | ~02 00 01 00 01 00 01 00 01 | out of order or repeated",
        "unknown flags          | 01 | ~01 00 01 00 02    | unknown flags 2",
        "truncated value        | 01 | ~01 00 01 00 00 05 6869 | value length of sibling 0 is 5",
        "sibling count too big  | 01 | ~05 00 01 00 01    | 5 siblings cannot fit",
        "trailing bytes         | 01 | ~01 00 01 00 01 ff | 1 unexpected trailing bytes",
      })
  void rejectsMalformedBytesSayingWhatIsWrong(
      String name, String format, String body, String message) {
    byte[] bytes = HEX.parseHex(format + body.replace("~", CONTEXT).replace(" ", ""));

    assertThatThrownBy(() -> DottedVersionVectorSetCodec.decode(bytes))
        .isExactlyInstanceOf(MalformedVersionException.class)
        .hasMessageStartingWith("malformed stored version: ")
        .hasMessageContaining(message);
  }
}
