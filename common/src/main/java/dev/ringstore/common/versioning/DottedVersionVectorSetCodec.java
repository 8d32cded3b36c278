package dev.ringstore.common.versioning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The storage encoding of a {@link DottedVersionVectorSet}: the value of a key in the {@code data}
 * column family, also what replicas exchange in repair and handoff.
 *
 * <pre>
 * byte    format version = 1
 * varint  actor count A                        ┐
 * A times, in actor order:                     │ the context, exactly as in
 *   varint  node id length L (1..64)           │ {@link CausalContext}'s binary
 *   L bytes node id, UTF-8                     │ form after its format byte
 *   8 bytes incarnation, big-endian            │
 *   varint  counter (1 .. 2^63-1)              ┘
 * varint  sibling count S
 * S times, in dot order (strictly increasing):
 *   varint  actor: index into the context's actors (0..A-1)
 *   varint  counter (1 .. the context's counter for that actor)
 *   varint  timestamp, epoch millis, zigzag
 *   byte    flags: 0 = value, 1 = tombstone (other bits must be 0)
 *   if value:
 *     varint  value length V
 *     V bytes value
 * </pre>
 *
 * Varints are unsigned LEB128 and must be minimal, so every set has exactly one encoding and {@code
 * decode(encode(x)).equals(x)}. The dot's actor is an index because siblings' actors are always in
 * the context. Decoding only ever fails with {@link MalformedVersionException}.
 */
public final class DottedVersionVectorSetCodec {
  /** The binary format this class writes and reads. */
  public static final int FORMAT_VERSION = 1;

  private static final int FLAG_TOMBSTONE = 1;

  /** Actor index, counter, timestamp and flags take at least a byte each. */
  private static final int MIN_SIBLING_BYTES = 4;

  private DottedVersionVectorSetCodec() {}

  public static byte[] encode(DottedVersionVectorSet set) {
    VersionVector context = set.context().versionVector();
    List<ActorId> actors = context.actors();
    BinaryWriter out =
        new BinaryWriter(expectedBytes(set, actors.size())).writeByte(FORMAT_VERSION);
    VersionVectorFormat.write(context, out);
    out.writeVarlong(set.size());
    for (Sibling sibling : set.siblings()) {
      byte[] value = sibling.valueOrNull();
      out.writeVarlong(indexOf(actors, sibling.dot().actor()))
          .writeVarlong(sibling.dot().counter())
          .writeZigzag(sibling.timestampMillis())
          .writeByte(value == null ? FLAG_TOMBSTONE : 0);
      if (value != null) {
        out.writeVarlong(value.length).writeBytes(value);
      }
    }
    return out.toByteArray();
  }

  /** About what {@link #encode} writes: actor ids and counters, then each sibling and its value. */
  private static int expectedBytes(DottedVersionVectorSet set, int actors) {
    int bytes = 16 + actors * 24;
    for (Sibling sibling : set.siblings()) {
      byte[] value = sibling.valueOrNull();
      bytes += 24 + (value == null ? 0 : value.length);
    }
    return bytes;
  }

  private static int indexOf(List<ActorId> actors, ActorId actor) {
    return Collections.binarySearch(actors, actor);
  }

  /**
   * Reads one encoded set.
   *
   * @throws MalformedVersionException when the bytes are not exactly one valid encoded set
   */
  public static DottedVersionVectorSet decode(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    BinaryReader in =
        new BinaryReader(
            bytes,
            problem -> new MalformedVersionException("malformed stored version: " + problem));
    int format = in.readUnsignedByte("format version");
    if (format != FORMAT_VERSION) {
      throw in.error(
          "unknown format version " + format + "; this build reads version " + FORMAT_VERSION);
    }
    VersionVector context = VersionVectorFormat.read(in);
    List<ActorId> actors = context.actors();
    long count = in.readVarlong("sibling count");
    if (count < 0 || count > in.remaining() / MIN_SIBLING_BYTES) {
      throw in.error(
          "truncated: "
              + Long.toUnsignedString(count)
              + " siblings cannot fit in the "
              + in.remaining()
              + " bytes that remain");
    }
    List<Sibling> siblings = new ArrayList<>((int) count);
    for (int i = 0; i < count; i++) {
      Sibling sibling = readSibling(in, i, context, actors);
      if (i > 0 && siblings.get(i - 1).dot().compareTo(sibling.dot()) >= 0) {
        throw in.error("sibling " + i + " (" + sibling.dot() + ") is out of order or repeated");
      }
      siblings.add(sibling);
    }
    in.expectEnd();
    return DottedVersionVectorSet.ofTrusted(context, siblings);
  }

  private static Sibling readSibling(
      BinaryReader in, int i, VersionVector context, List<ActorId> actors) {
    long index = in.readVarlong("actor index of sibling " + i);
    if (index < 0 || index >= actors.size()) {
      throw in.error(
          "sibling "
              + i
              + " names actor "
              + Long.toUnsignedString(index)
              + " but the context has "
              + actors.size());
    }
    ActorId actor = actors.get((int) index);
    long counter = in.readVarlong("counter of sibling " + i);
    if (counter < 1 || counter > context.counter(actor)) {
      throw in.error(
          "sibling "
              + i
              + " has counter "
              + Long.toUnsignedString(counter)
              + " for "
              + actor
              + "; the context covers 1.."
              + context.counter(actor));
    }
    Dot dot = new Dot(actor, counter);
    long timestamp = in.readZigzag("timestamp of sibling " + i);
    int flags = in.readUnsignedByte("flags of sibling " + i);
    if (flags == FLAG_TOMBSTONE) {
      return Sibling.tombstone(dot, timestamp);
    }
    if (flags != 0) {
      throw in.error("sibling " + i + " has unknown flags " + flags);
    }
    int length = in.readLength("value length of sibling " + i, Integer.MAX_VALUE);
    return Sibling.ofOwned(dot, in.readBytes(length), timestamp);
  }
}
