package dev.ringstore.bench.compare;

import java.util.List;
import java.util.Properties;

/**
 * The comparison's workloads, as YCSB core workload properties: YCSB's standard A (50% reads, 50%
 * updates), B (95/5), C (reads only) and F (50% reads, 50% read-modify-writes), all with the
 * Zipfian request distribution of YCSB's workload files, plus W (updates only). Every record is one
 * field of 1 KiB, so an update rewrites the whole value on both systems.
 */
final class Workloads {
  static final List<String> ALL = List.of("A", "B", "C", "F", "W");

  private Workloads() {}

  /** The YCSB properties of {@code workload} over {@code records} records. */
  static Properties of(String workload, int records) {
    Properties p = new Properties();
    p.setProperty("workload", "site.ycsb.workloads.CoreWorkload");
    p.setProperty("recordcount", Integer.toString(records));
    p.setProperty("operationcount", Integer.toString(Integer.MAX_VALUE));
    p.setProperty("fieldcount", "1");
    p.setProperty("fieldlength", "1024");
    p.setProperty("readallfields", "true");
    p.setProperty("writeallfields", "true");
    p.setProperty("requestdistribution", "zipfian");
    p.setProperty("measurementtype", "hdrhistogram");
    double read;
    double update = 0;
    double rmw = 0;
    switch (workload) {
      case "A" -> {
        read = 0.5;
        update = 0.5;
      }
      case "B" -> {
        read = 0.95;
        update = 0.05;
      }
      case "C" -> read = 1.0;
      case "F" -> {
        read = 0.5;
        rmw = 0.5;
      }
      case "W" -> {
        read = 0;
        update = 1.0;
      }
      default ->
          throw new IllegalArgumentException(
              "unknown workload " + workload + ": choose from " + ALL);
    }
    p.setProperty("readproportion", Double.toString(read));
    p.setProperty("updateproportion", Double.toString(update));
    p.setProperty("readmodifywriteproportion", Double.toString(rmw));
    p.setProperty("insertproportion", "0");
    p.setProperty("scanproportion", "0");
    return p;
  }
}
