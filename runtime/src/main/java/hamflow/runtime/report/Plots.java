package hamflow.runtime.report;

import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Line charts saved as PNG with XChart. */
public final class Plots {
  private Plots() {}

  /** A chart with one line per row of {@code ys} against the matching row of {@code xs}. */
  public static void lines(
      Path png, String title, String xLabel, String yLabel, double[][] xs, double[][] ys,
      String seriesPrefix) throws IOException {
    XYChart chart =
        new XYChartBuilder().width(800).height(600).title(title).xAxisTitle(xLabel)
            .yAxisTitle(yLabel).build();
    chart.getStyler().setLegendVisible(xs.length <= 10);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    for (int i = 0; i < xs.length; i++) {
      XYSeries s = chart.addSeries(seriesPrefix + " " + (i + 1), xs[i], ys[i]);
      s.setMarker(SeriesMarkers.NONE);
    }
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  /**
   * A scatter chart of small dots, one series per row of {@code xs}/{@code ys} (e.g. the points
   * of a Poincaré section per trajectory); empty rows are left out of the chart.
   */
  public static void scatter(
      Path png, String title, String xLabel, String yLabel, double[][] xs, double[][] ys,
      String seriesPrefix) throws IOException {
    XYChart chart =
        new XYChartBuilder().width(800).height(800).title(title).xAxisTitle(xLabel)
            .yAxisTitle(yLabel).build();
    chart.getStyler().setLegendVisible(xs.length <= 10);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(3);
    boolean any = false;
    for (int i = 0; i < xs.length; i++) {
      if (xs[i].length > 0) {
        chart.addSeries(seriesPrefix + " " + (i + 1), xs[i], ys[i]).setMarker(SeriesMarkers.CIRCLE);
        any = true;
      }
    }
    if (!any) {
      // XChart cannot draw a chart without data: an empty, labelled chart says "no points".
      chart.setTitle(title + ": no points");
      chart.addSeries("no points", new double[] {0}, new double[] {0})
          .setMarker(SeriesMarkers.NONE);
    }
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
