package dev.ringstore.common.versioning;

import java.io.ByteArrayOutputStream;

/** Appends the primitives of the version encodings: bytes, varints, fixed 64-bit numbers. */
final class BinaryWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(32);

  BinaryWriter writeByte(int b) {
    out.write(b);
    return this;
  }

  /** Unsigned LEB128: 7 bits a byte, least significant group first, high bit = more follows. */
  BinaryWriter writeVarlong(long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
    return this;
  }

  /** Zigzag then LEB128, so that small negative numbers stay short. */
  BinaryWriter writeZigzag(long value) {
    return writeVarlong((value << 1) ^ (value >> 63));
  }

  /** Eight bytes, big-endian. */
  BinaryWriter writeFixed64(long value) {
    for (int shift = 56; shift >= 0; shift -= 8) {
      out.write((int) (value >>> shift));
    }
    return this;
  }

  BinaryWriter writeBytes(byte[] bytes) {
    out.write(bytes, 0, bytes.length);
    return this;
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }
}
