package dev.ringstore.bench.profile;

import java.util.List;

/**
 * Where a CPU sample went, by the stage of the request path it belongs to: the frame nearest the
 * leaf that names a stage decides (a kernel send under Netty is network; RocksDB under the storage
 * engine is storage; a futex wake under an executor is a thread handoff). Threads of the JVM itself
 * (JIT compilers, GC) are their own stages.
 */
public enum Stage {
  JIT("JIT compiler"),
  GC("garbage collector"),
  LOGGING("logging", "ch/qos/logback", "org/slf4j"),
  METRICS("metrics", "io/micrometer", "org/HdrHistogram"),
  MERKLE("Merkle trees, anti-entropy", "/antientropy/", "SHA2.", "MessageDigest"),
  VERSIONING("versioning (DVV)", "ringstore/common/versioning", "ringstore/common/NodeId"),
  STORAGE("storage (RocksDB, cache, locks)", "rocksdb", "ringstore/node/storage", "caffeine"),
  HANDOFF(
      "thread handoff (executors, futex, scheduling)",
      "futex",
      "LockSupport",
      "ThreadPoolExecutor",
      "ForkJoin",
      "CompletableFuture",
      "finish_task_switch",
      "schedule_"),
  CODEC("encode/decode (protobuf, frames)", "com/google/protobuf", "ringstore/protocol/v1/"),
  NETWORK(
      "network (Netty, sockets, syscalls)",
      "io/netty",
      "sun/nio",
      "tcp_",
      "epoll",
      "__send",
      "__recv",
      "sock_",
      "ip_",
      "net_rx",
      "loopback"),
  COORDINATOR(
      "coordinator, request handling",
      "ringstore/node/coordinator",
      "ringstore/node/server",
      "ringstore/node/handoff",
      "ringstore/protocol"),
  MEMBERSHIP("gossip, liveness, config client", "ringstore/gossip", "ringstore/node/cluster"),
  CONFIG("config service (Ratis)", "org/apache/ratis", "ringstore/config"),
  OTHER("other");

  private final String label;
  private final List<String> patterns;

  Stage(String label, String... patterns) {
    this.label = label;
    this.patterns = List.of(patterns);
  }

  public String label() {
    return label;
  }

  /** The stage of one sampled stack (frames root first; the root is the thread). */
  public static Stage of(List<String> frames) {
    String thread = frames.get(0);
    // Thread names are cut to 15 characters by Linux: "C2 CompilerThre" (digits read '#').
    if (thread.contains("CompilerThre")) {
      return JIT;
    }
    if (thread.contains("GC Thread")
        || thread.startsWith("[G1 ")
        || thread.startsWith("[G# ")
        || thread.startsWith("[VM Thread")) {
      return GC;
    }
    for (int i = frames.size() - 1; i >= 0; i--) {
      String frame = frames.get(i);
      for (Stage stage : values()) {
        for (String pattern : stage.patterns) {
          if (frame.contains(pattern)) {
            return stage;
          }
        }
      }
    }
    return OTHER;
  }
}
