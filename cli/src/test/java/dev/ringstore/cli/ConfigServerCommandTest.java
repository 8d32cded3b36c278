package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ringstore config-server} refusing a group it cannot form before it starts anything. */
@Timeout(60)
class ConfigServerCommandTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "c1 | c1=127.0.0.1:7701,c2=127.0.0.1:7702 | must list 1, 3 or 5 replicas (a majority"
            + " must survive a failure), not 2",
        "c4 | c1=127.0.0.1:7701                   | --peers must list this replica (c4) too",
        "C1 | c1=127.0.0.1:7701                   | --id: invalid replica id 'C1'",
        "c1 | c1=127.0.0.1                        | expected HOST:PORT, not '127.0.0.1'",
        "c1 | 127.0.0.1:7701                      | expected ID=HOST:PORT, not '127.0.0.1:7701'",
        "c1 | c1=127.0.0.1:7701,c1=127.0.0.1:7702 | replica c1 is listed twice",
        "c1 | c1=127.0.0.1:7701,c2=127.0.0.1:7702,c3=127.0.0.1:7703 | the default client port"
            + " 127.0.0.1:7702 is c2's Raft address: give --listen"
      })
  void aBadGroupGivesOneLineAndExitsTwo(String id, String peers, String message) {
    CommandRun result =
        CommandRun.of("config-server", "--id", id, "--peers", peers, "--data", dir.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains(message);
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void helpNamesTheClientPortDefault() throws Exception {
    CommandRun result = CommandRun.of("config-server", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("--listen=HOST:PORT").contains("Raft port + 1");
    assertThat(Files.list(dir)).isEmpty();
  }
}
