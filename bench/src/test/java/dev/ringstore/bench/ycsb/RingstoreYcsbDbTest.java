package dev.ringstore.bench.ycsb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringstore.client.RingstoreClient;
import dev.ringstore.testkit.MiniCluster;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import site.ycsb.ByteIterator;
import site.ycsb.Status;
import site.ycsb.StringByteIterator;

/**
 * The Ringstore YCSB binding against three nodes on the harness: what YCSB writes reads back byte
 * for byte, an update keeps the fields it does not name and supersedes what was read, and two load
 * generators updating one record concurrently leave siblings that the next read counts and merges
 * instead of losing either.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RingstoreYcsbDbTest {
  private static Properties quorum() {
    Properties p = new Properties();
    p.setProperty("ringstore.n", "3");
    p.setProperty("ringstore.r", "2");
    p.setProperty("ringstore.w", "2");
    return p;
  }

  private static Map<String, ByteIterator> record(String... pairs) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      fields.put(pairs[i], pairs[i + 1]);
    }
    return StringByteIterator.getByteIteratorMap(fields);
  }

  private static Map<String, String> read(RingstoreYcsbDb db, String key, Status expected) {
    Map<String, ByteIterator> result = new HashMap<>();
    assertThat(db.read("usertable", key, null, result)).isEqualTo(expected);
    Map<String, String> text = new HashMap<>();
    result.forEach((k, v) -> text.put(k, new String(v.toArray(), StandardCharsets.UTF_8)));
    return text;
  }

  @Test
  void whatYcsbWritesReadsBackAndAnUpdateKeepsTheOtherFields() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster -> {
          try (RingstoreClient client = cluster.ringstoreClient("ycsb").build()) {
            RingstoreYcsbDb db = new RingstoreYcsbDb(new RingstoreConnection(client, quorum()));
            assertThat(db.insert("usertable", "user1", record("field0", "a", "field1", "b")))
                .isEqualTo(Status.OK);
            assertThat(read(db, "user1", Status.OK))
                .containsOnly(Map.entry("field0", "a"), Map.entry("field1", "b"));

            assertThat(db.update("usertable", "user1", record("field1", "c"))).isEqualTo(Status.OK);
            assertThat(read(db, "user1", Status.OK))
                .containsOnly(Map.entry("field0", "a"), Map.entry("field1", "c"));
            assertThat(client.bytes().sync().get("usertable/user1").values()).hasSize(1);

            read(db, "nobody", Status.NOT_FOUND);
            assertThat(db.delete("usertable", "user1")).isEqualTo(Status.OK);
            read(db, "user1", Status.NOT_FOUND);
          }
        });
  }

  @Test
  void twoLoadGeneratorsUpdatingOneRecordLeaveSiblingsThatTheNextReadMerges() throws Exception {
    MiniCluster.runWithNewCluster(
        3,
        cluster -> {
          try (RingstoreClient first = cluster.ringstoreClient("ycsb-1").build();
              RingstoreClient second = cluster.ringstoreClient("ycsb-2").build()) {
            RingstoreConnection one = new RingstoreConnection(first, quorum());
            RingstoreConnection two = new RingstoreConnection(second, quorum());
            RingstoreYcsbDb a = new RingstoreYcsbDb(one);
            RingstoreYcsbDb b = new RingstoreYcsbDb(two);
            a.insert("usertable", "user2", record("field0", "x", "field1", "y"));
            read(b, "user2", Status.OK);
            // Each generator updates from its own last version: concurrent, so both survive.
            a.update("usertable", "user2", record("field0", "from-a"));
            b.update("usertable", "user2", record("field1", "from-b"));
            assertThat(first.bytes().sync().get("usertable/user2").values()).hasSize(2);

            assertThat(read(a, "user2", Status.OK))
                .containsEntry("field1", "from-b")
                .containsKey("field0");
            assertThat(one.siblingReads()).isEqualTo(1);
            // The update after that read supersedes both siblings.
            a.update("usertable", "user2", record("field0", "merged"));
            assertThat(first.bytes().sync().get("usertable/user2").values()).hasSize(1);
          }
        });
  }
}
