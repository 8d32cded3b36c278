package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.protocol.v1.Request;
import dev.ringstore.protocol.v1.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The per-request flags of get, put and delete: what reaches the node, and what is refused. */
@Timeout(60)
class RequestFlagsTest {
  private final FakeNode node = new FakeNode();

  @AfterEach
  void stop() {
    node.close();
  }

  private CommandRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--via", node.hostPort()));
    return CommandRun.of(all.toArray(String[]::new));
  }

  @Test
  void getSendsItsReadKnobs() {
    CommandRun result =
        run("get", "k", "--n", "3", "--r", "2", "--pr", "1", "--sloppy=false", "--timeout", "2s");

    assertThat(result.exitCode()).as(result.err()).isZero();
    RequestOptions options = node.received().get(0).getGet().getOptions();
    assertThat(options.getN()).isEqualTo(3);
    assertThat(options.getR()).isEqualTo(2);
    assertThat(options.getPr()).isEqualTo(1);
    assertThat(options.hasSloppy()).isTrue();
    assertThat(options.getSloppy()).isFalse();
    assertThat(options.getTimeoutMs()).isEqualTo(2000);
  }

  @Test
  void putAndDeleteSendTheirWriteKnobs() {
    assertThat(
            run("put", "k", "v", "--n", "2", "--w", "2", "--pw", "1", "--sloppy", "true")
                .exitCode())
        .isZero();
    assertThat(run("delete", "k", "--w", "1", "--timeout", "750ms").exitCode()).isZero();

    RequestOptions put = node.received().get(0).getPut().getOptions();
    assertThat(put.getN()).isEqualTo(2);
    assertThat(put.getW()).isEqualTo(2);
    assertThat(put.getPw()).isEqualTo(1);
    assertThat(put.getSloppy()).isTrue();
    assertThat(put.getTimeoutMs()).isZero();
    assertThat(node.received().get(1).hasGet()).as("a delete without context reads first").isTrue();
    RequestOptions delete = node.received().get(2).getDelete().getOptions();
    assertThat(delete.getW()).isEqualTo(1);
    assertThat(delete.hasN()).isFalse();
    assertThat(delete.getTimeoutMs()).isEqualTo(750);
  }

  @Test
  void withoutFlagsEveryKnobIsLeftToTheNode() {
    assertThat(run("get", "k").exitCode()).isZero();

    Request get = node.received().get(0);
    assertThat(get.getGet().hasOptions()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "get k --r 0                 | --r must be from 1 to 16, not 0",
        "get k --n 17                | --n must be from 1 to 16, not 17",
        "get k --n 2 --r 3           | --r (3) must not exceed --n (2)",
        "get k --r 1 --pr 2          | --pr (2) must not exceed --r (1)",
        "put k v --n 1 --pw 2        | --pw (2) must not exceed --n (1)",
        "get k --sloppy=maybe        | Invalid value for option '--sloppy'",
        "get k --w 2                 | Unknown options: '--w'",
        "put k v --r 2               | Unknown options: '--r'",
        "delete k --pr 1             | Unknown options: '--pr'",
        "get k --timeout 0s          | --timeout must be positive",
        "put k v --timeout soon      | expected a duration like 500ms",
        "delete k --w x              | Invalid value for option '--w'"
      })
  void badValuesGiveOneLineAndExitTwoWithoutSending(String args, String message) {
    CommandRun result = run(args.split(" +"));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains(message);
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(node.received()).isEmpty();
  }
}
