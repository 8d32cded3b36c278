package dev.ringstore.bench.compare;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * What every comparison chart shares: its size, large sans-serif type, a white background, the
 * legend outside the plot, and one colour per system label across all charts (Okabe-Ito's
 * colour-blind-safe palette).
 */
final class ChartStyle {
  static final int WIDTH = 1000;
  static final int HEIGHT = 600;

  private static final Color[] PALETTE = {
    new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xE69F00),
    new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442)
  };

  /** A dashed line as wide as the solid ones, for the second line of a pair. */
  static final BasicStroke DASHED =
      new BasicStroke(
          2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {10, 6}, 0);

  /** The solid line every chart draws its lines with. */
  static final BasicStroke SOLID = new BasicStroke(2.5f);

  private ChartStyle() {}

  /** Charts are drawn off-screen; call before the first AWT class loads. */
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  /** One colour per name, assigned in sorted order so a label keeps its colour across charts. */
  static Map<String, Color> colours(Collection<String> names) {
    Map<String, Color> colours = new LinkedHashMap<>();
    for (String name : new TreeSet<>(names)) {
      colours.put(name, PALETTE[colours.size() % PALETTE.length]);
    }
    return colours;
  }

  static void apply(AxesChartStyler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(false);
    styler.setPlotGridLinesColor(new Color(0xDDDDDD));
    styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
    styler.setChartTitleBoxVisible(false);
    styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
    styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    styler.setLegendBorderColor(Color.WHITE);
    styler.setChartPadding(12);
  }

  /**
   * A legend of a few entries goes in one row under the plot; more would run off the side, so they
   * go in a column to its right.
   */
  static void legendFor(AxesChartStyler styler, int entries) {
    boolean row = entries <= 5;
    styler.setLegendPosition(row ? LegendPosition.OutsideS : LegendPosition.OutsideE);
    styler.setLegendLayout(row ? LegendLayout.Horizontal : LegendLayout.Vertical);
  }

  static Path save(Chart<?, ?> chart, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG);
    }
    return file;
  }
}
