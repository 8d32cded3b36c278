package dev.ringstore.cli;

import dev.ringstore.client.ClusterStatus;
import dev.ringstore.client.NodeClient;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ringstore status}: the members of the cluster as the node asked sees them — gossip's
 * states and its failure detector's verdicts — and the table version it routes by; and, when the
 * cluster has a config service, that service's leader, each node's role and transfer progress, and
 * the running transfer.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Shows the cluster's members, and its config service if it has one.",
      "Members as one node sees them: status (up, down, joining, leaving), address, the",
      "failure detector's phi, generation (docs/gossip.md). With a config service",
      "(--config, or the local cluster's): its leader, term and replicas, each node's",
      "role and incoming transfer, and the running transfer's progress (docs/local.md).",
      "JSON: {\"node\", \"members\": [...], \"tableVersion\", \"config\": {\"leader\",",
      "\"term\", \"replicas\"}, \"transfer\": null|{\"version\", \"moves\", \"done\"}}."
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
    ConfigServiceStatus service =
        ConfigServiceStatus.ask(
            client.configService(),
            ConfigServiceConnection.wait(client.timeout),
            client.security());
    var out = spec.commandLine().getOut();
    out.print(
        client.json
            ? StatusView.json(status, service) + "\n"
            : StatusView.table(status, service, Instant.now()));
    return 0;
  }
}
