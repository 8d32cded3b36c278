package dev.ringstore.cli;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringstore.security.TlsFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code <data>/local-cluster.json}: every process {@code ringstore local} started, so that client
 * commands without {@code --via} find the cluster and a second {@code ringstore local} on the same
 * directory can tell that one is still running. Written once every node accepts connections,
 * deleted when the local cluster stops cleanly. Nodes come first, then the config replicas.
 *
 * <pre>{@code
 * {"processes": [{"role": "node", "id": "n1", "pid": 1234, "listen": "127.0.0.1:7201",
 *                 "http": "127.0.0.1:8201", "data": "/abs/data/local/n1"}, ...,
 *                {"role": "config", "id": "c1", "pid": 1240, "listen": "127.0.0.1:7801",
 *                 "raft": "127.0.0.1:7701", "data": "/abs/data/local/c1"}, ...],
 *  "certs": "/abs/data/local/certs"}
 * }</pre>
 *
 * <p>{@code certs} is there only for a cluster started with {@code --tls}: its certificate
 * directory, whose {@code admin} certificate client commands then connect with.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
record LocalClusterFile(List<LocalProcess> processes, String certs) {
  static final String NAME = "local-cluster.json";
  static final String DEFAULT_DIR = "./data/local";

  /**
   * Every client command without --via reads the file, so reading is a hand-written walk over
   * jackson-core's tokens: data binding (hundreds of classes, a third of a {@code get}'s start-up
   * before) is left to {@link #write}, which only {@code ringstore local} calls.
   */
  private static final JsonFactory TOKENS = new JsonFactory();

  /** The admin certificate's id in a local cluster's certificate directory. */
  static final String ADMIN = "admin";

  LocalClusterFile {
    processes = List.copyOf(processes == null ? List.of() : processes);
  }

  /** A cluster without TLS. */
  LocalClusterFile(List<LocalProcess> processes) {
    this(processes, null);
  }

  /**
   * The admin certificate of a cluster started with {@code --tls} ({@code certs} is its certificate
   * directory), which commands without TLS flags of their own connect with.
   */
  Optional<TlsFiles> adminTls() {
    return certs == null
        ? Optional.empty()
        : Optional.of(TlsFiles.inDirectory(Path.of(certs), ADMIN));
  }

  /** The file in {@code dataDir}, if there is one; a malformed file is an error naming it. */
  static Optional<LocalClusterFile> read(Path dataDir) {
    Path file = dataDir.resolve(NAME);
    try {
      return Optional.of(parse(Files.readAllBytes(file)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes the file into {@code dataDir} atomically: readers see the old file or the new one. */
  void write(Path dataDir) throws IOException {
    Path temporary = dataDir.resolve(NAME + ".tmp");
    Files.write(temporary, toJson().getBytes(StandardCharsets.UTF_8));
    try {
      Files.move(
          temporary,
          dataDir.resolve(NAME),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, dataDir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static void delete(Path dataDir) throws IOException {
    Files.deleteIfExists(dataDir.resolve(NAME));
  }

  String toJson() throws IOException {
    return Writing.JSON.writer(Writing.ONE_LINE).writeValueAsString(this) + "\n";
  }

  /**
   * The file's contents as data binding would read them into this record: fields it does not know
   * are skipped, a missing or null field is null (no processes: none), a number given as a string
   * is still a pid, and anything after the top-level object is ignored.
   */
  static LocalClusterFile parse(byte[] json) throws IOException {
    try (JsonParser parser = TOKENS.createParser(json)) {
      expect(parser, parser.nextToken() == JsonToken.START_OBJECT, "an object");
      List<LocalProcess> processes = null;
      String certs = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("certs".equals(field) && value.isScalarValue()) {
          certs = parser.getValueAsString();
          continue;
        }
        if (!"processes".equals(field) || value == JsonToken.VALUE_NULL) {
          parser.skipChildren();
          continue;
        }
        expect(parser, value == JsonToken.START_ARRAY, "an array of processes");
        processes = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          processes.add(process(parser));
        }
      }
      return new LocalClusterFile(processes, certs);
    }
  }

  private static LocalProcess process(JsonParser parser) throws IOException {
    expect(parser, parser.currentToken() == JsonToken.START_OBJECT, "a process object");
    String role = null;
    String id = null;
    long pid = 0;
    String listen = null;
    String http = null;
    String raft = null;
    String data = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value.isStructStart()) {
        expect(parser, !isKnown(field), "a single value for \"" + field + "\"");
        parser.skipChildren();
        continue;
      }
      switch (field) {
        case "role" -> role = parser.getValueAsString();
        case "id" -> id = parser.getValueAsString();
        case "pid" -> pid = pid(parser);
        case "listen" -> listen = parser.getValueAsString();
        case "http" -> http = parser.getValueAsString();
        case "raft" -> raft = parser.getValueAsString();
        case "data" -> data = parser.getValueAsString();
        default -> {
          // a field a later version may add
        }
      }
    }
    return new LocalProcess(role, id, pid, listen, http, raft, data);
  }

  private static boolean isKnown(String field) {
    return List.of("role", "id", "pid", "listen", "http", "raft", "data").contains(field);
  }

  private static long pid(JsonParser parser) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      return parser.getLongValue();
    }
    String text = parser.getValueAsString();
    try {
      return text == null ? 0 : Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new JsonParseException(parser, "\"pid\" is not a number: " + text);
    }
  }

  private static void expect(JsonParser parser, boolean holds, String what) throws IOException {
    if (!holds) {
      throw new JsonParseException(parser, "expected " + what + ", found " + parser.currentToken());
    }
  }

  /** Data binding for {@link #write}, created on the first write only. */
  private static final class Writing {
    static final ObjectMapper JSON = new ObjectMapper();

    /** {@code {"a": 1, "b": [2, 3]}}: the form docs/local.md shows, on one line. */
    static final DefaultPrettyPrinter ONE_LINE =
        new DefaultPrettyPrinter(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEntrySpacing(Separators.Spacing.AFTER)
                    .withArrayValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(DefaultPrettyPrinter.NopIndenter.instance)
            .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance);
  }

  /** The node processes, in the order written (n1 first). */
  List<LocalProcess> nodes() {
    return processes.stream().filter(p -> LocalProcess.NODE.equals(p.role())).toList();
  }

  /** The config-service replicas, in the order written (c1 first); none in a static cluster. */
  List<LocalProcess> configReplicas() {
    return processes.stream().filter(p -> LocalProcess.CONFIG.equals(p.role())).toList();
  }

  /** The processes that still run. */
  List<LocalProcess> running() {
    return processes.stream().filter(LocalProcess::isRunning).toList();
  }
}
