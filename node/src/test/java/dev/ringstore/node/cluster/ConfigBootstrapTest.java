package dev.ringstore.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.common.NodeId;
import dev.ringstore.config.client.ConfigChannel;
import dev.ringstore.config.client.ConfigClient;
import dev.ringstore.config.client.Routing;
import dev.ringstore.node.storage.InMemoryStorageEngine;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ConfigCommand;
import dev.ringstore.protocol.v1.ConfigQuery;
import dev.ringstore.protocol.v1.ConfigReply;
import dev.ringstore.protocol.v1.ErrorCode;
import dev.ringstore.protocol.v1.NodeRecord;
import dev.ringstore.ring.BucketTable;
import dev.ringstore.ring.Member;
import dev.ringstore.ring.RingSettings;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How a node gets the table it starts routing by, with and without one cached on disk. */
@Timeout(30)
class ConfigBootstrapTest {
  private static final NodeId N1 = NodeId.of("n1");
  private static final NodeRecord SELF =
      NodeRecord.newBuilder().setId("n1").setAddress("127.0.0.1:7201").build();
  private static final Duration POLL = Duration.ofMillis(1);

  private final InMemoryStorageEngine storage = new InMemoryStorageEngine(N1, new Random(1));

  private static Routing table(long version) {
    BucketTable table =
        BucketTable.initial(List.of(Member.of("n1"), Member.of("n2")), new RingSettings(16, 2, 8));
    return new Routing(version, table.withVersion(version), null, Map.of());
  }

  /** A service whose answers the test decides, one command at a time. */
  private static final class ScriptedChannel implements ConfigChannel {
    final ConcurrentLinkedQueue<ConfigCommand> commands = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<ConfigQuery> queries = new ConcurrentLinkedQueue<>();
    final AtomicInteger calls = new AtomicInteger();
    Function<Integer, CompletableFuture<ConfigReply>> onCommand;
    Function<ConfigQuery, CompletableFuture<ConfigReply>> onQuery =
        query -> CompletableFuture.failedFuture(new IllegalStateException("no query expected"));

    ScriptedChannel(Function<Integer, CompletableFuture<ConfigReply>> onCommand) {
      this.onCommand = onCommand;
    }

    @Override
    public CompletableFuture<ConfigReply> command(ConfigCommand command) {
      commands.add(command);
      return onCommand.apply(calls.incrementAndGet());
    }

    @Override
    public CompletableFuture<ConfigReply> query(ConfigQuery query) {
      queries.add(query);
      return onQuery.apply(query);
    }

    @Override
    public void close() {}
  }

  private static CompletableFuture<ConfigReply> joined() {
    return CompletableFuture.completedFuture(ConfigReply.newBuilder().setJoined(SELF).build());
  }

  private static CompletableFuture<ConfigReply> unreachable() {
    return CompletableFuture.failedFuture(
        new RingstoreException(ErrorCode.UNAVAILABLE, "no config replica answered"));
  }

  @Test
  void aCachedTableIsRoutedByAtOnceWhileTheJoinWaitsForTheService() {
    ConfigSync.cache(storage, table(3));
    CompletableFuture<ConfigReply> answer = new CompletableFuture<>();
    ScriptedChannel service = new ScriptedChannel(call -> answer);

    ConfigLink link =
        ConfigBootstrap.start(
            new ConfigClient(service, InstantSource.system()), SELF, storage, POLL);

    assertThat(link.initial().version()).isEqualTo(3);
    assertThat(service.queries).as("no table fetch before serving").isEmpty();
    assertThat(service.commands).singleElement().satisfies(c -> assertThat(c.hasJoin()).isTrue());
    assertThat(link.joining()).isNotDone();

    answer.complete(ConfigReply.newBuilder().setJoined(SELF).build());
    link.joining().join();
  }

  @Test
  void theBackgroundJoinRetriesUntilTheServiceAnswers() {
    ConfigSync.cache(storage, table(2));
    ScriptedChannel service = new ScriptedChannel(call -> call < 3 ? unreachable() : joined());

    ConfigLink link =
        ConfigBootstrap.start(
            new ConfigClient(service, InstantSource.system()), SELF, storage, POLL);

    assertThat(link.initial().version()).isEqualTo(2);
    link.joining().join();
    assertThat(service.calls).hasValue(3);
  }

  @Test
  void aCancelledJoinStopsRetrying() throws Exception {
    ConfigSync.cache(storage, table(2));
    CompletableFuture<ConfigReply> second = new CompletableFuture<>();
    ScriptedChannel service = new ScriptedChannel(call -> call == 1 ? unreachable() : second);

    ConfigLink link =
        ConfigBootstrap.start(
            new ConfigClient(service, InstantSource.system()), SELF, storage, POLL);
    while (service.calls.get() < 2) {
      Thread.sleep(1);
    }
    link.joining().cancel(false);
    second.completeExceptionally(new RingstoreException(ErrorCode.UNAVAILABLE, "still down"));

    assertThat(service.calls).as("no attempt after the cancel").hasValue(2);
  }

  @Test
  void withoutACachedTableItWaitsForTheServiceAndCachesItsTable() {
    ScriptedChannel service = new ScriptedChannel(call -> call == 1 ? unreachable() : joined());
    service.onQuery =
        query ->
            CompletableFuture.completedFuture(
                ConfigReply.newBuilder().setTable(table(5).toProto()).build());

    ConfigLink link =
        ConfigBootstrap.start(
            new ConfigClient(service, InstantSource.system()), SELF, storage, POLL);

    assertThat(link.initial().version()).isEqualTo(5);
    assertThat(link.joining()).isDone();
    assertThat(service.calls).hasValue(2);
    assertThat(ConfigSync.cached(storage)).map(Routing::version).contains(5L);
  }
}
