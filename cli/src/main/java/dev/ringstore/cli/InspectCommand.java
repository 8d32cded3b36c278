package dev.ringstore.cli;

import dev.ringstore.client.InspectResult;
import dev.ringstore.client.NodeClient;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ringstore inspect KEY}: what every primary replica of a key stores, side by side, so a
 * person can see siblings, diverged replicas and unreachable ones. Read-only: it neither repairs
 * nor counts toward a quorum.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Shows every primary replica's view of a key: its values (siblings), clock and context.",
      "JSON: {\"key\": K, \"bucket\": b, \"preference\": [...], \"replicas\": [{\"node\": ...,",
      "\"found\": ..., \"values\": [...], \"context\": ..., \"clock\": ...}, ...]} (docs/local.md)."
    })
final class InspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ClientOptions client;

  @Parameters(index = "0", paramLabel = "KEY", description = "The key (UTF-8).")
  String key;

  @Override
  public Integer call() {
    byte[] keyBytes = ClientLimits.key(spec, key);
    Duration timeout = client.requestTimeout();
    InspectResult result;
    try (NodeClient node = client.connect(keyBytes)) {
      result = node.inspect(keyBytes, timeout);
    }
    var out = spec.commandLine().getOut();
    if (client.json) {
      out.println(InspectView.json(key, result));
    } else {
      out.print(InspectView.table(key, result));
    }
    return 0;
  }
}
