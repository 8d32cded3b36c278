package dev.ringstore.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Values as JSON, mapped by Jackson to a class or a generic type:
 *
 * <pre>{@code
 * Store<Cart> carts = client.store(JsonCodec.of(Cart.class));
 * Store<Set<String>> tags = client.store(JsonCodec.of(new TypeReference<Set<String>>() {}));
 * }</pre>
 *
 * A value that does not decode fails the read with {@link ValueCodecException}, naming the type.
 *
 * @param <T> the value type
 */
public final class JsonCodec<T> implements ValueCodec<T> {
  private final ObjectMapper mapper;
  private final JavaType type;

  private JsonCodec(ObjectMapper mapper, JavaType type) {
    this.mapper = mapper;
    this.type = type;
  }

  /** JSON for {@code type} with a default {@link ObjectMapper}. */
  public static <T> JsonCodec<T> of(Class<T> type) {
    return of(new ObjectMapper(), type);
  }

  public static <T> JsonCodec<T> of(ObjectMapper mapper, Class<T> type) {
    return new JsonCodec<>(mapper, mapper.constructType(type));
  }

  /** JSON for a generic type, such as {@code Set<String>}, with a default {@link ObjectMapper}. */
  public static <T> JsonCodec<T> of(TypeReference<T> type) {
    return of(new ObjectMapper(), type);
  }

  public static <T> JsonCodec<T> of(ObjectMapper mapper, TypeReference<T> type) {
    return new JsonCodec<>(mapper, mapper.getTypeFactory().constructType(type));
  }

  @Override
  public byte[] encode(T value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new ValueCodecException(
          "cannot write " + type + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public T decode(byte[] bytes) {
    try {
      return mapper.readValue(bytes, type);
    } catch (IOException e) {
      throw new ValueCodecException(
          "the stored value is not JSON for " + type + ": " + e.getMessage(), e);
    }
  }
}
