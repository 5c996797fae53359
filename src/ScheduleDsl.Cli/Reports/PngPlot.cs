using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ScottPlot;

namespace ScheduleDsl.Cli.Reports
{
    /// <summary>One line of a plot: a name and its points.</summary>
    public sealed record Series(string Name, double[] X, double[] Y);

    /// <summary>Line plots as PNG files (ScottPlot), with titled axes, a legend, and a logarithmic y axis where asked.</summary>
    public static class PngPlot
    {
        public const int Width = 800;
        public const int Height = 480;

        /// <summary>
        /// Writes a PNG. With <paramref name="logY"/> the y axis is logarithmic when the values span more than a factor of
        /// 20 (a narrower range reads better on a linear axis); <paramref name="steps"/> draws each series as a staircase.
        /// </summary>
        public static void Write(string path, string title, string xLabel, string yLabel, IReadOnlyList<Series> series, bool logY = false, bool steps = false)
        {
            double min = series.SelectMany(s => s.Y).Where(v => v > 0).DefaultIfEmpty(1).Min();
            double max = series.SelectMany(s => s.Y).DefaultIfEmpty(1).Max();
            logY &= max / min > 20;
            var plot = new Plot();
            foreach (Series s in series)
            {
                double[] ys = logY ? s.Y.Select(v => Math.Log10(Math.Max(v, 1e-300))).ToArray() : s.Y;
                var line = plot.Add.ScatterLine(s.X, ys);
                line.LegendText = s.Name;
                line.LineWidth = 2;
                line.MarkerSize = s.X.Length <= 40 ? 5 : 0;
                if (steps)
                {
                    line.ConnectStyle = ConnectStyle.StepHorizontal;
                }
            }

            plot.Title(title);
            plot.XLabel(xLabel);
            plot.YLabel(yLabel + (logY ? " (log scale)" : string.Empty));
            if (logY)
            {
                var ticks = new ScottPlot.TickGenerators.NumericAutomatic
                {
                    MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                    IntegerTicksOnly = true,
                    LabelFormatter = y => Math.Pow(10, y).ToString("G3", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal),
                };
                plot.Axes.Left.TickGenerator = ticks;
            }

            if (series.All(s => s.X.All(x => x == Math.Floor(x))))
            {
                plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
            }

            // Beside the data, never over it: curves of several schedules fill every corner of the plot.
            plot.ShowLegend(Edge.Right);
            plot.SavePng(path, Width, Height);
        }
    }
}
