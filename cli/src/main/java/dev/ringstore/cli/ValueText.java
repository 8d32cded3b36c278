package dev.ringstore.cli;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** How values are shown to a person: one per line, numbered when there are siblings. */
final class ValueText {
  private ValueText() {}

  static String siblings(List<byte[]> values) {
    StringBuilder out = new StringBuilder();
    if (values.size() > 1) {
      out.append(values.size()).append(" siblings:\n");
    }
    for (int i = 0; i < values.size(); i++) {
      String text = new String(values.get(i), StandardCharsets.UTF_8);
      out.append(values.size() > 1 ? "  [" + (i + 1) + "] " : "").append(text).append('\n');
    }
    return out.toString();
  }
}
