package dev.ringstore.cli;

import dev.ringstore.client.NodeClient;
import dev.ringstore.client.PutResult;
import dev.ringstore.client.WriteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ringstore put KEY [VALUE]}: writes a value. Without {@code --context} the value becomes a
 * sibling of whatever the key holds; with the context of a get it replaces what that get saw.
 * Without VALUE it reads the value, binary-safe, from standard input or {@code --file}.
 */
@Command(
    name = "put",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a value. With --context (from a get) it replaces what that get returned;",
      "without, it is added next to any existing values as a sibling.",
      "Without VALUE, the value is read from --file or from standard input.",
      "--n, --w, --pw, --sloppy and --timeout tune this one write (docs/local.md)."
    })
final class PutCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ClientOptions client;
  @Mixin WriteFlags flags;

  @Parameters(index = "0", paramLabel = "KEY", description = "The key (UTF-8).")
  String key;

  @Parameters(index = "1", arity = "0..1", paramLabel = "VALUE", description = "The value (UTF-8).")
  String value;

  @Option(names = "--file", paramLabel = "FILE", description = "Read the value from this file.")
  Path file;

  @Option(names = "--context", paramLabel = "C", description = "The context of an earlier get.")
  String context;

  /** Where a value without VALUE or --file comes from; standard input unless a test sets it. */
  InputStream stdin = System.in;

  @Override
  public Integer call() throws IOException {
    byte[] keyBytes = ClientLimits.key(spec, key);
    WriteOptions options = flags.toOptions(client.requestTimeout());
    byte[] bytes = ClientLimits.value(spec, valueBytes());
    PutResult<byte[]> result;
    try (NodeClient node = client.connect(keyBytes)) {
      result = node.put(keyBytes, bytes, context, options);
    }
    if (client.json) {
      spec.commandLine()
          .getOut()
          .println(
              JsonLine.object(
                  json -> {
                    json.writeStringField("key", key);
                    json.writeBooleanField("stored", true);
                    json.writeStringField("context", result.context());
                  }));
    } else {
      spec.commandLine().getOut().println("stored; context: " + result.context());
    }
    return 0;
  }

  private byte[] valueBytes() throws IOException {
    if (value != null && file != null) {
      throw new ParameterException(spec.commandLine(), "give VALUE or --file, not both");
    }
    if (value != null) {
      return value.getBytes(StandardCharsets.UTF_8);
    }
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new ParameterException(spec.commandLine(), "no such file: " + file);
      }
      if (Files.size(file) > ClientLimits.MAX_VALUE_BYTES) {
        throw new ParameterException(
            spec.commandLine(),
            file
                + " is "
                + Files.size(file)
                + " bytes, over the node's value limit of "
                + ClientLimits.MAX_VALUE_BYTES
                + " (8 MiB)");
      }
      return Files.readAllBytes(file);
    }
    return stdin.readNBytes(ClientLimits.MAX_VALUE_BYTES + 1);
  }
}
