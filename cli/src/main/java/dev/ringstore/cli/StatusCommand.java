package dev.ringstore.cli;

import dev.ringstore.client.ClusterStatus;
import dev.ringstore.client.NodeClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ringstore status}: the members of the cluster as the node asked sees them — gossip's
 * states and its failure detector's verdicts — and the table version it routes by.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Shows the cluster's members as one node sees them: status (up, down, joining, leaving),",
      "address, the failure detector's phi, generation. JSON: {\"node\": ..., \"members\": [{\"id\":",
      "..., \"status\": ..., \"address\": ..., \"phi\": ..., \"generation\": ...}, ...],",
      "\"tableVersion\": ...} (docs/gossip.md)."
    })
final class StatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ClientOptions client;

  @Override
  public Integer call() {
    ClusterStatus status;
    try (NodeClient node = client.connect()) {
      status = node.status();
    }
    var out = spec.commandLine().getOut();
    out.print(client.json ? StatusView.json(status) + "\n" : StatusView.table(status));
    return 0;
  }
}
