package dev.ringstore.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * One JSON object on one line, written field by field with jackson-core's generator: the same text
 * an {@code ObjectNode} prints, without creating an {@code ObjectMapper} (data binding is a few
 * hundred classes more for {@code get --json}, {@code put --json} and {@code delete --json}).
 */
final class JsonLine {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonLine() {}

  /** What {@code fields} writes, inside braces. */
  static String object(Fields fields) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(text)) {
      json.writeStartObject();
      fields.write(json);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  /** Writes an object's fields. */
  @FunctionalInterface
  interface Fields {
    void write(JsonGenerator json) throws IOException;
  }
}
