package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ringstore node}: a bad member list, config-service address, hint or transfer setting is
 * refused before the node starts.
 */
@Timeout(60)
class NodeCommandTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "n1=127.0.0.1                        | expected HOST:PORT, not '127.0.0.1'",
        "127.0.0.1:7201                      | expected ID=HOST:PORT, not '127.0.0.1:7201'",
        "n1=127.0.0.1:7201,n1=127.0.0.1:7202 | peer n1 is listed twice",
        "n2=127.0.0.1:7202,n3=127.0.0.1:7203 | --peers must list this node (n1) too"
      })
  void aBadPeerListGivesOneLineAndExitsTwo(String peers, String message) {
    CommandRun result =
        CommandRun.of(
            "node",
            "--id",
            "n1",
            "--listen",
            "127.0.0.1:0",
            "--data",
            dir.toString(),
            "--peers",
            peers);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains(message);
    assertThat(result.err().strip().lines()).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--hint-window      | 3 hours | expected a duration like 500ms, 5s, 2m, 3h or 10d",
        "--hint-ttl         | -1d     | expected a duration like 500ms, 5s, 2m, 3h or 10d",
        "--hint-replay-rate | 0       | --hint-replay-rate must be at least 1",
        "--hint-max-bytes   | 1GB     | expected a size like 1048576, 512KiB, 256MiB or 1GiB",
        "--hint-max-bytes   | 0       | --hint-max-bytes must be at least 1",
        "--anti-entropy-bytes-per-second | 0 | --anti-entropy-bytes-per-second must be at least 1",
        "--anti-entropy-interval | soon | expected a duration like 500ms, 5s, 2m, 3h or 10d",
        "--anti-entropy-sweep-interval | 0ms | --anti-entropy-sweep-interval must be positive",
        "--io-threads | 0 | --io-threads must be at least 1, not 0",
        "--transfer-bytes-per-second | 0 | --transfer-bytes-per-second must be at least 1",
        "--transfer-grace | 1 minute | expected a duration like 500ms, 5s, 2m, 3h or 10d",
        "--zone | z1 | --zone needs --config: the config service places nodes by zone"
      })
  void aBadHintSettingGivesOneLineAndExitsTwo(String option, String value, String message) {
    CommandRun result =
        CommandRun.of(
            "node",
            "--id",
            "n1",
            "--listen",
            "127.0.0.1:0",
            "--data",
            dir.toString(),
            option,
            value);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains(message);
    assertThat(result.err().strip().lines()).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "127.0.0.1:7201 | --peers n1=127.0.0.1:7201 --config 127.0.0.1:7801"
            + " | --peers and --config exclude each other",
        "127.0.0.1:0    | --config 127.0.0.1:7801 | --config needs a fixed --listen port",
        "127.0.0.1:7201 | --config 127.0.0.1      | expected HOST:PORT, not '127.0.0.1'",
        "127.0.0.1:7201 | --config 127.0.0.1:7801 --zone= | --zone must not be blank",
        "0.0.0.0:7201   | --config 127.0.0.1:7801 | binds every interface, which is no address"
            + " another node can reach; add --advertise HOST:PORT",
        "0.0.0.0:7201   | --config 127.0.0.1:7801 --advertise 0.0.0.0:7201"
            + " | --advertise 0.0.0.0:7201 is a wildcard address",
        "127.0.0.1:7201 | --peers n1=127.0.0.1:7201 --advertise 10.0.0.1:7201"
            + " | --advertise goes with --config",
        "127.0.0.1:7201 | --peers n1=127.0.0.1:7201 --ca ca.crt | --ca, --cert and --key go together",
        "127.0.0.1:7201 | --peers n1=127.0.0.1:7201 --tokens tokens | --tokens needs TLS",
        "127.0.0.1:7201 | --peers n1=127.0.0.1:7201 --ca none.crt --cert n1.crt --key n1.key"
            + " | cannot read TLS file(s): none.crt, n1.crt, n1.key"
      })
  void aBadConfigServiceChoiceGivesOneLineAndExitsTwo(
      String listen, String options, String message) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of("node", "--id", "n1", "--listen", listen, "--data", dir.toString()));
    args.addAll(java.util.List.of(options.split(" ")));

    CommandRun result = CommandRun.of(args.toArray(String[]::new));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains(message);
    assertThat(result.err().strip().lines()).hasSize(1);
  }
}
