package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** JsonLine prints what the ObjectNode it replaced printed, escapes and nulls included. */
@Timeout(60)
class JsonLineTest {
  @Test
  void printsWhatAnObjectNodePrints() {
    String key = "k\"ey\\ with \u00e9, \u2603, a tab\t and\nnewline \u0001";
    ObjectNode node = new ObjectMapper().createObjectNode();
    node.put("key", key).put("found", true);
    node.putArray("values").add("a").add("").add("\u00ff\ud83d\ude00");
    node.put("context", (String) null);

    String line =
        JsonLine.object(
            json -> {
              json.writeStringField("key", key);
              json.writeBooleanField("found", true);
              json.writeArrayFieldStart("values");
              json.writeString("a");
              json.writeString("");
              json.writeString("\u00ff\ud83d\ude00");
              json.writeEndArray();
              json.writeStringField("context", null);
            });

    assertThat(line).isEqualTo(node.toString()).doesNotContain("\n");
  }

  @Test
  void anEmptyObjectIsBraces() {
    assertThat(JsonLine.object(json -> {})).isEqualTo("{}");
  }
}
