package dev.ringstore.cli;

import dev.ringstore.client.GetResult;
import dev.ringstore.client.NodeClient;
import dev.ringstore.client.ReadOptions;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ringstore get KEY}: prints the key's values (all siblings) and the causal context to write
 * back with. A missing key is not an error: "not found", exit 0.
 */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = {
      "Reads a key: every sibling value, and the context to pass to a later put or delete.",
      "--n, --r, --pr, --sloppy and --timeout tune this one read (docs/local.md).",
      "JSON: {\"key\": K, \"found\": true|false, \"values\": [...], \"context\": \"...\"}."
    })
final class GetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ClientOptions client;
  @Mixin ReadFlags flags;

  @Parameters(index = "0", paramLabel = "KEY", description = "The key (UTF-8).")
  String key;

  @Override
  public Integer call() {
    byte[] keyBytes = ClientLimits.key(spec, key);
    ReadOptions options = flags.toOptions(client.requestTimeout());
    GetResult<byte[]> result;
    try (NodeClient node = client.connect(keyBytes)) {
      result = node.get(keyBytes, options);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (client.json) {
      out.println(
          JsonLine.object(
              json -> {
                json.writeStringField("key", key);
                json.writeBooleanField("found", result.found());
                json.writeArrayFieldStart("values");
                for (byte[] value : result.values()) {
                  json.writeString(new String(value, StandardCharsets.UTF_8));
                }
                json.writeEndArray();
                json.writeStringField("context", result.context());
              }));
    } else if (!result.found()) {
      out.println("not found");
    } else {
      out.print(ValueText.siblings(result.values()));
      out.println("context: " + result.context());
    }
    return 0;
  }
}
