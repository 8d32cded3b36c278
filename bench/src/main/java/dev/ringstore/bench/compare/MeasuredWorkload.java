package dev.ringstore.bench.compare;

import java.util.Properties;
import site.ycsb.DB;
import site.ycsb.Workload;
import site.ycsb.WorkloadException;
import site.ycsb.measurements.Measurements;

/**
 * YCSB's workload (CoreWorkload: key choice, operation mix, values) with each transaction timed as
 * one operation. A throttled client thread tells YCSB's measurements when each operation was meant
 * to start; latency is counted from then, so a server that falls behind a sweep's target rate shows
 * the queueing it causes (coordinated omission) instead of hiding it.
 */
final class MeasuredWorkload extends Workload {
  private final Workload core;
  private final PhaseRecorder recorder;

  MeasuredWorkload(Workload core, PhaseRecorder recorder) {
    this.core = core;
    this.recorder = recorder;
  }

  @Override
  public void init(Properties p) throws WorkloadException {
    core.init(p);
  }

  @Override
  public Object initThread(Properties p, int mythreadid, int threadcount) throws WorkloadException {
    return core.initThread(p, mythreadid, threadcount);
  }

  @Override
  public boolean doInsert(DB db, Object threadstate) {
    return core.doInsert(db, threadstate);
  }

  @Override
  public boolean doTransaction(DB db, Object threadstate) {
    long intended = Measurements.getMeasurements().getIntendedtartTimeNs();
    long start = intended > 0 ? intended : System.nanoTime();
    MeasuredDb measured = (MeasuredDb) db;
    measured.takeFailure();
    boolean more = core.doTransaction(db, threadstate);
    recorder.recordTransaction(null, (System.nanoTime() - start) / 1000, measured.takeFailure());
    return more;
  }

  @Override
  public void requestStop() {
    core.requestStop();
    super.requestStop();
  }

  @Override
  public void cleanup() throws WorkloadException {
    core.cleanup();
  }
}
