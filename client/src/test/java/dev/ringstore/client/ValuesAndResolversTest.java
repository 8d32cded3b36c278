package dev.ringstore.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Codecs, resolvers, results and the backoff bound: what an application relies on. */
class ValuesAndResolversTest {
  record Item(String sku, long updatedAt) {}

  @Test
  void jsonCodecRoundTripsRecordsAndGenericTypesAndNamesTheTypeOnBadData() {
    JsonCodec<Item> items = JsonCodec.of(Item.class);
    Item item = new Item("book", 42);
    assertThat(items.decode(items.encode(item))).isEqualTo(item);

    JsonCodec<Map<String, Set<String>>> nested =
        JsonCodec.of(new TypeReference<Map<String, Set<String>>>() {});
    Map<String, Set<String>> value = Map.of("a", Set.of("x", "y"));
    assertThat(nested.decode(nested.encode(value))).isEqualTo(value);

    assertThatThrownBy(() -> items.decode("not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ValueCodecException.class)
        .hasMessageContaining("Item");
  }

  @Test
  void builtInCodecsKeepBytesAndUtf8Text() {
    byte[] raw = {0, -1, 7};
    assertThat(ValueCodec.bytes().decode(ValueCodec.bytes().encode(raw))).isEqualTo(raw);
    assertThat(ValueCodec.utf8().decode(ValueCodec.utf8().encode("grüße"))).isEqualTo("grüße");
  }

  @Test
  void resolversMergeSetsPickTheLatestOrRefuseSiblings() {
    assertThat(ConflictResolver.<String>union().resolve(List.of(Set.of("a"), Set.of("b", "a"))))
        .containsExactlyInAnyOrder("a", "b");
    ConflictResolver<Item> latest = ConflictResolver.lastWriterWins(Item::updatedAt);
    assertThat(latest.resolve(List.of(new Item("old", 1), new Item("new", 9), new Item("mid", 5))))
        .isEqualTo(new Item("new", 9));
    assertThat(ConflictResolver.<String>requireSingle().resolve(List.of("only"))).isEqualTo("only");
    assertThatThrownBy(() -> ConflictResolver.<String>requireSingle().resolve(List.of("a", "b")))
        .isInstanceOf(UnresolvedConflictException.class)
        .hasMessageContaining("2 siblings");
  }

  @Test
  void aResultResolvesItsSiblingsAndAnAbsentKeyResolvesToNothing() {
    GetResult<Set<String>> siblings =
        new GetResult<>(true, List.of(Set.of("a"), Set.of("b")), "ctx");
    assertThat(siblings.hasSiblings()).isTrue();
    assertThat(siblings.resolve(ConflictResolver.union())).contains(Set.of("a", "b"));
    assertThat(new GetResult<String>(false, List.of(), "").resolve(values -> values.get(0)))
        .isEmpty();
  }

  @Test
  void backoffStaysWithinTheDoublingBoundAndTheMaximum() {
    RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(10), Duration.ofMillis(100));
    RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
    for (int i = 0; i < 1000; i++) {
      assertThat(policy.backoff(1, random)).isLessThanOrEqualTo(Duration.ofMillis(10));
      assertThat(policy.backoff(3, random)).isLessThanOrEqualTo(Duration.ofMillis(40));
      assertThat(policy.backoff(30, random)).isLessThanOrEqualTo(Duration.ofMillis(100));
    }
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
