package dev.ringstore.gossip.antientropy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;

/** Appends the primitives of {@link AntiEntropyMessageCodec}: bytes, varints, hashes, entries. */
final class WireWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);
  private final ByteBuffer sixteen = ByteBuffer.allocate(16);

  WireWriter writeByte(int b) {
    out.write(b);
    return this;
  }

  /** Unsigned LEB128: 7 bits a byte, least significant group first, high bit = more follows. */
  WireWriter writeVarint(long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
    return this;
  }

  WireWriter writeBytes(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  WireWriter writeHash(TreeHash hash) {
    hash.write(sixteen.clear());
    return writeBytes(sixteen.array());
  }

  WireWriter writeDigest(VersionDigest digest) {
    digest.write(sixteen.clear());
    return writeBytes(sixteen.array());
  }

  /** A count, then the first index, then each later one as its gap to the previous minus one. */
  WireWriter writeIncreasing(List<Integer> indices) {
    writeVarint(indices.size());
    int previous = -1;
    for (int index : indices) {
      writeVarint(index - previous - 1);
      previous = index;
    }
    return this;
  }

  /** A count, then per entry: key length, key, digest. */
  WireWriter writeEntries(List<KeyVersion> entries) {
    writeVarint(entries.size());
    for (KeyVersion entry : entries) {
      byte[] key = entry.keyUnsafe();
      writeVarint(key.length).writeBytes(key).writeDigest(entry.digest());
    }
    return this;
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }
}
