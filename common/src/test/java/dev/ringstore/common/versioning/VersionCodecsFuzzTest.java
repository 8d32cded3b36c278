package dev.ringstore.common.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * Arbitrary bytes through the decoders of what clients and replicas send us: a causal context (its
 * binary and its base64url text form) and a stored DVV set. Each decoder documents one exception
 * type; anything else escaping is a bug. What decodes is canonical: it re-encodes to the very same
 * bytes, which decode to an equal value.
 */
@Timeout(60)
class VersionCodecsFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void causalContextBytes(byte[] bytes) {
    CausalContext context;
    try {
      context = CausalContext.fromBytes(bytes);
    } catch (MalformedContextException expected) {
      return;
    }
    assertThat(context.toBytes()).isEqualTo(bytes);
    assertThat(CausalContext.fromBytes(context.toBytes())).isEqualTo(context);
    assertThat(CausalContext.decode(context.encode())).isEqualTo(context);
  }

  @FuzzTest(maxDuration = "5m")
  void causalContextText(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    CausalContext context;
    try {
      context = CausalContext.decode(text);
    } catch (MalformedContextException expected) {
      return;
    }
    assertThat(context.encode()).isEqualTo(text);
    assertThat(CausalContext.decode(context.encode())).isEqualTo(context);
  }

  @FuzzTest(maxDuration = "5m")
  void storedSet(byte[] bytes) {
    DottedVersionVectorSet set;
    try {
      set = DottedVersionVectorSetCodec.decode(bytes);
    } catch (MalformedVersionException expected) {
      return;
    }
    assertThat(DottedVersionVectorSetCodec.encode(set)).isEqualTo(bytes);
    assertThat(DottedVersionVectorSetCodec.decode(DottedVersionVectorSetCodec.encode(set)))
        .isEqualTo(set);
    assertThat(CausalContext.fromBytes(set.context().toBytes())).isEqualTo(set.context());
    for (Sibling sibling : set.siblings()) {
      assertThat(set.context().covers(sibling.dot())).isTrue();
    }
  }
}
