package dev.ringstore.config.raft;

import dev.ringstore.config.LeaderChange;
import dev.ringstore.config.ReplicaId;
import dev.ringstore.config.ReplicatedState;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link ReplicatedState} as a Ratis state machine: applies committed entries, answers
 * queries, takes and loads snapshots, and reports leader changes.
 *
 * <p>Threads: Ratis applies entries and takes automatic snapshots on its single state-machine
 * updater thread; queries run on a thread of their own, so a query never runs on (or blocks) a
 * transport thread. {@code applied} guards the pair (state, last applied index), so a snapshot's
 * bytes always belong to the index it is filed under, whichever thread Ratis takes it on.
 */
final class ReplicatedStateMachine extends BaseStateMachine {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicatedStateMachine.class);

  private final ReplicaId self;
  private final ReplicatedState state;
  private final SimpleStateMachineStorage storage = new SimpleStateMachineStorage();
  private final ExecutorService queries;
  private final Object applied = new Object();
  private final LeaderWatch leaders = new LeaderWatch();

  ReplicatedStateMachine(ReplicaId self, ReplicatedState state) {
    this.self = self;
    this.state = state;
    this.queries =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "ringstore-config-query-" + self);
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage)
      throws IOException {
    getLifeCycle()
        .startAndTransition(
            () -> {
              super.initialize(server, groupId, raftStorage);
              SnapshotFile.deleteLeftovers(
                  raftStorage.getStorageDir().getStateMachineDir().toPath());
              storage.init(raftStorage);
              restore(storage.getLatestSnapshot());
            },
            IOException.class);
  }

  /**
   * Called before the leader installs its snapshot here. Ratis checks that the state machine then
   * says it is paused ({@code BaseStateMachine} does not), or it shuts the replica down.
   */
  @Override
  public void pause() {
    if (getLifeCycle().compareAndTransition(LifeCycle.State.RUNNING, LifeCycle.State.PAUSING)) {
      getLifeCycle().transition(LifeCycle.State.PAUSED);
    }
  }

  /** Called once the leader's snapshot is installed here: the state jumps to that snapshot. */
  @Override
  public void reinitialize() throws IOException {
    restore(storage.loadLatestSnapshot());
    if (getLifeCycle().compareAndTransition(LifeCycle.State.PAUSED, LifeCycle.State.STARTING)) {
      getLifeCycle().transition(LifeCycle.State.RUNNING);
    }
  }

  @Override
  public SimpleStateMachineStorage getStateMachineStorage() {
    return storage;
  }

  @Override
  public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
    LogEntryProto entry = trx.getLogEntry();
    byte[] command = entry.getStateMachineLogEntry().getLogData().toByteArray();
    ByteString reply;
    synchronized (applied) {
      try {
        reply = CommandReply.applied(state.apply(command));
      } catch (RuntimeException e) {
        LOG.error("{}: the replicated state failed to apply entry {}", self, entry.getIndex(), e);
        reply = CommandReply.failed(e);
      } finally {
        updateLastAppliedTermIndex(TermIndex.valueOf(entry));
      }
    }
    return CompletableFuture.completedFuture(Message.valueOf(reply));
  }

  @Override
  public CompletableFuture<Message> query(Message request) {
    byte[] query = request.getContent().toByteArray();
    try {
      return CompletableFuture.supplyAsync(
          () -> Message.valueOf(ByteString.copyFrom(state.query(query))), queries);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(new IOException(self + " is closed", e));
    }
  }

  @Override
  public long takeSnapshot() throws IOException {
    TermIndex at;
    byte[] bytes;
    synchronized (applied) {
      at = getLastAppliedTermIndex();
      if (at == null || at.getIndex() < 0) {
        return RaftLog.INVALID_LOG_INDEX;
      }
      bytes = snapshotOfState();
    }
    storage.updateLatestSnapshot(SnapshotFile.write(storage, at, bytes));
    LOG.debug("{}: snapshot of {} bytes at {}", self, bytes.length, at);
    return at.getIndex();
  }

  @Override
  public void notifyLeaderChanged(RaftGroupMemberId member, RaftPeerId newLeader) {
    long term;
    try {
      term = getServer().join().getDivision(getGroupId()).getInfo().getCurrentTerm();
    } catch (IOException e) {
      LOG.warn("{}: cannot read the term of new leader {}", self, newLeader, e);
      return;
    }
    leaders.observed(new LeaderChange(self, term, GroupLayout.replicaId(newLeader)));
  }

  void addLeaderListener(Consumer<LeaderChange> listener) {
    leaders.add(listener);
  }

  @Override
  public void close() {
    queries.shutdown();
    getLifeCycle().checkStateAndClose();
  }

  /**
   * The state's bytes. A failure becomes an IOException, which Ratis logs and survives; anything
   * else thrown on its state-machine updater thread makes Ratis close this replica.
   */
  private byte[] snapshotOfState() throws IOException {
    try {
      return state.snapshot();
    } catch (RuntimeException e) {
      throw new IOException(self + ": the replicated state failed to take a snapshot", e);
    }
  }

  private void restore(SingleFileSnapshotInfo snapshot) throws IOException {
    if (snapshot == null) {
      return;
    }
    byte[] bytes = SnapshotFile.read(snapshot);
    synchronized (applied) {
      try {
        state.restore(bytes);
      } catch (RuntimeException e) {
        throw new IOException(self + ": the replicated state failed to restore " + snapshot, e);
      }
      setLastAppliedTermIndex(snapshot.getTermIndex());
    }
    LOG.info("{}: restored a snapshot of {} bytes at {}", self, bytes.length, snapshot);
  }
}
