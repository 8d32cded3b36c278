package dev.ringstore.bench.compare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.DoubleStream;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One system's partition run: per second, the percentage of completed reads and writes that
 * succeeded on each side of the partition (reads solid, writes dashed, one colour per label and
 * side), with the partition window shaded and bounded by two dashed vertical lines. A second in
 * which no operation of a kind completed leaves a gap in that line.
 */
final class AvailabilityChart {
  private static final double TOP = 105;

  private AvailabilityChart() {}

  static XYChart draw(String system, PartitionWindow window, List<AvailabilitySeries> series) {
    List<String> labels = series.stream().map(AvailabilitySeries::label).distinct().toList();
    boolean oneLabel = labels.size() == 1;
    XYChart chart =
        new XYChartBuilder()
            .width(ChartStyle.WIDTH)
            .height(ChartStyle.HEIGHT)
            .title(
                (oneLabel ? labels.get(0) : system) + ": availability through a network partition")
            .xAxisTitle("time since start (s)")
            .yAxisTitle("operations that succeeded (%)")
            .build();
    ChartStyle.apply(chart.getStyler());
    ChartStyle.legendFor(chart.getStyler(), 1 + 2 * series.size());
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(TOP);
    chart.getStyler().setYAxisDecimalPattern("0");
    chart.getStyler().setXAxisDecimalPattern("0");
    chart.getStyler().setAnnotationLineColor(Color.DARK_GRAY);
    chart
        .getStyler()
        .setAnnotationLineStroke(
            new BasicStroke(
                1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));

    double start = window.startSecond();
    double end = window.endSecond();
    XYSeries shade =
        chart.addSeries(
            "partition (" + window.startSecond() + "–" + window.endSecond() + " s)",
            new double[] {start, start, end, end},
            new double[] {0, TOP, TOP, 0});
    shade.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
    shade.setFillColor(new Color(0, 0, 0, 28));
    shade.setLineColor(new Color(0, 0, 0, 28));
    shade.setMarker(SeriesMarkers.NONE);
    chart.addAnnotation(new AnnotationLine(window.startSecond(), true, false));
    chart.addAnnotation(new AnnotationLine(window.endSecond(), true, false));

    Map<String, Color> colours =
        ChartStyle.colours(series.stream().map(s -> s.label() + " " + s.side()).toList());
    for (AvailabilitySeries one : series) {
      String name = (oneLabel ? "" : one.label() + ", ") + one.side();
      Color colour = colours.get(one.label() + " " + one.side());
      line(
          chart,
          one,
          name + " reads",
          AvailabilitySecond::readSuccessPercent,
          colour,
          ChartStyle.SOLID);
      line(
          chart,
          one,
          name + " writes",
          AvailabilitySecond::writeSuccessPercent,
          colour,
          ChartStyle.DASHED);
    }
    return chart;
  }

  private static void line(
      XYChart chart,
      AvailabilitySeries one,
      String name,
      ToDoubleFunction<AvailabilitySecond> percent,
      Color colour,
      BasicStroke stroke) {
    double[] x = one.seconds().stream().mapToDouble(AvailabilitySecond::second).toArray();
    double[] y = one.seconds().stream().mapToDouble(percent).toArray();
    if (DoubleStream.of(y).noneMatch(Double::isFinite)) {
      return;
    }
    XYSeries line = chart.addSeries(name, x, y);
    line.setLineColor(colour);
    line.setMarker(SeriesMarkers.NONE);
    line.setLineStyle(stroke);
  }
}
