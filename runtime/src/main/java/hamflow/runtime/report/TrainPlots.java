package hamflow.runtime.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The plots of a training run, as PNG with XChart. */
public final class TrainPlots {
  private TrainPlots() {}

  /** Named curves {@code y(x)} in one chart; {@code logY} for loss curves. */
  public static void curves(Path png, String title, String xLabel, String yLabel,
      Map<String, double[][]> series, boolean logY) throws IOException {
    XYChart chart = new XYChartBuilder().width(800).height(600).title(title)
        .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setYAxisLogarithmic(logY);
    series.forEach((name, xy) -> {
      XYSeries s = chart.addSeries(name, xy[0], xy[1]);
      s.setMarker(SeriesMarkers.NONE);
    });
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  /**
   * Heat maps of two functions on the same grid, side by side in one PNG (XChart has no
   * contour plot; equal colours are the level sets).
   */
  public static void heatMapsSideBySide(Path png, String leftTitle, String rightTitle,
      double[] xs, double[] ys, double[][] left, double[][] right, String xLabel, String yLabel)
      throws IOException {
    BufferedImage a = BitmapEncoder.getBufferedImage(heatMap(leftTitle, xs, ys, left, xLabel, yLabel));
    BufferedImage b = BitmapEncoder.getBufferedImage(heatMap(rightTitle, xs, ys, right, xLabel, yLabel));
    BufferedImage both = new BufferedImage(a.getWidth() + b.getWidth(),
        Math.max(a.getHeight(), b.getHeight()), BufferedImage.TYPE_INT_RGB);
    Graphics2D gr = both.createGraphics();
    gr.setColor(Color.WHITE);
    gr.fillRect(0, 0, both.getWidth(), both.getHeight());
    gr.drawImage(a, 0, 0, null);
    gr.drawImage(b, a.getWidth(), 0, null);
    gr.dispose();
    ImageIO.write(both, "png", png.toFile());
  }

  private static HeatMapChart heatMap(String title, double[] xs, double[] ys, double[][] z,
      String xLabel, String yLabel) {
    HeatMapChart chart = new HeatMapChartBuilder().width(600).height(550).title(title)
        .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setShowValue(false);
    chart.getStyler().setPlotContentSize(1.0);
    List<Double> xl = new ArrayList<>();
    List<Double> yl = new ArrayList<>();
    for (double x : xs) {
      xl.add(Math.round(x * 100) / 100.0);
    }
    for (double y : ys) {
      yl.add(Math.round(y * 100) / 100.0);
    }
    List<Number[]> cells = new ArrayList<>();
    for (int i = 0; i < xs.length; i++) {
      for (int j = 0; j < ys.length; j++) {
        cells.add(new Number[] {i, j, z[i][j]});
      }
    }
    chart.addSeries(title, xl, yl, cells);
    return chart;
  }
}
