package dev.ringstore.bench.ycsb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ringstore.bench.compare.EtcdServers;
import dev.ringstore.bench.compare.EtcdServers.Member;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.kv.GetResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.Vector;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import site.ycsb.ByteArrayByteIterator;
import site.ycsb.ByteIterator;
import site.ycsb.ClientThread;
import site.ycsb.DB;
import site.ycsb.DBException;
import site.ycsb.Status;
import site.ycsb.measurements.Measurements;
import site.ycsb.workloads.CoreWorkload;

/**
 * The etcd binding against a real three-member etcd cluster on loopback: what YCSB's calls store
 * and return, and a short YCSB workload run in-process with YCSB's own client threads. Skipped,
 * with a line on stderr, where etcd is not installed.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EtcdYcsbDbIT {
  private static final String TABLE = "usertable";

  @TempDir static Path dataRoot;
  private static EtcdServers cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    Optional<String> missing = EtcdServers.missingBinaryMessage();
    if (missing.isPresent()) {
      System.err.println("SKIPPED EtcdYcsbDbIT: " + missing.get());
    }
    assumeTrue(missing.isEmpty(), () -> missing.get());
    List<Integer> ports = freePorts(6);
    List<Member> members = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      members.add(Member.loopback("etcd" + (i + 1), ports.get(2 * i), ports.get(2 * i + 1)));
    }
    cluster = EtcdServers.start(members, dataRoot, Duration.ofSeconds(60));
  }

  @AfterAll
  static void closeStopsEveryEtcdProcessAndDeletesItsData() {
    if (cluster == null) {
      return;
    }
    List<Long> pids = cluster.serverPids();
    assertThat(pids).hasSize(3).allSatisfy(pid -> assertThat(isEtcd(pid)).isTrue());
    cluster.close();
    assertThat(pids)
        .allSatisfy(
            pid ->
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                    .isNotEqualTo(Optional.of(true)));
    for (Member member : cluster.members()) {
      assertThat(dataRoot.resolve(member.name() + ".etcd")).doesNotExist();
    }
  }

  @Test
  void insertedRecordReadsBackAndIsStoredInTheSharedEncoding() throws Exception {
    DB db = db(Map.of());
    Map<String, ByteIterator> record = record("field0", "one", "field1", "two");
    assertThat(db.insert(TABLE, "inserted", record)).isEqualTo(Status.OK);

    Map<String, ByteIterator> read = new HashMap<>();
    assertThat(db.read(TABLE, "inserted", null, read)).isEqualTo(Status.OK);
    assertThat(bytes(read))
        .containsExactlyInAnyOrderEntriesOf(Map.of("field0", utf8("one"), "field1", utf8("two")));

    GetResponse raw =
        cluster
            .client()
            .getKVClient()
            .get(ByteSequence.from(TABLE + "/inserted", StandardCharsets.UTF_8))
            .get(5, TimeUnit.SECONDS);
    assertThat(raw.getKvs().get(0).getValue().getBytes())
        .isEqualTo(YcsbValues.encode(record("field0", "one", "field1", "two")));
  }

  @Test
  void readOfChosenFieldsReturnsOnlyThem() {
    DB db = db(Map.of());
    db.insert(TABLE, "chosen", record("field0", "a", "field1", "b"));
    Map<String, ByteIterator> read = new HashMap<>();
    assertThat(db.read(TABLE, "chosen", Set.of("field1"), read)).isEqualTo(Status.OK);
    assertThat(bytes(read)).containsOnlyKeys("field1");
  }

  @Test
  void updateOfOneFieldKeepsTheOthers() {
    DB db = db(Map.of());
    db.insert(TABLE, "partial", record("field0", "kept", "field1", "old"));
    assertThat(db.update(TABLE, "partial", record("field1", "new"))).isEqualTo(Status.OK);

    Map<String, ByteIterator> read = new HashMap<>();
    assertThat(db.read(TABLE, "partial", null, read)).isEqualTo(Status.OK);
    assertThat(bytes(read))
        .containsExactlyInAnyOrderEntriesOf(Map.of("field0", utf8("kept"), "field1", utf8("new")));
  }

  @Test
  void updateOfAnAbsentRecordCreatesIt() {
    DB db = db(Map.of());
    assertThat(db.update(TABLE, "upserted", record("field0", "x"))).isEqualTo(Status.OK);
    Map<String, ByteIterator> read = new HashMap<>();
    assertThat(db.read(TABLE, "upserted", null, read)).isEqualTo(Status.OK);
    assertThat(bytes(read)).containsExactlyEntriesOf(Map.of("field0", utf8("x")));
  }

  @Test
  void blindUpdateReplacesTheWholeRecord() {
    DB db = db(Map.of(EtcdYcsbDb.UPDATE_BLIND_KEY, "true"));
    db.insert(TABLE, "blind", record("field0", "gone", "field1", "old"));
    assertThat(db.update(TABLE, "blind", record("field1", "new"))).isEqualTo(Status.OK);
    Map<String, ByteIterator> read = new HashMap<>();
    assertThat(db.read(TABLE, "blind", null, read)).isEqualTo(Status.OK);
    assertThat(bytes(read)).containsExactlyEntriesOf(Map.of("field1", utf8("new")));
  }

  @Test
  void absentAndDeletedRecordsAreNotFound() {
    DB db = db(Map.of());
    assertThat(db.read(TABLE, "never-written", null, new HashMap<>())).isEqualTo(Status.NOT_FOUND);
    assertThat(db.delete(TABLE, "never-written")).isEqualTo(Status.NOT_FOUND);

    db.insert(TABLE, "deleted", record("field0", "v"));
    assertThat(db.delete(TABLE, "deleted")).isEqualTo(Status.OK);
    assertThat(db.read(TABLE, "deleted", null, new HashMap<>())).isEqualTo(Status.NOT_FOUND);
  }

  @Test
  void scanIsNotImplemented() {
    assertThat(db(Map.of()).scan(TABLE, "a", 10, null, new Vector<>()))
        .isEqualTo(Status.NOT_IMPLEMENTED);
  }

  @Test
  void linearizableAndSerializableReadsSeeAWrite() throws Exception {
    DB linearizable = db(Map.of(EtcdYcsbDb.SERIALIZABLE_KEY, "false"));
    DB serializable = db(Map.of(EtcdYcsbDb.SERIALIZABLE_KEY, "true"));
    assertThat(linearizable.insert(TABLE, "modes", record("field0", "written")))
        .isEqualTo(Status.OK);

    // Linearizable: the read follows the write, whichever member answers.
    Map<String, ByteIterator> read = new HashMap<>();
    assertThat(linearizable.read(TABLE, "modes", null, read)).isEqualTo(Status.OK);
    assertThat(bytes(read)).containsEntry("field0", utf8("written"));

    // Serializable: the answering member's own state, which may lag the commit by a little.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    Map<String, byte[]> seen = Map.of();
    while (!seen.containsKey("field0") && System.nanoTime() < deadline) {
      Map<String, ByteIterator> local = new HashMap<>();
      if (serializable.read(TABLE, "modes", null, local) == Status.OK) {
        seen = bytes(local);
      } else {
        Thread.sleep(20);
      }
    }
    assertThat(seen).containsEntry("field0", utf8("written"));
  }

  @Test
  void ycsbLoadAndWorkloadARunWithoutErrorsAndEveryInsertedRecordReadsBack() throws Exception {
    Properties props = new Properties();
    props.setProperty("workload", CoreWorkload.class.getName());
    props.setProperty("table", "ycsbit");
    props.setProperty("recordcount", "200");
    props.setProperty("operationcount", "2000");
    props.setProperty("fieldcount", "1");
    props.setProperty("fieldlength", "100");
    props.setProperty("readproportion", "0.5");
    props.setProperty("updateproportion", "0.5");
    props.setProperty("scanproportion", "0");
    props.setProperty("insertproportion", "0");
    props.setProperty("requestdistribution", "zipfian");
    Measurements.setProperties(props);
    CoreWorkload workload = new CoreWorkload();
    workload.init(props);
    StatusCounts counts = new StatusCounts();

    runClientThreads(workload, props, counts, false, 200);
    runClientThreads(workload, props, counts, true, 2000);
    workload.cleanup();

    assertThat(counts.failures()).isEmpty();
    assertThat(counts.ok("INSERT")).isEqualTo(200);
    assertThat(counts.ok("READ") + counts.ok("UPDATE")).isEqualTo(2000);
    assertThat(counts.ok("READ")).isPositive();
    assertThat(counts.ok("UPDATE")).isPositive();
    assertThat(counts.inserted).hasSize(200);
    DB check = db(Map.of());
    for (String key : counts.inserted) {
      Map<String, ByteIterator> read = new HashMap<>();
      assertThat(check.read("ycsbit", key, null, read)).as(key).isEqualTo(Status.OK);
      Map<String, byte[]> fields = bytes(read);
      assertThat(fields).as(key).containsOnlyKeys("field0");
      assertThat(fields.get("field0")).as(key).hasSize(100);
    }
  }

  /** Runs {@code ops} operations on four YCSB client threads, each with its own binding. */
  private static void runClientThreads(
      CoreWorkload workload, Properties props, StatusCounts counts, boolean transactions, int ops)
      throws InterruptedException {
    int threads = 4;
    CountDownLatch done = new CountDownLatch(threads);
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      DB db = new CountingDb(cluster.newDb(props), counts);
      db.setProperties(props);
      ClientThread client =
          new ClientThread(db, transactions, workload, props, ops / threads, 0, done);
      client.setThreadId(t);
      client.setThreadCount(threads);
      Thread thread = new Thread(client, "ycsb-it-" + t);
      thread.start();
      running.add(thread);
    }
    assertThat(done.await(90, TimeUnit.SECONDS)).as("client threads finished").isTrue();
    for (Thread thread : running) {
      thread.join();
    }
  }

  private static DB db(Map<String, String> knobs) {
    Properties props = new Properties();
    props.putAll(knobs);
    DB db = cluster.newDb(props);
    try {
      db.init();
    } catch (DBException e) {
      throw new AssertionError(e);
    }
    return db;
  }

  private static Map<String, ByteIterator> record(String... namesAndValues) {
    Map<String, ByteIterator> record = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      record.put(namesAndValues[i], new ByteArrayByteIterator(utf8(namesAndValues[i + 1])));
    }
    return record;
  }

  /** The fields' bytes; call once per map, as reading a ByteIterator consumes it. */
  private static Map<String, byte[]> bytes(Map<String, ByteIterator> read) {
    Map<String, byte[]> out = new HashMap<>();
    read.forEach((name, value) -> out.put(name, value.toArray()));
    return out;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static boolean isEtcd(long pid) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).trim().equals("etcd");
    } catch (IOException e) {
      return false;
    }
  }

  private static List<Integer> freePorts(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0));
      }
      return sockets.stream().map(ServerSocket::getLocalPort).toList();
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
  }

  /** Every Status the binding returned, by operation, and the keys it inserted. */
  private static final class StatusCounts {
    final Map<String, AtomicLong> byOperationAndStatus = new ConcurrentHashMap<>();
    final Set<String> inserted = ConcurrentHashMap.newKeySet();

    void count(String operation, Status status) {
      byOperationAndStatus
          .computeIfAbsent(operation + " " + status.getName(), k -> new AtomicLong())
          .incrementAndGet();
    }

    long ok(String operation) {
      AtomicLong n = byOperationAndStatus.get(operation + " " + Status.OK.getName());
      return n == null ? 0 : n.get();
    }

    Map<String, Long> failures() {
      Map<String, Long> failures = new HashMap<>();
      byOperationAndStatus.forEach(
          (kind, n) -> {
            if (!kind.endsWith(" " + Status.OK.getName())) {
              failures.put(kind, n.get());
            }
          });
      return failures;
    }
  }

  /** A binding that counts what each call returned. */
  private static final class CountingDb extends DB {
    private final DB binding;
    private final StatusCounts counts;

    CountingDb(DB binding, StatusCounts counts) {
      this.binding = binding;
      this.counts = counts;
    }

    @Override
    public void init() throws DBException {
      binding.setProperties(getProperties());
      binding.init();
    }

    @Override
    public void cleanup() throws DBException {
      binding.cleanup();
    }

    @Override
    public Status read(
        String table, String key, Set<String> fields, Map<String, ByteIterator> result) {
      return counted("READ", binding.read(table, key, fields, result));
    }

    @Override
    public Status scan(
        String table,
        String startkey,
        int recordcount,
        Set<String> fields,
        Vector<HashMap<String, ByteIterator>> result) {
      return counted("SCAN", binding.scan(table, startkey, recordcount, fields, result));
    }

    @Override
    public Status update(String table, String key, Map<String, ByteIterator> values) {
      return counted("UPDATE", binding.update(table, key, values));
    }

    @Override
    public Status insert(String table, String key, Map<String, ByteIterator> values) {
      Status status = counted("INSERT", binding.insert(table, key, values));
      if (status.isOk()) {
        counts.inserted.add(key);
      }
      return status;
    }

    @Override
    public Status delete(String table, String key) {
      return counted("DELETE", binding.delete(table, key));
    }

    private Status counted(String operation, Status status) {
      counts.count(operation, status);
      return status;
    }
  }
}
