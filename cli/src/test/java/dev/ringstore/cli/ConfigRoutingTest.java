package dev.ringstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import dev.ringstore.config.client.Routing;
import dev.ringstore.protocol.v1.NodeRecord;
import dev.ringstore.ring.BucketTable;
import dev.ringstore.ring.Member;
import dev.ringstore.ring.RingSettings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Client commands given {@code --config}: the request goes to the first node of the key's
 * preference list in the table the config service hands out, and to the next one when that node
 * does not accept a connection.
 */
@Timeout(60)
class ConfigRoutingTest {
  private static final String KEY = "greeting";

  private final BucketTable table =
      BucketTable.initial(
          List.of(Member.of("n1"), Member.of("n2"), Member.of("n3")), new RingSettings(64, 3, 8));
  private final List<NodeId> preference =
      table.preferenceListForKey(KEY.getBytes(StandardCharsets.UTF_8)).nodes();
  private final Map<NodeId, FakeNode> nodes = new HashMap<>();
  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable closeable : opened) {
      closeable.close();
    }
  }

  /** A config replica whose table lists n1..n3 at fake nodes; {@code down} at a closed port. */
  private String serviceWith(NodeId down) throws Exception {
    Map<NodeId, NodeRecord> records = new HashMap<>();
    for (Member member : table.members()) {
      String address;
      if (member.id().equals(down)) {
        address = "127.0.0.1:" + NodeProcess.freePort();
      } else {
        FakeNode node = new FakeNode();
        opened.add(node);
        nodes.put(member.id(), node);
        address = node.hostPort();
      }
      records.put(
          member.id(),
          NodeRecord.newBuilder().setId(member.id().value()).setAddress(address).build());
    }
    FakeConfigReplica replica = new FakeConfigReplica(new Routing(1, table, null, records));
    opened.add(replica);
    return replica.hostPort();
  }

  @ParameterizedTest
  @ValueSource(strings = {"get", "put", "delete", "inspect"})
  void theKeysPrimaryCoordinates(String command) throws Exception {
    String service = serviceWith(null);
    List<String> args = new ArrayList<>(List.of(command, KEY));
    if (command.equals("put")) {
      args.add("hello");
    }
    args.addAll(List.of("--config", service, "--json"));

    CommandRun result = CommandRun.of(args.toArray(String[]::new));

    assertThat(result.exitCode()).as(result.err()).isZero();
    // A delete without --context reads the key first: both requests go to the primary.
    assertThat(nodes.get(preference.get(0)).received()).hasSize(command.equals("delete") ? 2 : 1);
    assertThat(nodes.get(preference.get(1)).received()).isEmpty();
    assertThat(nodes.get(preference.get(2)).received()).isEmpty();
  }

  @Test
  void whenThePrimaryIsDownTheNextOfThePreferenceListCoordinates() throws Exception {
    String service = serviceWith(preference.get(0));

    CommandRun result = CommandRun.of("get", KEY, "--config", service, "--timeout", "2s");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(nodes.get(preference.get(1)).received()).hasSize(1);
    assertThat(nodes.get(preference.get(2)).received()).isEmpty();
  }

  @Test
  void whenNoNodeAnswersOneLineNamesThemAll() throws Exception {
    FakeConfigReplica replica =
        new FakeConfigReplica(
            new Routing(
                1,
                table,
                null,
                Map.of(
                    NodeId.of("n1"),
                    NodeRecord.newBuilder().setId("n1").setAddress("127.0.0.1:1").build())));
    opened.add(replica);

    CommandRun result = CommandRun.of("get", KEY, "--config", replica.hostPort());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.err()).startsWith("ringstore: no node of table v1 answers (n1: ");
  }
}
