package dev.ringstore.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringstore.client.NodeClient;
import dev.ringstore.client.WriteOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ringstore delete KEY}: writes a tombstone. With {@code --context} it deletes what that get
 * saw; values written concurrently survive as siblings of the tombstone.
 */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = {
      "Deletes a key by writing a tombstone. Pass the --context of a get to delete what it saw;",
      "a value written concurrently survives.",
      "--n, --w, --pw, --sloppy and --timeout tune this one delete (docs/local.md)."
    })
final class DeleteCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ClientOptions client;
  @Mixin WriteFlags flags;

  @Parameters(index = "0", paramLabel = "KEY", description = "The key (UTF-8).")
  String key;

  @Option(names = "--context", paramLabel = "C", description = "The context of an earlier get.")
  String context;

  @Override
  public Integer call() {
    byte[] keyBytes = ClientLimits.key(spec, key);
    WriteOptions options = flags.toOptions(client.requestTimeout());
    String after;
    try (NodeClient node = client.connect(keyBytes)) {
      after = node.delete(keyBytes, context, options).context();
    }
    if (client.json) {
      spec.commandLine()
          .getOut()
          .println(
              new ObjectMapper()
                  .createObjectNode()
                  .put("key", key)
                  .put("deleted", true)
                  .put("context", after));
    } else {
      spec.commandLine().getOut().println("deleted; context: " + after);
    }
    return 0;
  }
}
