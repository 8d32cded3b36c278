package dev.ringstore.bench.ycsb;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import site.ycsb.ByteArrayByteIterator;
import site.ycsb.ByteIterator;

/**
 * How a YCSB record (a map of field name to bytes) is stored as one value, the same for both
 * systems so that they store the same bytes: a field count, then each field as a length-prefixed
 * UTF-8 name and length-prefixed bytes. With the comparison's one field of 1 KiB a record is 1,038
 * bytes.
 */
public final class YcsbValues {
  private YcsbValues() {}

  /** Encodes {@code fields} (name → bytes) into one value. */
  public static byte[] encode(Map<String, ByteIterator> fields) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 1100 * fields.size());
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(fields.size());
      for (Map.Entry<String, ByteIterator> field : fields.entrySet()) {
        byte[] name = field.getKey().getBytes(StandardCharsets.UTF_8);
        byte[] value = field.getValue().toArray();
        out.writeInt(name.length);
        out.write(name);
        out.writeInt(value.length);
        out.write(value);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Encodes fields already held as byte arrays (what a client remembers of a record). */
  public static byte[] encodeBytes(Map<String, byte[]> fields) {
    Map<String, ByteIterator> wrapped = new LinkedHashMap<>();
    fields.forEach((name, value) -> wrapped.put(name, new ByteArrayByteIterator(value)));
    return encode(wrapped);
  }

  /**
   * Decodes a value into name → bytes, keeping only {@code wanted} fields (all when null, as YCSB
   * asks for with readallfields).
   *
   * @throws IllegalArgumentException if the bytes are not a record in this form
   */
  public static Map<String, byte[]> decode(byte[] value, Set<String> wanted) {
    Map<String, byte[]> fields = new LinkedHashMap<>();
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(value))) {
      int count = in.readInt();
      if (count < 0 || count > value.length) {
        throw new IllegalArgumentException("not a YCSB record: field count " + count);
      }
      for (int i = 0; i < count; i++) {
        String name = new String(readBlock(in, value.length), StandardCharsets.UTF_8);
        byte[] bytes = readBlock(in, value.length);
        if (wanted == null || wanted.contains(name)) {
          fields.put(name, bytes);
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not a YCSB record: " + e.getMessage(), e);
    }
    return fields;
  }

  /** Copies decoded fields into YCSB's result map. */
  public static void into(Map<String, byte[]> fields, Map<String, ByteIterator> result) {
    if (result != null) {
      fields.forEach((name, bytes) -> result.put(name, new ByteArrayByteIterator(bytes)));
    }
  }

  private static byte[] readBlock(DataInputStream in, int limit) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > limit) {
      throw new IOException("block length " + length);
    }
    byte[] block = new byte[length];
    in.readFully(block);
    return block;
  }
}
