using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ScheduleDsl.Training;
using ScottPlot;

/// <summary>The sample's PNG plots, drawn with ScottPlot: each arm's mean test loss and its learning rate per epoch.</summary>
internal static class Plots
{
    /// <summary>Writes NAME-loss.png and NAME-rate.png into <paramref name="directory"/>; returns their paths.</summary>
    public static IEnumerable<string> Write(IReadOnlyList<ArmResult> results, string directory, string name, string title)
    {
        Directory.CreateDirectory(directory);
        string loss = Path.Combine(directory, name + "-loss.png");
        string rate = Path.Combine(directory, name + "-rate.png");
        Save(loss, title + ": test loss (mean of " + results[0].Runs.Count + " seeds)", "categorical cross-entropy", results, r => r.MeanTestLoss, stairs: false);
        Save(rate, title + ": learning rate", "learning rate", results, r => r.Rates, stairs: true);
        return new[] { loss, rate };
    }

    private static void Save(string path, string title, string yLabel, IReadOnlyList<ArmResult> results, Func<ArmResult, double[]> values, bool stairs)
    {
        // Rates and losses can span decades: plot log10 of the values when they do, with the ticks labelled as values.
        double[][] ys = results.Select(values).ToArray();
        double smallest = ys.SelectMany(y => y).Where(v => v > 0).DefaultIfEmpty(1).Min();
        double largest = ys.SelectMany(y => y).DefaultIfEmpty(1).Max();
        bool log = largest / smallest > 20;
        var plot = new Plot();
        for (int a = 0; a < results.Count; a++)
        {
            double[] epochs = Enumerable.Range(1, ys[a].Length).Select(e => (double)e).ToArray();
            var line = plot.Add.ScatterLine(epochs, log ? ys[a].Select(v => Math.Log10(Math.Max(v, 1e-300))).ToArray() : ys[a]);
            line.LegendText = results[a].Arm.Name;
            line.LineWidth = 2;
            line.MarkerSize = epochs.Length <= 40 ? 5 : 0;
            line.ConnectStyle = stairs ? ConnectStyle.StepHorizontal : ConnectStyle.Straight;
        }

        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel(log ? yLabel + " (log scale)" : yLabel);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        if (log)
        {
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                IntegerTicksOnly = true,
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                LabelFormatter = y => Math.Pow(10, y).ToString("G3", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal),
            };
        }

        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, 800, 480);
    }
}
