package dev.ringstore.node.storage;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * Publishes a {@link StorageEngine}'s {@link StorageStats} as Micrometer meters named {@code
 * ringstore.storage.*}. Each meter reads the engine when scraped; a closed engine reads as NaN.
 * Meters hold the engine weakly (Micrometer's rule), so they stop reporting once it is gone.
 *
 * <p>Worth watching: {@code wal.syncs} against the write rate (group commit at work in FSYNC mode),
 * the cache's hit ratio, and memtable and SST bytes against the disk.
 */
public final class StorageMetrics implements MeterBinder {
  private final StorageEngine engine;
  private final List<Tag> tags;

  public StorageMetrics(StorageEngine engine, Iterable<Tag> tags) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.tags = List.copyOf(toList(tags));
  }

  private static List<Tag> toList(Iterable<Tag> tags) {
    List<Tag> list = new ArrayList<>();
    tags.forEach(list::add);
    return list;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(
        registry,
        "ringstore.storage.keys",
        "keys",
        "keys in the data column family, estimated",
        StorageStats::approximateKeys);
    gauge(
        registry,
        "ringstore.storage.sst.size",
        "bytes",
        "bytes of live table files",
        StorageStats::liveSstBytes);
    gauge(
        registry,
        "ringstore.storage.memtable.size",
        "bytes",
        "bytes held in memtables",
        StorageStats::memtableBytes);
    gauge(
        registry,
        "ringstore.storage.cache.size",
        "bytes",
        "approximate bytes in the decoded-value cache",
        StorageStats::cacheBytes);
    counter(
        registry,
        "ringstore.storage.wal.syncs",
        List.of(),
        "write-ahead-log syncs",
        StorageStats::walSyncs);
    counter(
        registry,
        "ringstore.storage.cache.gets",
        List.of(Tag.of("result", "hit")),
        "lookups in the decoded-value cache",
        StorageStats::cacheHits);
    counter(
        registry,
        "ringstore.storage.cache.gets",
        List.of(Tag.of("result", "miss")),
        "lookups in the decoded-value cache",
        StorageStats::cacheMisses);
    counter(
        registry,
        "ringstore.storage.cache.evictions",
        List.of(),
        "entries dropped to stay within capacity",
        StorageStats::cacheEvictions);
  }

  private void gauge(
      MeterRegistry registry,
      String name,
      String unit,
      String description,
      ToLongFunction<StorageStats> stat) {
    Gauge.builder(name, engine, e -> read(e, stat))
        .baseUnit(unit)
        .description(description)
        .tags(tags)
        .register(registry);
  }

  private void counter(
      MeterRegistry registry,
      String name,
      List<Tag> extraTags,
      String description,
      ToLongFunction<StorageStats> stat) {
    FunctionCounter.builder(name, engine, e -> read(e, stat))
        .description(description)
        .tags(tags)
        .tags(extraTags)
        .register(registry);
  }

  private static double read(StorageEngine engine, ToLongFunction<StorageStats> stat) {
    try {
      return stat.applyAsLong(engine.stats());
    } catch (IllegalStateException closed) {
      return Double.NaN;
    }
  }
}
