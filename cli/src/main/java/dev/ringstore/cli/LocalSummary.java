package dev.ringstore.cli;

import dev.ringstore.node.storage.Durability;
import java.nio.file.Path;
import java.util.Locale;

/** What {@code ringstore local} prints once every node listens: where they are, what to type. */
final class LocalSummary {
  private LocalSummary() {}

  /**
   * @param dir the cluster's directory, absolute
   * @param given the directory as the user gave it, for example commands
   */
  static String of(Path dir, Path given, Durability durability, LocalClusterFile cluster) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "local cluster of %d node%s in %s, durability %s%n",
            cluster.processes().size(),
            cluster.processes().size() == 1 ? "" : "s",
            dir,
            durability.name().toLowerCase(Locale.ROOT)));
    for (LocalProcess node : cluster.nodes()) {
      out.append(
          String.format(
              "  %-4s listen %-16s http %-16s pid %-8d log %s%n",
              node.id(),
              node.listen(),
              node.http(),
              node.pid(),
              Path.of(node.data()).resolve(LocalNode.LOG)));
    }
    String data = given.equals(Path.of(LocalClusterFile.DEFAULT_DIR)) ? "" : " --data " + given;
    String first = cluster.nodes().get(0).listen();
    out.append(String.format("wrote %s%n%n", dir.resolve(LocalClusterFile.NAME)));
    out.append(
        String.format(
            "Talk to it from this directory (without --via, commands find it through %s):%n",
            given.resolve(LocalClusterFile.NAME)));
    out.append(String.format("  ringstore put greeting hello%s%n", data));
    out.append(String.format("  ringstore get greeting%s --json%n", data));
    out.append(String.format("  ringstore inspect greeting%s%n", data));
    out.append(String.format("  ringstore get greeting --via %s --r 3%n", first));
    out.append("Ctrl-C stops every node; run this again on the same directory to restart them.\n");
    return out.toString();
  }
}
