package dev.ringstore.client;

import java.nio.charset.StandardCharsets;

/**
 * Turns values into the bytes the store keeps and back. Bytes and UTF-8 strings are built in;
 * {@link JsonCodec} maps objects with Jackson; implement this for anything else (protobuf,
 * Avro...). A codec must be thread-safe.
 *
 * @param <T> the value type
 */
public interface ValueCodec<T> {

  byte[] encode(T value);

  T decode(byte[] bytes);

  /** Values as the bytes themselves. */
  static ValueCodec<byte[]> bytes() {
    return new ValueCodec<>() {
      @Override
      public byte[] encode(byte[] value) {
        return value;
      }

      @Override
      public byte[] decode(byte[] bytes) {
        return bytes;
      }
    };
  }

  /** Values as UTF-8 text. */
  static ValueCodec<String> utf8() {
    return new ValueCodec<>() {
      @Override
      public byte[] encode(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
      }

      @Override
      public String decode(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
      }
    };
  }
}
