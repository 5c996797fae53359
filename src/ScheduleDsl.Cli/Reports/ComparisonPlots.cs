using System.Collections.Generic;
using System.IO;
using System.Linq;
using ScheduleDsl.Training;

namespace ScheduleDsl.Cli.Reports
{
    /// <summary>The PNG plots of a comparison: mean test loss and learning rate per epoch, one line per arm.</summary>
    public static class ComparisonPlots
    {
        /// <summary>Writes the loss curves and the rate curves; returns the two paths.</summary>
        public static (string Loss, string Rate) WritePlots(IReadOnlyList<ArmResult> results, string directory, string name, string title)
        {
            Directory.CreateDirectory(directory);
            string lossPath = Path.Combine(directory, name + "-loss.png");
            string ratePath = Path.Combine(directory, name + "-rate.png");
            var loss = results.Select(r => new Series(r.Arm.Name, Epochs(r.MeanTestLoss.Length), r.MeanTestLoss)).ToArray();
            var rate = results.Select(r => new Series(r.Arm.Name, Epochs(r.Rates.Length), r.Rates)).ToArray();
            int seeds = results[0].Runs.Count;
            PngPlot.Write(lossPath, title + ": test loss (mean of " + seeds + " seeds)", "epoch", "categorical cross-entropy", loss, logY: true);
            PngPlot.Write(ratePath, title + ": learning rate", "epoch", "learning rate", rate, logY: true, steps: true);
            return (lossPath, ratePath);
        }

        private static double[] Epochs(int count) => Enumerable.Range(1, count).Select(e => (double)e).ToArray();
    }
}
