package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * What a user sees when a command cannot run: one line on standard error starting "ringstore: ",
 * never a stack trace, and exit 2 for a bad command line or a request no node would take, exit 1
 * for a cluster that does not answer.
 */
@Timeout(60)
class CommandErrorsTest {
  private static final String HUGE_KEY = "k".repeat(ClientLimits.MAX_KEY_BYTES + 1);

  @TempDir Path dir;

  private final FakeNode node = new FakeNode();

  @AfterEach
  void stop() {
    node.close();
  }

  private static void assertOneLine(CommandRun result, int exitCode, String message) {
    assertThat(result.exitCode()).as(result.err()).isEqualTo(exitCode);
    assertThat(result.err().strip().lines()).as(result.err()).hasSize(1);
    assertThat(result.err()).startsWith("ringstore: ").contains(message);
    assertThat(result.err()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "get k --bogus                        | Unknown option: '--bogus'",
        "put                                  | Missing required parameter: 'KEY'",
        "status --via nohost                  | expected HOST:PORT, not 'nohost'",
        "inspect k --via 127.0.0.1:99999      | port 99999 is out of range",
        "ring --via 127.0.0.1:7201            | Unknown options: '--via'",
        "plan join --timeout soon             | expected a duration like 500ms",
        "commit --config 127.0.0.1            | expected HOST:PORT, not '127.0.0.1'",
        "local --nodes 0                      | --nodes must be from 1 to 16, not 0",
        "ring simulate --zones 1              | Missing required option: '--nodes=S'",
        "node --id n1                         | Missing required options",
        "config-server --id c1 --data x       | Missing required option: '--peers",
        "bogus                                | Unmatched argument at index 0: 'bogus'",
        "plan                                 | Missing required subcommand",
        "get k --json --json                  | should be specified only once"
      })
  void aBadCommandLineIsOneLineAndExitTwo(String args, String message) {
    assertOneLine(CommandRun.of(args.split(" +")), 2, message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"get k", "put k v", "delete k", "inspect k", "status"})
  void anUnreachableNodeIsOneLineAndExitOne(String args) {
    List<String> all = new ArrayList<>(List.of(args.split(" ")));
    all.addAll(List.of("--via", "127.0.0.1:1", "--json"));

    assertOneLine(CommandRun.of(all.toArray(String[]::new)), 1, "cannot connect to 127.0.0.1:1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"get k", "put k v", "inspect k", "ring", "plan join n4", "commit", "plan cancel"})
  void anUnreachableConfigServiceIsOneLineAndExitOne(String args) {
    List<String> all = new ArrayList<>(List.of(args.split(" ")));
    all.addAll(List.of("--config", "127.0.0.1:1", "--timeout", "1s"));

    assertOneLine(
        CommandRun.of(all.toArray(String[]::new)),
        1,
        "the config service at 127.0.0.1:1 did not answer");
  }

  @ParameterizedTest
  @ValueSource(strings = {"get", "put", "delete", "inspect"})
  void aKeyOver64KibIsOneLineAndExitTwoWithoutSending(String command) {
    CommandRun result = CommandRun.of(command, HUGE_KEY, "v", "--via", node.hostPort());
    if (!command.equals("put")) {
      result = CommandRun.of(command, HUGE_KEY, "--via", node.hostPort());
    }

    assertOneLine(result, 2, "the key is 65537 bytes, over the node's limit of 65536 (64 KiB)");
    assertThat(result.err()).doesNotContain(HUGE_KEY);
    assertThat(node.received()).isEmpty();
  }

  @Test
  void aKeyOfExactly64KibIsSent() {
    CommandRun result =
        CommandRun.of(
            "get", "k".repeat(ClientLimits.MAX_KEY_BYTES), "--via", node.hostPort(), "--json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(node.received()).hasSize(1);
  }

  @Test
  void anEmptyKeyIsOneLineAndExitTwo() {
    assertOneLine(
        CommandRun.of("get", "", "--via", node.hostPort()), 2, "the key must not be empty");
    assertThat(node.received()).isEmpty();
  }

  @Test
  void aValueFileOver8MibIsRefusedBeforeItIsRead() throws Exception {
    Path big = dir.resolve("big");
    Files.write(big, new byte[ClientLimits.MAX_VALUE_BYTES + 1]);

    CommandRun result =
        CommandRun.of("put", "k", "--file", big.toString(), "--via", node.hostPort());

    assertOneLine(result, 2, "bytes, over the node's value limit of 8388608 (8 MiB)");
    assertThat(node.received()).isEmpty();
  }

  @Test
  void aValueOnStandardInputOver8MibIsRefused() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PutCommand put = new PutCommand();
    put.stdin = new ByteArrayInputStream(new byte[ClientLimits.MAX_VALUE_BYTES + 100]);
    CommandLine cli = new CommandLine(put);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setParameterExceptionHandler(
        (e, ignored) -> {
          err.write("ringstore: " + e.getMessage() + "\n");
          return Ringstore.EXIT_USAGE;
        });

    int code = cli.execute("k", "--via", node.hostPort());

    assertOneLine(
        new CommandRun(code, out.toString(), err.toString()),
        2,
        "the value is over the node's limit of 8388608 bytes (8 MiB)");
    assertThat(node.received()).isEmpty();
  }

  @Test
  void aMultiLineFailureIsJoinedIntoOneLine() {
    assertThat(ErrorText.of(new IllegalStateException("first\n  second\r\nthird\n")))
        .isEqualTo("first; second; third");
  }
}
