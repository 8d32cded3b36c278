package dev.ringstore.cli;

import dev.ringstore.client.GetResult;
import dev.ringstore.client.KeyHead;
import dev.ringstore.client.NodeClient;
import dev.ringstore.client.ReadOptions;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
      "JSON: {\"key\": K, \"found\": true|false, \"values\": [...], \"context\": \"...\"}.",
      "--head prints each value's size instead of the values (\"value_sizes\" in JSON): for a key",
      "whose siblings are too large to read together; resolve it with put or delete --context."
    })
final class GetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ClientOptions client;
  @Mixin ReadFlags flags;

  @Parameters(index = "0", paramLabel = "KEY", description = "The key (UTF-8).")
  String key;

  @Option(names = "--head", description = "Only the context and each value's size, not the values.")
  boolean head;

  @Override
  public Integer call() {
    byte[] keyBytes = ClientLimits.key(spec, key);
    ReadOptions options = flags.toOptions(client.requestTimeout());
    if (head) {
      return head(keyBytes, options);
    }
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

  private int head(byte[] keyBytes, ReadOptions options) {
    KeyHead result;
    try (NodeClient node = client.connect(keyBytes)) {
      result = node.head(keyBytes, options);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (client.json) {
      out.println(
          JsonLine.object(
              json -> {
                json.writeStringField("key", key);
                json.writeBooleanField("found", result.found());
                json.writeArrayFieldStart("value_sizes");
                for (long size : result.valueSizes()) {
                  json.writeNumber(size);
                }
                json.writeEndArray();
                json.writeStringField("context", result.context());
              }));
    } else {
      out.println(
          (result.found() ? "found" : "not found")
              + ", "
              + result.siblings()
              + " value(s) of "
              + result.valueSizes()
              + " bytes");
      out.println("context: " + result.context());
    }
    return 0;
  }
}
