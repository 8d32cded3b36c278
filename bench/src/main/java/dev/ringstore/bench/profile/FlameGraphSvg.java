package dev.ringstore.bench.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A flame graph of collapsed stacks as one self-contained SVG (Brendan Gregg's layout: the root at
 * the bottom, each frame as wide as the samples under it, hover for the frame and its share).
 * Frames narrower than {@link #MIN_WIDTH} pixels are left out.
 */
public final class FlameGraphSvg {
  private static final int WIDTH = 1600;
  private static final int ROW = 16;

  /** Frames narrower than this many pixels are left out (with what is above them). */
  private static final double MIN_WIDTH = 1.5;

  private static final class Node {
    final String name;
    final Map<String, Node> children = new LinkedHashMap<>();
    long samples;

    Node(String name) {
      this.name = name;
    }
  }

  private FlameGraphSvg() {}

  public static String render(CollapsedStacks stacks, String title) {
    Node root = new Node("all");
    int depth = 0;
    for (CollapsedStacks.Stack stack : stacks.stacks()) {
      Node node = root;
      node.samples += stack.samples();
      for (String frame : stack.frames()) {
        node = node.children.computeIfAbsent(frame, Node::new);
        node.samples += stack.samples();
      }
      depth = Math.max(depth, stack.frames().size());
    }
    int height = (depth + 3) * ROW;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"monospace\" font-size=\"11\">%n"
                + "<rect width=\"100%%\" height=\"100%%\" fill=\"#fdfdf5\"/>%n"
                + "<text x=\"%d\" y=\"14\" text-anchor=\"middle\" font-size=\"14\">%s</text>%n",
            WIDTH,
            height,
            WIDTH / 2,
            escape(title)));
    double perSample = (double) WIDTH / Math.max(1, root.samples);
    draw(svg, root, 0, height - ROW, perSample, root.samples);
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static void draw(
      StringBuilder svg, Node node, double x, int y, double perSample, long total) {
    double width = node.samples * perSample;
    if (width < MIN_WIDTH) {
      return;
    }
    String tip =
        String.format(
            Locale.ROOT,
            "%s (%,d samples, %.2f%%)",
            node.name,
            node.samples,
            100.0 * node.samples / total);
    svg.append(
        String.format(
            Locale.ROOT,
            "<g><title>%s</title><rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                + "fill=\"%s\" rx=\"2\"/>",
            escape(tip),
            x,
            y,
            width,
            ROW - 1,
            colour(node.name)));
    int chars = (int) (width / 7);
    if (chars > 3) {
      String label =
          node.name.length() > chars ? node.name.substring(0, chars - 2) + ".." : node.name;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\">%s</text>",
              x + 2,
              y + ROW - 4,
              escape(label)));
    }
    svg.append("</g>\n");
    double childX = x;
    List<Node> children = new ArrayList<>(node.children.values());
    children.sort((a, b) -> a.name.compareTo(b.name));
    for (Node child : children) {
      draw(svg, child, childX, y - ROW, perSample, total);
      childX += child.samples * perSample;
    }
  }

  /** Java frames green, kernel orange, native and JVM red-brown; by a hash of the name. */
  private static String colour(String frame) {
    int h = Math.abs(frame.hashCode() % 40);
    if (frame.endsWith("_[k]")) {
      return "rgb(230," + (140 + h) + ",40)";
    }
    if (frame.contains("/") || frame.startsWith("[")) {
      return "rgb(" + (80 + h) + ",190," + (80 + h) + ")";
    }
    return "rgb(220," + (90 + h) + "," + (70 + h) + ")";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
