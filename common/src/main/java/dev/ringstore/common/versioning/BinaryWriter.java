package dev.ringstore.common.versioning;

import java.util.Arrays;

/** Appends the primitives of the version encodings: bytes, varints, fixed 64-bit numbers. */
final class BinaryWriter {
  private byte[] buffer;
  private int size;

  /** A writer sized for about 32 bytes; it grows as needed. */
  BinaryWriter() {
    this(32);
  }

  /**
   * A writer whose buffer starts at {@code expectedBytes}: an encoder that knows about how much it
   * will write (a set of 1 KiB values) saves the copies of growing from a few bytes.
   */
  BinaryWriter(int expectedBytes) {
    this.buffer = new byte[Math.max(16, expectedBytes)];
  }

  BinaryWriter writeByte(int b) {
    ensure(1);
    buffer[size++] = (byte) b;
    return this;
  }

  BinaryWriter writeVarlong(long value) {
    ensure(10);
    while ((value & ~0x7FL) != 0) {
      buffer[size++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buffer[size++] = (byte) value;
    return this;
  }

  BinaryWriter writeZigzag(long value) {
    return writeVarlong((value << 1) ^ (value >> 63));
  }

  BinaryWriter writeFixed64(long value) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buffer[size++] = (byte) (value >>> shift);
    }
    return this;
  }

  BinaryWriter writeBytes(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, size, bytes.length);
    size += bytes.length;
    return this;
  }

  byte[] toByteArray() {
    return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
  }

  private void ensure(int more) {
    if (buffer.length - size < more) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }
  }
}
