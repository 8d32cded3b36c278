package dev.ringstore.gossip.antientropy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads what {@link WireWriter} wrote, checking every count against the bytes that remain before
 * allocating, so a hostile length cannot make the reader allocate more than the frame's size.
 */
final class WireReader {
  /** The longest key the store accepts. */
  static final int MAX_KEY_BYTES = 64 * 1024;

  private final ByteBuffer in;

  WireReader(byte[] bytes) {
    this.in = ByteBuffer.wrap(bytes);
  }

  int readByte(String what) {
    need(1, what);
    return in.get() & 0xFF;
  }

  /** A minimal LEB128 varint: every value has exactly one encoding. */
  long readVarint(String what) {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = readByte(what);
      if (shift > 0 && b == 0 || shift == 63 && b > 1) {
        throw error(what + ": not a minimal 64-bit varint");
      }
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw error(what + ": varint longer than 10 bytes");
  }

  /** A varint that must be in {@code 0..max}. */
  int readInt(String what, int max) {
    long value = readVarint(what);
    if (value < 0 || value > max) {
      throw error(what + " is 0.." + max + ": " + Long.toUnsignedString(value));
    }
    return (int) value;
  }

  /** A count of items that take at least {@code minBytesEach} bytes each. */
  int readCount(String what, int minBytesEach) {
    return readInt(what, in.remaining() / Math.max(1, minBytesEach));
  }

  byte[] readBytes(int length, String what) {
    need(length, what);
    byte[] bytes = new byte[length];
    in.get(bytes);
    return bytes;
  }

  /** Strict UTF-8: malformed bytes are an error, not replacement characters. */
  String readUtf8(int length, String what) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(readBytes(length, what)))
          .toString();
    } catch (CharacterCodingException e) {
      throw error(what + " is not UTF-8");
    }
  }

  TreeHash readHash(String what) {
    need(TreeHash.BYTES, what);
    return TreeHash.read(in);
  }

  VersionDigest readDigest(String what) {
    need(VersionDigest.BYTES, what);
    return VersionDigest.read(in);
  }

  List<Integer> readIncreasing(String what, int limit) {
    int count = readCount(what + " count", 1);
    List<Integer> indices = new ArrayList<>(count);
    long previous = -1;
    for (int i = 0; i < count; i++) {
      // A gap of 2^63 or more reads as negative and would wrap back to or below the previous
      // index: a repeated or decreasing "increasing" list. previous + 1 + gap cannot overflow.
      long gap = readVarint(what);
      long value = previous + 1 + gap;
      if (gap < 0 || value >= limit) {
        throw error(what + " " + i + " is beyond " + (limit - 1));
      }
      indices.add((int) value);
      previous = value;
    }
    return indices;
  }

  /** Entries in strictly increasing key order. */
  List<KeyVersion> readEntries(String what) {
    int count = readCount(what + " count", 1 + VersionDigest.BYTES);
    List<KeyVersion> entries = new ArrayList<>(count);
    byte[] previous = null;
    for (int i = 0; i < count; i++) {
      byte[] key = readBytes(readInt("key length", MAX_KEY_BYTES), "key");
      if (previous != null && Arrays.compareUnsigned(previous, key) >= 0) {
        throw error(what + " " + i + " is out of key order or repeated");
      }
      entries.add(KeyVersion.ofOwned(key, readDigest("digest")));
      previous = key;
    }
    return entries;
  }

  void expectEnd() {
    if (in.hasRemaining()) {
      throw error(in.remaining() + " bytes after the message");
    }
  }

  private void need(int bytes, String what) {
    if (in.remaining() < bytes) {
      throw error("truncated: " + what + " needs " + bytes + " bytes, " + in.remaining() + " left");
    }
  }

  InvalidAntiEntropyMessageException error(String message) {
    return new InvalidAntiEntropyMessageException(message);
  }
}
