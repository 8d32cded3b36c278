package dev.ringstore.bench.ycsb;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.common.exception.ErrorCode;
import io.etcd.jetcd.common.exception.EtcdException;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.Vector;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import site.ycsb.ByteIterator;
import site.ycsb.DB;
import site.ycsb.DBException;
import site.ycsb.Status;

/**
 * The YCSB binding for etcd (v3 API, through jetcd), the consistent (CP) side of the comparison. A
 * record is one etcd key, {@code table + "/" + key}, whose value is the record encoded by {@link
 * YcsbValues}, the same bytes Ringstore stores.
 *
 * <ul>
 *   <li>{@code read}: a range request for the key, linearizable unless {@value #SERIALIZABLE_KEY}
 *       is true (then the member the client picked answers from its own state, possibly stale).
 *   <li>{@code insert}: a put of the whole record.
 *   <li>{@code update}: etcd has no field-level update, and YCSB may pass a subset of the fields.
 *       So by default an update reads the record, merges the given fields into it and writes it
 *       back in a transaction that commits only if the key's revision is still the one read (a
 *       compare-and-swap, retried until the timeout): a concurrent update is never lost. With
 *       {@value #UPDATE_BLIND_KEY}{@code =true} it is a plain put of the given fields instead,
 *       correct only when every update writes every field; the comparison sets it, since its
 *       records have exactly one field.
 *   <li>{@code delete}: a delete ({@code NOT_FOUND} when nothing was there). {@code scan}: not
 *       implemented (the comparison's workloads do not scan).
 * </ul>
 *
 * <p>Constructed without arguments (the stock YCSB client, {@code -db
 * dev.ringstore.bench.ycsb.EtcdYcsbDb -p etcd.endpoints=http://…}) each instance opens its own
 * client in {@link #init()} and closes it in {@link #cleanup()}; the comparison driver passes one
 * client shared by all its threads instead, and closes it itself. Every call waits at most {@value
 * #TIMEOUT_MS_KEY} milliseconds. Failures never escape (YCSB's client thread exits the JVM on an
 * exception): no answer in time, no leader or an unreachable member become {@code
 * SERVICE_UNAVAILABLE} (whether jetcd reports it as an etcd error, a gRPC status or a closed
 * connection), anything else {@code ERROR}, with at most one log line a second.
 */
public final class EtcdYcsbDb extends DB {
  /** Comma-separated client URLs ({@code http://host:port}); only without a shared client. */
  public static final String ENDPOINTS_KEY = "etcd.endpoints";

  /** Serializable (local, possibly stale) reads instead of linearizable ones. */
  public static final String SERIALIZABLE_KEY = "etcd.serializable";

  public static final boolean SERIALIZABLE_DEFAULT = false;

  /** How long one YCSB call waits for etcd, in milliseconds. */
  public static final String TIMEOUT_MS_KEY = "etcd.timeout.ms";

  public static final long TIMEOUT_MS_DEFAULT = 5000;

  /** Updates as plain puts of the given fields, without reading the record first. */
  public static final String UPDATE_BLIND_KEY = "etcd.update.blind";

  public static final boolean UPDATE_BLIND_DEFAULT = false;

  private static final Logger log = LoggerFactory.getLogger(EtcdYcsbDb.class);
  private static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
  // Shared by every instance (one per YCSB thread): one line a second for the whole load generator.
  private static final AtomicLong lastLogNanos =
      new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);
  private static final AtomicLong unloggedFailures = new AtomicLong();

  private final boolean ownsClient;
  private Client client;
  private KV kv;
  private GetOption readOption = GetOption.DEFAULT;
  private long timeoutNanos = TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS_DEFAULT);
  private boolean blindUpdates = UPDATE_BLIND_DEFAULT;

  /** For the stock YCSB client: opens its own client from {@value #ENDPOINTS_KEY} in init(). */
  public EtcdYcsbDb() {
    this.ownsClient = true;
  }

  /** For a driver that shares one client among its threads; {@link #cleanup()} leaves it open. */
  public EtcdYcsbDb(Client shared) {
    this.ownsClient = false;
    this.client = shared;
    this.kv = shared.getKVClient();
  }

  /** A jetcd client for comma-separated {@code endpoints} ({@code http://host:port,…}). */
  public static Client connect(String endpoints) {
    String[] urls =
        Arrays.stream(endpoints.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toArray(String[]::new);
    if (urls.length == 0) {
      throw new IllegalArgumentException("no etcd endpoints in '" + endpoints + "'");
    }
    return Client.builder().endpoints(urls).build();
  }

  @Override
  public void init() throws DBException {
    Properties p = getProperties();
    boolean serializable =
        Boolean.parseBoolean(
            p.getProperty(SERIALIZABLE_KEY, Boolean.toString(SERIALIZABLE_DEFAULT)));
    readOption = GetOption.builder().withSerializable(serializable).build();
    blindUpdates =
        Boolean.parseBoolean(
            p.getProperty(UPDATE_BLIND_KEY, Boolean.toString(UPDATE_BLIND_DEFAULT)));
    try {
      long millis =
          Long.parseLong(p.getProperty(TIMEOUT_MS_KEY, Long.toString(TIMEOUT_MS_DEFAULT)));
      if (millis <= 0) {
        throw new DBException(TIMEOUT_MS_KEY + " must be positive, not " + millis);
      }
      timeoutNanos = TimeUnit.MILLISECONDS.toNanos(millis);
    } catch (NumberFormatException e) {
      throw new DBException(TIMEOUT_MS_KEY + " is not a number: " + e.getMessage(), e);
    }
    if (ownsClient) {
      String endpoints = p.getProperty(ENDPOINTS_KEY);
      if (endpoints == null || endpoints.isBlank()) {
        throw new DBException(ENDPOINTS_KEY + " is not set (e.g. http://127.0.0.1:2379)");
      }
      try {
        client = connect(endpoints);
        kv = client.getKVClient();
      } catch (RuntimeException e) {
        throw new DBException("cannot create an etcd client for " + endpoints + ": " + e, e);
      }
    }
  }

  @Override
  public void cleanup() {
    if (ownsClient && client != null) {
      client.close();
      client = null;
    }
  }

  @Override
  public Status read(
      String table, String key, Set<String> fields, Map<String, ByteIterator> result) {
    try {
      KeyValue found = get(id(table, key), deadline());
      if (found == null) {
        return Status.NOT_FOUND;
      }
      YcsbValues.into(YcsbValues.decode(found.getValue().getBytes(), fields), result);
      return Status.OK;
    } catch (Exception e) {
      return failed("read", table, key, e);
    }
  }

  @Override
  public Status insert(String table, String key, Map<String, ByteIterator> values) {
    try {
      await(kv.put(id(table, key), ByteSequence.from(YcsbValues.encode(values))), deadline());
      return Status.OK;
    } catch (Exception e) {
      return failed("insert", table, key, e);
    }
  }

  @Override
  public Status update(String table, String key, Map<String, ByteIterator> values) {
    ByteSequence id = id(table, key);
    long deadline = deadline();
    try {
      if (blindUpdates) {
        await(kv.put(id, ByteSequence.from(YcsbValues.encode(values))), deadline);
        return Status.OK;
      }
      Map<String, byte[]> changed = new LinkedHashMap<>();
      values.forEach((name, value) -> changed.put(name, value.toArray()));
      while (!mergeAndSwap(id, changed, deadline)) {
        // Another writer changed the record between our read and our write: read it again.
      }
      return Status.OK;
    } catch (Exception e) {
      return failed("update", table, key, e);
    }
  }

  @Override
  public Status delete(String table, String key) {
    try {
      long deleted = await(kv.delete(id(table, key)), deadline()).getDeleted();
      return deleted > 0 ? Status.OK : Status.NOT_FOUND;
    } catch (Exception e) {
      return failed("delete", table, key, e);
    }
  }

  @Override
  public Status scan(
      String table,
      String startkey,
      int recordcount,
      Set<String> fields,
      Vector<HashMap<String, ByteIterator>> result) {
    return Status.NOT_IMPLEMENTED;
  }

  /**
   * One read-merge-write: writes the record with {@code changed} merged in if the key is still at
   * the revision read (or still absent). Answers whether it was.
   */
  private boolean mergeAndSwap(ByteSequence id, Map<String, byte[]> changed, long deadline)
      throws Exception {
    KeyValue current = get(id, deadline);
    Map<String, byte[]> fields = new LinkedHashMap<>();
    Cmp unchanged;
    if (current == null) {
      unchanged = new Cmp(id, Cmp.Op.EQUAL, CmpTarget.version(0));
    } else {
      fields.putAll(YcsbValues.decode(current.getValue().getBytes(), null));
      unchanged = new Cmp(id, Cmp.Op.EQUAL, CmpTarget.modRevision(current.getModRevision()));
    }
    fields.putAll(changed);
    ByteSequence value = ByteSequence.from(YcsbValues.encodeBytes(fields));
    return await(
            kv.txn().If(unchanged).Then(Op.put(id, value, PutOption.DEFAULT)).commit(), deadline)
        .isSucceeded();
  }

  private KeyValue get(ByteSequence id, long deadline) throws Exception {
    GetResponse response = await(kv.get(id, readOption), deadline);
    return response.getKvs().isEmpty() ? null : response.getKvs().get(0);
  }

  private long deadline() {
    return System.nanoTime() + timeoutNanos;
  }

  private static ByteSequence id(String table, String key) {
    return ByteSequence.from(table + "/" + key, StandardCharsets.UTF_8);
  }

  private static <T> T await(CompletableFuture<T> future, long deadline)
      throws InterruptedException, ExecutionException, TimeoutException {
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | InterruptedException e) {
      future.cancel(true);
      throw e;
    }
  }

  private static Status failed(String operation, String table, String key, Exception e) {
    Throwable cause = unwrap(e);
    if (cause instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    Status status = statusOf(cause);
    long now = System.nanoTime();
    long last = lastLogNanos.get();
    if (now - last >= LOG_INTERVAL_NANOS && lastLogNanos.compareAndSet(last, now)) {
      log.warn(
          "etcd {} of {}/{} failed ({}): {}; {} more failures since the last line",
          operation,
          table,
          key,
          status.getName(),
          cause.toString(),
          unloggedFailures.getAndSet(0));
    } else {
      unloggedFailures.incrementAndGet();
    }
    return status;
  }

  /** What YCSB is told about {@code failure}: unavailable, a foreign value, or an error. */
  static Status statusOf(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof TimeoutException) {
      return Status.SERVICE_UNAVAILABLE;
    }
    if (cause instanceof EtcdException etcd) {
      return unavailable(etcd.getErrorCode()) ? Status.SERVICE_UNAVAILABLE : Status.ERROR;
    }
    // jetcd passes some transport failures through as plain gRPC errors, e.g. "UNAVAILABLE:
    // Network closed for unknown reason" for a call in flight to a member that died.
    io.grpc.Status.Code grpc = io.grpc.Status.fromThrowable(cause).getCode();
    if (grpc == io.grpc.Status.Code.UNAVAILABLE || grpc == io.grpc.Status.Code.DEADLINE_EXCEEDED) {
      return Status.SERVICE_UNAVAILABLE;
    }
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return Status.SERVICE_UNAVAILABLE;
      }
    }
    if (cause instanceof IllegalArgumentException) {
      // The value is not a record in YcsbValues' form: something else wrote the key.
      return Status.UNEXPECTED_STATE;
    }
    return Status.ERROR;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof ExecutionException || cause instanceof CompletionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static boolean unavailable(ErrorCode code) {
    return code == ErrorCode.UNAVAILABLE || code == ErrorCode.DEADLINE_EXCEEDED;
  }
}
