package dev.ringstore.common.versioning;

import java.util.Base64;
import java.util.Objects;

/**
 * What a client gets back from a read and hands back with its next write of the same key: the join
 * of every write the read's replies had seen. A write that carries it supersedes exactly the
 * siblings the client saw; a write without it ({@link #EMPTY}) supersedes nothing and becomes a
 * sibling.
 *
 * <p>Clients treat it as opaque. Its string form is base64url without padding of the binary form:
 *
 * <pre>
 * byte    format version = 1
 * varint  actor count
 * per actor, in actor order:
 *   varint  node id length L (1..64)
 *   L bytes node id, UTF-8
 *   8 bytes incarnation, big-endian
 *   varint  counter (1 .. 2^63-1)
 * </pre>
 *
 * Varints are unsigned LEB128 and must be minimal. The empty context is {@code 01 00}, {@code
 * "AQA"}. Decoding is strict and only ever fails with {@link MalformedContextException}.
 */
public final class CausalContext {
  /** The binary format this class writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /** The context of a client that has read nothing: a write with it supersedes nothing. */
  public static final CausalContext EMPTY = new CausalContext(VersionVector.empty());

  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

  private final VersionVector vector;

  private CausalContext(VersionVector vector) {
    this.vector = vector;
  }

  public static CausalContext of(VersionVector vector) {
    Objects.requireNonNull(vector, "vector");
    return vector.isEmpty() ? EMPTY : new CausalContext(vector);
  }

  /** The writes this context has seen, as a vector. */
  public VersionVector versionVector() {
    return vector;
  }

  /** Whether the client that holds this context has seen the write {@code dot}. */
  public boolean covers(Dot dot) {
    return vector.covers(dot);
  }

  public boolean isEmpty() {
    return vector.isEmpty();
  }

  /** The binary form. */
  public byte[] toBytes() {
    BinaryWriter out = new BinaryWriter().writeByte(FORMAT_VERSION);
    VersionVectorFormat.write(vector, out);
    return out.toByteArray();
  }

  /** The string form: base64url of {@link #toBytes()}, without padding. */
  public String encode() {
    return BASE64.encodeToString(toBytes());
  }

  /**
   * Reads the binary form.
   *
   * @throws MalformedContextException when the bytes are not exactly one valid context
   */
  public static CausalContext fromBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    BinaryReader in = new BinaryReader(bytes, CausalContext::malformed);
    int format = in.readUnsignedByte("format version");
    if (format != FORMAT_VERSION) {
      throw malformed(
          "unknown format version " + format + "; this build reads version " + FORMAT_VERSION);
    }
    VersionVector vector = VersionVectorFormat.read(in);
    in.expectEnd();
    return of(vector);
  }

  /**
   * Reads the string form.
   *
   * @throws MalformedContextException when the text is not the canonical unpadded base64url of one
   *     valid context
   */
  public static CausalContext decode(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      throw malformed("context is empty; send no context rather than an empty one");
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new MalformedContextException(
          "malformed causal context: not base64url (" + e.getMessage() + ")", e);
    }
    if (!BASE64.encodeToString(bytes).equals(text)) {
      throw malformed("not canonical unpadded base64url");
    }
    return fromBytes(bytes);
  }

  private static MalformedContextException malformed(String problem) {
    return new MalformedContextException("malformed causal context: " + problem);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CausalContext other && vector.equals(other.vector);
  }

  @Override
  public int hashCode() {
    return vector.hashCode();
  }

  /**
   * The readable vector, for logs and {@code ringstore inspect}; {@link #encode()} is the token.
   */
  @Override
  public String toString() {
    return "CausalContext" + vector;
  }
}
