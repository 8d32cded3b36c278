package dev.ringstore.bench.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A GitHub-flavoured Markdown table padded into columns, so the same text reads well in a terminal.
 * Columns whose every cell is a number are right-aligned.
 */
final class MarkdownTable {
  private static final Pattern NUMBER = Pattern.compile("-|[-0-9.,]+×?");

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  MarkdownTable(String... headers) {
    this.headers = List.of(headers);
  }

  MarkdownTable row(String... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          cells.length + " cells for " + headers.size() + " columns");
    }
    rows.add(List.of(cells));
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  String render() {
    int columns = headers.size();
    int[] widths = new int[columns];
    boolean[] right = new boolean[columns];
    for (int c = 0; c < columns; c++) {
      widths[c] = Math.max(3, headers.get(c).length());
      right[c] = !rows.isEmpty();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
        right[c] &= NUMBER.matcher(row.get(c)).matches();
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, headers, widths, right);
    List<String> rules = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      String dashes = "-".repeat(widths[c] - 1);
      rules.add(right[c] ? dashes + ":" : ":" + dashes);
    }
    line(out, rules, widths, right);
    rows.forEach(row -> line(out, row, widths, right));
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths, boolean[] right) {
    out.append('|');
    for (int c = 0; c < cells.size(); c++) {
      String pad = " ".repeat(widths[c] - cells.get(c).length());
      out.append(' ').append(right[c] ? pad + cells.get(c) : cells.get(c) + pad).append(" |");
    }
    out.append('\n');
  }
}
