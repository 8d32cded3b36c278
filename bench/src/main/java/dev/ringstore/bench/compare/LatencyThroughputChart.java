package dev.ringstore.bench.compare;

import java.awt.Color;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.DoubleStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The sweep's latency against the throughput it achieved: per system label, p99 as a solid line and
 * p50 as a dashed one in the same colour, a marker on each step. The latency axis turns logarithmic
 * when the values span more than a factor of 20.
 */
final class LatencyThroughputChart {
  private static final Marker[] MARKERS = {
    SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP
  };

  private LatencyThroughputChart() {}

  static XYChart draw(String workload, List<RunResult> sweep, Map<String, Color> colours) {
    XYChart chart =
        new XYChartBuilder()
            .width(ChartStyle.WIDTH)
            .height(ChartStyle.HEIGHT)
            .title("Workload " + workload + ": latency vs throughput (throttled sweep)")
            .xAxisTitle("achieved throughput (ops/s)")
            .build();
    ChartStyle.apply(chart.getStyler());
    chart.getStyler().setXAxisDecimalPattern("#,##0");
    chart.getStyler().setMarkerSize(9);
    double[] latencies =
        sweep.stream()
            .flatMapToDouble(run -> DoubleStream.of(run.p50Millis(), run.p99Millis()))
            .filter(Double::isFinite)
            .toArray();
    double min = DoubleStream.of(latencies).min().orElse(0);
    boolean log = min > 0 && DoubleStream.of(latencies).max().orElse(0) / min > 20;
    chart.getStyler().setYAxisLogarithmic(log);
    chart.setYAxisTitle(log ? "latency (ms, log scale)" : "latency (ms)");
    chart.getStyler().setYAxisDecimalPattern(log ? "#,##0.##" : "#,##0.0");

    int index = 0;
    for (Map.Entry<String, Color> label : colours.entrySet()) {
      List<RunResult> steps =
          sweep.stream()
              .filter(run -> run.label().equals(label.getKey()))
              .sorted(Comparator.comparingDouble(RunResult::opsPerSecond))
              .toList();
      if (steps.isEmpty()) {
        continue;
      }
      Marker marker = MARKERS[index++ % MARKERS.length];
      line(chart, label.getKey() + " p99", steps, RunResult::p99Millis, label.getValue(), marker)
          .setLineStyle(ChartStyle.SOLID);
      line(chart, label.getKey() + " p50", steps, RunResult::p50Millis, label.getValue(), marker)
          .setLineStyle(ChartStyle.DASHED);
    }
    ChartStyle.legendFor(chart.getStyler(), chart.getSeriesMap().size());
    return chart;
  }

  private static XYSeries line(
      XYChart chart,
      String name,
      List<RunResult> steps,
      ToDoubleFunction<RunResult> latency,
      Color colour,
      Marker marker) {
    double[] x = steps.stream().mapToDouble(RunResult::opsPerSecond).toArray();
    double[] y = steps.stream().mapToDouble(latency).toArray();
    XYSeries series = chart.addSeries(name, x, y);
    series.setLineColor(colour);
    series.setMarkerColor(colour);
    series.setMarker(marker);
    return series;
  }
}
