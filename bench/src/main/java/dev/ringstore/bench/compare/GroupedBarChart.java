package dev.ringstore.bench.compare;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

/**
 * Bars grouped by YCSB workload, one bar per system label in each group, the value printed on the
 * bar: throughput and CPU per operation both read this way.
 */
final class GroupedBarChart {
  private GroupedBarChart() {}

  /**
   * @param runs at most one run per workload and label; a label without a run for a workload (or
   *     with a value that is not finite) leaves a gap, a label without any is left out
   * @param valuePattern DecimalFormat pattern for the tick and bar labels
   */
  static CategoryChart draw(
      String title,
      String yAxisTitle,
      String valuePattern,
      List<RunResult> runs,
      ToDoubleFunction<RunResult> value,
      Map<String, Color> colours) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(ChartStyle.WIDTH)
            .height(ChartStyle.HEIGHT)
            .title(title)
            .xAxisTitle("YCSB workload")
            .yAxisTitle(yAxisTitle)
            .build();
    ChartStyle.apply(chart.getStyler());
    chart.getStyler().setYAxisDecimalPattern(valuePattern);
    chart.getStyler().setLabelsVisible(true);
    chart.getStyler().setLabelsRotation(90);
    chart.getStyler().setLabelsPosition(0.5);
    chart.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    chart.getStyler().setAvailableSpaceFill(0.8);
    chart.getStyler().setYAxisMin(0.0);

    TreeSet<String> workloads = new TreeSet<>(SummaryTables.WORKLOAD_ORDER);
    runs.forEach(run -> workloads.add(run.workload()));
    for (Map.Entry<String, Color> label : colours.entrySet()) {
      List<Double> values = new ArrayList<>();
      for (String workload : workloads) {
        values.add(
            runs.stream()
                .filter(run -> run.label().equals(label.getKey()))
                .filter(run -> run.workload().equals(workload))
                .mapToDouble(value)
                .filter(Double::isFinite)
                .boxed()
                .findFirst()
                .orElse(null));
      }
      if (values.stream().allMatch(v -> v == null)) {
        continue;
      }
      CategorySeries series = chart.addSeries(label.getKey(), new ArrayList<>(workloads), values);
      series.setFillColor(label.getValue());
    }
    ChartStyle.legendFor(chart.getStyler(), chart.getSeriesMap().size());
    return chart;
  }
}
