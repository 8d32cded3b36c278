package dev.ringstore.cli;

import dev.ringstore.client.NodeClient;
import dev.ringstore.client.ReadOptions;
import dev.ringstore.client.WriteOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ringstore delete KEY}: writes a tombstone over what a read sees. With {@code --context} it
 * deletes what that earlier get saw; without, it reads the key's context first with a head read (as
 * Riak reads before a delete without a vector clock; a head read works on any key) and deletes what
 * that read returned. Either way values written concurrently survive as siblings of the tombstone.
 */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = {
      "Deletes a key by writing a tombstone over what a read sees. Without --context it reads",
      "the key first and deletes what that read returned; with the --context of an earlier get",
      "it deletes what that get saw. A value written concurrently survives as a sibling.",
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
      String seen =
          context != null ? context : node.head(keyBytes, ReadOptions.defaults()).context();
      after = node.delete(keyBytes, seen, options).context();
    }
    if (client.json) {
      spec.commandLine()
          .getOut()
          .println(
              JsonLine.object(
                  json -> {
                    json.writeStringField("key", key);
                    json.writeBooleanField("deleted", true);
                    json.writeStringField("context", after);
                  }));
    } else {
      spec.commandLine().getOut().println("deleted; context: " + after);
    }
    return 0;
  }
}
