package dev.ringstore.bench.ycsb;

import dev.ringstore.bench.ycsb.RingstoreConnection.LastSeen;
import dev.ringstore.client.GetResult;
import dev.ringstore.client.PutResult;
import dev.ringstore.protocol.RingstoreException;
import dev.ringstore.protocol.v1.ErrorCode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.Vector;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import site.ycsb.ByteIterator;
import site.ycsb.DB;
import site.ycsb.DBException;
import site.ycsb.Status;

/**
 * The YCSB binding for Ringstore, through the Java client (token-aware routing).
 *
 * <ul>
 *   <li>{@code read}: a get with the run's R; siblings (counted) are merged field by field, and the
 *       version's context is remembered for the next update of that key.
 *   <li>{@code update}: a put with the context of the last version this load generator saw of the
 *       key, and its fields merged with the ones the update changes; with no remembered version it
 *       reads first. So an update supersedes what was read, as in an application that reads before
 *       it writes; a concurrent update becomes a sibling, never a loss.
 *   <li>{@code insert}: a blind put (no context). {@code delete}: with the remembered context, or
 *       reading first. {@code scan}: not supported by a hash-partitioned store.
 * </ul>
 *
 * <p>Constructed without arguments (the stock YCSB client, {@code -db
 * dev.ringstore.bench.ycsb.RingstoreYcsbDb}) each thread opens its own client from the properties
 * ({@link RingstoreConnection}); the comparison driver passes one shared connection instead.
 * Failures never escape (YCSB's client thread exits the JVM on an exception): they become {@code
 * ERROR} or {@code SERVICE_UNAVAILABLE}.
 */
public final class RingstoreYcsbDb extends DB {
  private static final Logger log = LoggerFactory.getLogger(RingstoreYcsbDb.class);
  private final boolean ownsConnection;
  private RingstoreConnection connection;
  private long lastLogNanos;

  /** For the stock YCSB client: opens its own connection in {@link #init()}. */
  public RingstoreYcsbDb() {
    this.ownsConnection = true;
  }

  /** For a driver that shares one connection among its threads. */
  public RingstoreYcsbDb(RingstoreConnection shared) {
    this.ownsConnection = false;
    this.connection = shared;
  }

  @Override
  public void init() throws DBException {
    if (ownsConnection) {
      try {
        connection = RingstoreConnection.open(getProperties());
      } catch (RuntimeException e) {
        throw new DBException("cannot reach Ringstore: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public void cleanup() {
    if (ownsConnection && connection != null) {
      connection.close();
    }
  }

  @Override
  public Status read(
      String table, String key, Set<String> fields, Map<String, ByteIterator> result) {
    try {
      Map<String, byte[]> found = fetch(table + "/" + key);
      if (found == null) {
        return Status.NOT_FOUND;
      }
      Map<String, byte[]> wanted = new LinkedHashMap<>(found);
      if (fields != null) {
        wanted.keySet().retainAll(fields);
      }
      YcsbValues.into(wanted, result);
      return Status.OK;
    } catch (RuntimeException e) {
      return failed("read", e);
    }
  }

  @Override
  public Status update(String table, String key, Map<String, ByteIterator> values) {
    String id = table + "/" + key;
    try {
      LastSeen seen = connection.lastSeen(id);
      if (seen == null) {
        fetch(id);
        seen = connection.lastSeen(id);
      }
      Map<String, byte[]> fields = seen == null ? new HashMap<>() : new HashMap<>(seen.fields());
      values.forEach((name, value) -> fields.put(name, value.toArray()));
      put(id, fields, seen == null ? null : seen.context());
      return Status.OK;
    } catch (RuntimeException e) {
      return failed("update", e);
    }
  }

  @Override
  public Status insert(String table, String key, Map<String, ByteIterator> values) {
    try {
      Map<String, byte[]> fields = new LinkedHashMap<>();
      values.forEach((name, value) -> fields.put(name, value.toArray()));
      put(table + "/" + key, fields, null);
      return Status.OK;
    } catch (RuntimeException e) {
      return failed("insert", e);
    }
  }

  @Override
  public Status delete(String table, String key) {
    String id = table + "/" + key;
    try {
      LastSeen seen = connection.lastSeen(id);
      if (seen == null) {
        connection.store().delete(id, connection.writeOptions()).join();
      } else {
        connection.store().delete(id, seen.context(), connection.writeOptions()).join();
      }
      connection.forget(id);
      return Status.OK;
    } catch (RuntimeException e) {
      return failed("delete", e);
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

  /** Reads {@code id}, remembers its context, returns its fields (null when not found). */
  private Map<String, byte[]> fetch(String id) {
    GetResult<byte[]> read = connection.store().get(id, connection.readOptions()).join();
    if (!read.isFound()) {
      connection.forget(id);
      return null;
    }
    if (read.values().size() > 1) {
      connection.sawSiblings();
    }
    Map<String, byte[]> merged = new LinkedHashMap<>();
    for (byte[] sibling : read.values()) {
      merged.putAll(YcsbValues.decode(sibling, null));
    }
    connection.remember(id, read.context(), merged);
    return merged;
  }

  /**
   * Writes {@code fields} with {@code context} and remembers the version it made. The write asks
   * for the body: when writers of this or another load generator raced it, the reply shows their
   * siblings, whose fields are merged into what is remembered, so the next update supersedes them
   * too. Without it a write-only workload on hot keys piles siblings up to the limit, since a put's
   * context never covers siblings its client was not shown.
   */
  private void put(String id, Map<String, byte[]> fields, String context) {
    PutResult<byte[]> written =
        connection
            .store()
            .put(id, YcsbValues.encodeBytes(fields), context, connection.writeOptions())
            .join();
    Map<String, byte[]> seen = fields;
    if (written.values().size() > 1) {
      seen = new LinkedHashMap<>();
      for (byte[] sibling : written.values()) {
        seen.putAll(YcsbValues.decode(sibling, null));
      }
      seen.putAll(fields);
    }
    connection.remember(id, written.context(), seen);
  }

  private Status failed(String operation, RuntimeException e) {
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    long now = System.nanoTime();
    if (now - lastLogNanos > 1_000_000_000L) {
      lastLogNanos = now;
      log.warn("{} failed: {}", operation, cause.toString());
    }
    if (cause instanceof RingstoreException known && known.code() == ErrorCode.UNAVAILABLE) {
      return Status.SERVICE_UNAVAILABLE;
    }
    return Status.ERROR;
  }
}
