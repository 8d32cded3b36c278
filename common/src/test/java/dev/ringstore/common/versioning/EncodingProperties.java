package dev.ringstore.common.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The context and stored-set encodings round-trip, and anything that is not exactly one valid
 * encoding is rejected with the typed exception, never another one. Anything accepted re-encodes to
 * the same bytes: every version has exactly one encoding.
 */
class EncodingProperties {
  @Provide
  Arbitrary<CausalContext> context() {
    return VersionArbitraries.vectors().map(CausalContext::of);
  }

  @Provide
  Arbitrary<DottedVersionVectorSet> set() {
    return VersionArbitraries.sets();
  }

  /** Random bytes, half of them behind a valid format byte so decoding gets past it. */
  @Provide
  Arbitrary<byte[]> garbage() {
    Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(48);
    return Arbitraries.oneOf(
        bytes,
        bytes.map(
            b -> {
              byte[] withFormat = new byte[b.length + 1];
              withFormat[0] = 1;
              System.arraycopy(b, 0, withFormat, 1, b.length);
              return withFormat;
            }));
  }

  @Provide
  Arbitrary<String> garbageText() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('A', 'Z')
        .withCharRange('0', '9')
        .withChars('-', '_', '=', '+', '/', ' ', '\n', 'é')
        .ofMaxLength(64);
  }

  @Property(tries = 300)
  void contextRoundTrips(@ForAll("context") CausalContext context) {
    assertThat(CausalContext.fromBytes(context.toBytes())).isEqualTo(context);
    assertThat(CausalContext.decode(context.encode())).isEqualTo(context);
    assertThat(context.encode()).matches("[A-Za-z0-9_-]+");
  }

  @Property(tries = 300)
  void setRoundTrips(@ForAll("set") DottedVersionVectorSet set) {
    assertThat(DottedVersionVectorSetCodec.decode(DottedVersionVectorSetCodec.encode(set)))
        .isEqualTo(set);
  }

  @Property(tries = 300)
  void everyTruncatedContextIsRejected(
      @ForAll("context") CausalContext context, @ForAll @IntRange(max = 1000) int cut) {
    byte[] bytes = context.toBytes();
    byte[] truncated = Arrays.copyOf(bytes, cut % bytes.length);

    assertThatThrownBy(() -> CausalContext.fromBytes(truncated))
        .isExactlyInstanceOf(MalformedContextException.class);
  }

  @Property(tries = 300)
  void everyTruncatedSetIsRejected(
      @ForAll("set") DottedVersionVectorSet set, @ForAll @IntRange(max = 1000) int cut) {
    byte[] bytes = DottedVersionVectorSetCodec.encode(set);
    byte[] truncated = Arrays.copyOf(bytes, cut % bytes.length);

    assertThatThrownBy(() -> DottedVersionVectorSetCodec.decode(truncated))
        .isExactlyInstanceOf(MalformedVersionException.class);
  }

  @Property(tries = 300)
  void trailingBytesAreRejected(
      @ForAll("context") CausalContext context,
      @ForAll("set") DottedVersionVectorSet set,
      @ForAll @Size(min = 1, max = 4) byte[] extra) {
    byte[] contextBytes = concat(context.toBytes(), extra);
    byte[] setBytes = concat(DottedVersionVectorSetCodec.encode(set), extra);

    assertThatThrownBy(() -> CausalContext.fromBytes(contextBytes))
        .isExactlyInstanceOf(MalformedContextException.class)
        .hasMessageContaining("trailing");
    assertThatThrownBy(() -> DottedVersionVectorSetCodec.decode(setBytes))
        .isExactlyInstanceOf(MalformedVersionException.class)
        .hasMessageContaining("trailing");
  }

  @Property(tries = 500)
  void randomBytesAreRejectedOrCanonical(@ForAll("garbage") byte[] bytes) {
    decodesCanonicallyOrRejects(
        bytes, CausalContext::fromBytes, CausalContext::toBytes, MalformedContextException.class);
    decodesCanonicallyOrRejects(
        bytes,
        DottedVersionVectorSetCodec::decode,
        DottedVersionVectorSetCodec::encode,
        MalformedVersionException.class);
  }

  @Property(tries = 500)
  void corruptedContextsAreRejectedOrCanonical(
      @ForAll("context") CausalContext context,
      @ForAll @IntRange(max = 1000) int position,
      @ForAll byte replacement) {
    byte[] bytes = context.toBytes();
    bytes[position % bytes.length] = replacement;

    decodesCanonicallyOrRejects(
        bytes, CausalContext::fromBytes, CausalContext::toBytes, MalformedContextException.class);
  }

  @Property(tries = 500)
  void corruptedSetsAreRejectedOrCanonical(
      @ForAll("set") DottedVersionVectorSet set,
      @ForAll @IntRange(max = 1000) int position,
      @ForAll byte replacement) {
    byte[] bytes = DottedVersionVectorSetCodec.encode(set);
    bytes[position % bytes.length] = replacement;

    decodesCanonicallyOrRejects(
        bytes,
        DottedVersionVectorSetCodec::decode,
        DottedVersionVectorSetCodec::encode,
        MalformedVersionException.class);
  }

  @Property(tries = 500)
  void randomTextIsRejectedOrCanonical(@ForAll("garbageText") String text) {
    try {
      assertThat(CausalContext.decode(text).encode()).isEqualTo(text);
    } catch (MalformedContextException expected) {
      assertThat(expected).hasMessageStartingWith("malformed causal context: ");
    } catch (RuntimeException e) {
      fail("decoding '" + text + "' threw " + e, e);
    }
  }

  private static <T> void decodesCanonicallyOrRejects(
      byte[] bytes,
      Function<byte[], T> decode,
      Function<T, byte[]> encode,
      Class<? extends MalformedVersionException> rejection) {
    T decoded;
    try {
      decoded = decode.apply(bytes);
    } catch (RuntimeException e) {
      if (e.getClass() != rejection) {
        fail("decoding " + Arrays.toString(bytes) + " threw " + e, e);
      }
      return;
    }
    assertThat(encode.apply(decoded)).isEqualTo(bytes);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] result = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, result, a.length, b.length);
    return result;
  }
}
