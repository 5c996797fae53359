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

        public static void Write(string path, string title, string xLabel, string yLabel, IReadOnlyList<Series> series, bool logY = false)
        {
            var plot = new Plot();
            foreach (Series s in series)
            {
                double[] ys = logY ? s.Y.Select(v => Math.Log10(Math.Max(v, 1e-300))).ToArray() : s.Y;
                var line = plot.Add.ScatterLine(s.X, ys);
                line.LegendText = s.Name;
                line.LineWidth = 2;
                line.MarkerSize = s.X.Length <= 40 ? 5 : 0;
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
                    LabelFormatter = y => Math.Pow(10, y).ToString("G3", CultureInfo.InvariantCulture),
                };
                plot.Axes.Left.TickGenerator = ticks;
            }

            plot.ShowLegend(Alignment.UpperRight);
            plot.SavePng(path, Width, Height);
        }
    }
}
