package dev.ringstore.common.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringstore.common.NodeId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(10)
class CausalContextTest {
  private static final ActorId N1 = new ActorId(NodeId.of("n1"), 0x5f3aL);
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void emptyContextIsTwoBytesAndThreeCharacters() {
    assertThat(CausalContext.EMPTY.toBytes()).containsExactly(1, 0);
    assertThat(CausalContext.EMPTY.encode()).isEqualTo("AQA");
    assertThat(CausalContext.decode("AQA")).isEqualTo(CausalContext.EMPTY);
    assertThat(CausalContext.of(VersionVector.empty())).isSameAs(CausalContext.EMPTY);
  }

  @Test
  void encodesByteByByteAsDocumented() {
    CausalContext context = CausalContext.of(VersionVector.of(Map.of(N1, 3L)));

    assertThat(HEX.formatHex(context.toBytes())).isEqualTo("0101026e310000000000005f3a03");
    assertThat(context.encode()).isEqualTo("AQECbjEAAAAAAABfOgM");
  }

  @Test
  void coversWhatItsVectorCovers() {
    CausalContext context = CausalContext.of(VersionVector.of(Map.of(N1, 3L)));

    assertThat(context.covers(new Dot(N1, 3))).isTrue();
    assertThat(context.covers(new Dot(N1, 4))).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown format version | 0200                     | unknown format version 2",
        "no format byte         | ''                       | missing format version",
        "missing actor count    | 01                       | missing actor count",
        "trailing byte          | 010000                   | 1 unexpected trailing bytes",
        "truncated node id      | 0101406e310000000000000000 | node id length of actor 0 is 64 but 10",
        "truncated incarnation  | 0101036e313000000000000000 | incarnation of actor 0 needs 8 bytes, 7",
        "missing counter        | 0101026e310000000000005f3a | missing counter of actor 0",
        "counter zero           | 0101026e310000000000005f3a00 | is 0, must be between 1",
        "counter above 2^63-1   | 0101026e310000000000005f3a80808080808080808001"
            + " | is 9223372036854775808, must be between 1",
        "varint over 64 bits    | 01ffffffffffffffffffff01 | does not fit in 64 bits",
        "non-minimal varint     | 018000                   | actor count is not minimally encoded",
        "empty node id          | 01010000000000000000000000 | node id of actor 0 is empty",
        "invalid node id        | 0101026e200000000000005f3a01 | node id of actor 0 is not 1-64",
        "node id over 64 bytes  | 01014100000000000000000000 | over the limit of 64",
        "count beyond the bytes | 01ffffffff0f             | 4294967295 actors cannot fit",
        "actors out of order    | 0102026e32000000000000000101026e31000000000000000101"
            + " | out of order or repeated",
        "repeated actor         | 0102026e31000000000000000101026e31000000000000000102"
            + " | out of order or repeated",
      })
  void rejectsMalformedBytesSayingWhatIsWrong(String name, String hex, String message) {
    byte[] bytes = HEX.parseHex(hex);

    assertThatThrownBy(() -> CausalContext.fromBytes(bytes))
        .isExactlyInstanceOf(MalformedContextException.class)
        .hasMessageStartingWith("malformed causal context: ")
        .hasMessageContaining(message);
    String text = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    if (!text.isEmpty()) {
      assertThatThrownBy(() -> CausalContext.decode(text))
          .isExactlyInstanceOf(MalformedContextException.class)
          .hasMessageContaining(message);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "empty string     | ''      | context is empty",
        "padding          | AQA=    | not canonical",
        "standard base64  | AQEC+jE | not base64url",
        "whitespace       | 'AQA '  | not base64url",
        "impossible tail  | AQAAA   | not base64url",
        "stray tail bits  | AQB     | not canonical",
        "not base64 at all | 'hello, world' | not base64url",
      })
  void rejectsMalformedTextSayingWhatIsWrong(String name, String text, String message) {
    assertThatThrownBy(() -> CausalContext.decode(text))
        .isExactlyInstanceOf(MalformedContextException.class)
        .hasMessageStartingWith("malformed causal context: ")
        .hasMessageContaining(message);
  }

  @Test
  void readsAsItsVector() {
    assertThat(CausalContext.of(VersionVector.of(Map.of(N1, 3L))))
        .hasToString("CausalContext{n1#0000000000005f3a=3}");
  }
}
