package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ringstore ring simulate}: its JSON shape, its numbers, and its errors. */
@Timeout(60)
class SimulateCommandTest {
  private final ObjectMapper mapper = new ObjectMapper();

  record Result(int exitCode, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Ringstore.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void jsonTableHasTheDocumentedShape() throws Exception {
    Result result = run("ring", "simulate", "--nodes", "5", "--zones", "2", "--json");

    assertThat(result.exitCode()).isZero();
    JsonNode table = mapper.readTree(result.out());
    assertThat(table.get("buckets").asInt()).isEqualTo(1024);
    assertThat(table.get("replicas").asInt()).isEqualTo(3);
    assertThat(table.has("version")).isFalse();
    assertThat(table.get("nodes")).hasSize(5);
    assertThat(table.get("nodes").get(1).get("id").asText()).isEqualTo("n2");
    assertThat(table.get("nodes").get(1).get("zone").asText()).isEqualTo("z2");
    assertThat(table.get("table")).hasSize(1024);
    for (JsonNode list : table.get("table")) {
      Set<String> ids = new HashSet<>();
      list.forEach(id -> ids.add(id.asText()));
      assertThat(ids).hasSize(3);
    }
  }

  @Test
  void addingOneNodeToTenInThreeZonesMovesLittleAndOnlyToIt() throws Exception {
    Result result =
        run("ring", "simulate", "--nodes", "10", "--zones", "3", "--add", "1", "--json");

    assertThat(result.exitCode()).isZero();
    JsonNode plan = mapper.readTree(result.out());
    assertThat(plan.get("before").get("nodes")).hasSize(10);
    assertThat(plan.get("after").get("nodes")).hasSize(11);
    JsonNode moves = plan.get("moves");
    double ideal = 3.0 * 1024 / 11;
    assertThat(moves.size()).isPositive().isLessThanOrEqualTo((int) (1.2 * ideal));
    Map<String, Integer> loadAfter = new HashMap<>();
    for (JsonNode move : moves) {
      assertThat(move.get("to").asText()).isEqualTo("n11");
      int bucket = move.get("bucket").asInt();
      String from = move.get("from").asText();
      assertThat(plan.get("before").get("table").get(bucket).toString()).contains('"' + from + '"');
      assertThat(plan.get("after").get("table").get(bucket).toString()).contains("\"n11\"");
    }
    for (JsonNode list : plan.get("after").get("table")) {
      list.forEach(id -> loadAfter.merge(id.asText(), 1, Integer::sum));
    }
    assertThat(loadAfter.get("n11")).isEqualTo(moves.size());
  }

  @Test
  void humanOutputShowsLoadBalanceAndMoves() {
    Result result = run("ring", "simulate", "--nodes", "4", "--remove", "n2");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("Before: 4 nodes, 1024 buckets, 3 replicas")
        .contains("After:  3 nodes")
        .contains("Moves: 768 bucket-replicas")
        .contains("n2 -> n1:")
        .contains("Balance (bucket-replicas, max/mean): 1.000")
        .contains("Primaries (first places, max/mean): ");
  }

  @Test
  void aJoinLeavesPrimariesEven() {
    Result result = run("ring", "simulate", "--nodes", "5", "--add", "1");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("Primaries (first places, max/mean): 1.002");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--nodes 0                   | --nodes must be at least 1",
        "--nodes 3 --replicas 0      | replicas must be from 1 to 16, not 0",
        "--nodes 3 --buckets 1000    | buckets must be a power of two",
        "--nodes 3 --remove n7       | node n7 is not a member",
        "--nodes 2 --zones 3         | --zones (3) must not exceed --nodes (2)",
        "--nodes 3 --add 1 --remove n1 | mutually exclusive",
        "--nodes x                   | Invalid value for option '--nodes'",
        "--nodes 3 --remove 'bad id' | invalid node id"
      })
  void badArgumentsGiveOneLineOnStderrAndExitTwo(String args, String message) {
    Result result = run(("ring simulate " + args).replace("'bad id'", "bad/id").split(" +"));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains(message.replace("bad id", "bad/id"));
    assertThat(result.err().strip().lines()).hasSize(1);
  }
}
