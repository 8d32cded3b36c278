package dev.ringstore.common.versioning;

import java.util.function.Function;

/**
 * Reads what {@link BinaryWriter} wrote, strictly: every failure, including a varint that is too
 * long or not minimally encoded, becomes the {@link MalformedVersionException} subtype the caller
 * chose, with the byte offset in the message. Lengths are checked against the bytes left before
 * anything is allocated.
 */
final class BinaryReader {
  private final byte[] bytes;
  private final Function<String, ? extends MalformedVersionException> failure;
  private int position;

  BinaryReader(byte[] bytes, Function<String, ? extends MalformedVersionException> failure) {
    this.bytes = bytes;
    this.failure = failure;
  }

  int remaining() {
    return bytes.length - position;
  }

  /** The exception to throw for {@code problem} at the current offset. */
  MalformedVersionException error(String problem) {
    return failure.apply(problem + " (at byte " + position + " of " + bytes.length + ")");
  }

  int readUnsignedByte(String what) {
    if (position >= bytes.length) {
      throw error("truncated: missing " + what);
    }
    return bytes[position++] & 0xFF;
  }

  long readVarlong(String what) {
    long result = 0;
    for (int i = 0; ; i++) {
      int b = readUnsignedByte(what);
      if (i == 9 && (b & 0xFE) != 0) {
        throw error(what + " does not fit in 64 bits");
      }
      result |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        if (b == 0 && i > 0) {
          throw error(what + " is not minimally encoded");
        }
        return result;
      }
    }
  }

  long readZigzag(String what) {
    long zigzag = readVarlong(what);
    return (zigzag >>> 1) ^ -(zigzag & 1);
  }

  /** A varint length between 0 and {@code max} that the remaining bytes can hold. */
  int readLength(String what, int max) {
    long length = readVarlong(what);
    if (length < 0 || length > max) {
      throw error(what + " " + Long.toUnsignedString(length) + " is over the limit of " + max);
    }
    if (length > remaining()) {
      throw error("truncated: " + what + " is " + length + " but " + remaining() + " bytes remain");
    }
    return (int) length;
  }

  long readFixed64(String what) {
    if (remaining() < 8) {
      throw error("truncated: " + what + " needs 8 bytes, " + remaining() + " remain");
    }
    long result = 0;
    for (int i = 0; i < 8; i++) {
      result = (result << 8) | (bytes[position++] & 0xFF);
    }
    return result;
  }

  byte[] readBytes(int length) {
    byte[] result = new byte[length];
    System.arraycopy(bytes, position, result, 0, length);
    position += length;
    return result;
  }

  void expectEnd() {
    if (remaining() != 0) {
      throw error(remaining() + " unexpected trailing bytes");
    }
  }
}
