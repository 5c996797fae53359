using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ScheduleDsl.Training
{
    /// <summary>A comparison of schedules in text: a table per epoch, a summary over seeds, each seed, one plain sentence per arm, a text plot.</summary>
    public static class ExperimentReport
    {
        /// <summary>The rates and mean losses of each epoch, one column pair per arm.</summary>
        public static string EpochTable(IReadOnlyList<ArmResult> results)
        {
            var builder = new StringBuilder();
            builder.Append("epoch");
            foreach (ArmResult r in results)
            {
                builder.Append(" | ").Append(Fit(r.Arm.Name, 26));
            }

            builder.Append('\n').Append("     ");
            foreach (ArmResult _ in results)
            {
                builder.Append(" | ").Append(Fit("rate        mean loss", 26));
            }

            builder.Append('\n');
            int epochs = results.Max(r => r.MeanLoss.Length);
            for (int e = 0; e < epochs; e++)
            {
                builder.Append((e + 1).ToString(CultureInfo.InvariantCulture).PadLeft(5));
                foreach (ArmResult r in results)
                {
                    string cell = e < r.MeanLoss.Length ? r.Rates[e].ToString("G4", CultureInfo.InvariantCulture).PadRight(11) + " " + r.MeanLoss[e].ToString("0.0000", CultureInfo.InvariantCulture) : string.Empty;
                    builder.Append(" | ").Append(Fit(cell, 26));
                }

                builder.Append('\n');
            }

            return builder.ToString();
        }

        /// <summary>Mean ± standard deviation over the seeds of the final training loss, the test loss and the test accuracy.</summary>
        public static string Summary(IReadOnlyList<ArmResult> results)
        {
            int width = Math.Max(8, results.Max(r => r.Arm.Name.Length));
            var builder = new StringBuilder();
            builder.Append("arm".PadRight(width)).Append(" | test loss           | test accuracy   | final training loss | schedule\n");
            foreach (ArmResult r in results)
            {
                string finalLoss = r.DivergedRuns == r.FinalLoss.Length ? "diverged"
                    : MeanStd(r.FinalLoss.Where(double.IsFinite).ToArray(), "0.0000") + (r.DivergedRuns > 0 ? " †" : string.Empty);
                string testLoss = r.DivergedRuns == r.TestLoss.Length ? "diverged"
                    : MeanStd(r.TestLoss.Where(double.IsFinite).ToArray(), "0.0000") + (r.DivergedRuns > 0 ? " †" : string.Empty);
                builder.Append(r.Arm.Name.PadRight(width))
                    .Append(" | ").Append(testLoss.PadRight(19))
                    .Append(" | ").Append(MeanStd(r.TestAccuracy.Select(a => a * 100).ToArray(), "0.0").Replace(" ±", "% ±").PadRight(15))
                    .Append(" | ").Append(finalLoss.PadRight(19))
                    .Append(" | ").Append(r.Arm.ScheduleText ?? "(none: the optimizer's constant rate)")
                    .Append('\n');
            }

            foreach (ArmResult r in results.Where(r => r.DivergedRuns > 0))
            {
                builder.Append("† " + r.Arm.Name + " diverged in " + r.DivergedRuns + " of " + r.FinalLoss.Length
                    + " seeds (the loss became NaN or infinite); the loss columns average the other seeds, and a diverged seed counts as the worst outcome.\n");
            }

            return builder.ToString();
        }

        /// <summary>Each seed's test loss, test accuracy and final training loss, per arm ("diverged" where it did).</summary>
        public static string PerSeed(IReadOnlyList<ArmResult> results)
        {
            int width = Math.Max(8, results.Max(r => r.Arm.Name.Length));
            var builder = new StringBuilder();
            builder.Append("arm".PadRight(width)).Append(" | seed | test loss | test accuracy | final training loss\n");
            foreach (ArmResult r in results)
            {
                for (int seed = 0; seed < r.TestLoss.Length; seed++)
                {
                    bool diverged = !double.IsFinite(r.FinalLoss[seed]);
                    builder.Append(r.Arm.Name.PadRight(width))
                        .Append(" | ").Append(seed.ToString(CultureInfo.InvariantCulture).PadLeft(4))
                        .Append(" | ").Append((diverged ? "diverged" : r.TestLoss[seed].ToString("0.0000", CultureInfo.InvariantCulture)).PadRight(9))
                        .Append(" | ").Append((diverged ? "—" : (r.TestAccuracy[seed] * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%").PadRight(13))
                        .Append(" | ").Append(diverged ? "—" : r.FinalLoss[seed].ToString("0.0000", CultureInfo.InvariantCulture))
                        .Append('\n');
                }
            }

            return builder.ToString();
        }

        /// <summary>One plain sentence on what the runs show for <paramref name="arm"/> against <paramref name="baseline"/>.</summary>
        public static string Verdict(ArmResult baseline, ArmResult arm)
        {
            // Divergence is the worst outcome, not noise: the arm that diverged in more seeds is the worse one, and seeds where
            // either diverged drop out of the paired comparison of losses.
            if (arm.DivergedRuns != baseline.DivergedRuns)
            {
                bool worse = arm.DivergedRuns > baseline.DivergedRuns;
                return "Against " + baseline.Arm.Name + ", " + arm.Arm.Name + " did " + (worse ? "worse" : "better") + ": it diverged in " + arm.DivergedRuns + " of "
                    + arm.FinalLoss.Length + " seeds, " + baseline.Arm.Name + " in " + baseline.DivergedRuns + ".";
            }

            int[] both = Enumerable.Range(0, arm.FinalLoss.Length).Where(i => double.IsFinite(arm.FinalLoss[i]) && double.IsFinite(baseline.FinalLoss[i])).ToArray();
            if (both.Length == 0)
            {
                return "Against " + baseline.Arm.Name + ", " + arm.Arm.Name + " cannot be compared: both diverged in every seed.";
            }

            (double lossDifference, bool clearLoss) = Experiment.Compare(both.Select(i => arm.TestLoss[i]).ToArray(), both.Select(i => baseline.TestLoss[i]).ToArray());
            (double accuracyDifference, bool clearAccuracy) = Experiment.Compare(both.Select(i => arm.TestAccuracy[i]).ToArray(), both.Select(i => baseline.TestAccuracy[i]).ToArray());
            string seeds = both.Length + " seeds" + (both.Length < arm.FinalLoss.Length ? " where neither diverged" : string.Empty);
            string loss = clearLoss
                ? (lossDifference < 0 ? "a lower" : "a higher") + " test loss (" + Signed(lossDifference, "0.0000") + " on average over " + seeds + ", beyond the seed-to-seed noise)"
                : "no clear difference in test loss (" + Signed(lossDifference, "0.0000") + " on average over " + seeds + ", within the seed-to-seed noise)";
            string accuracy = clearAccuracy
                ? (accuracyDifference > 0 ? "a higher" : "a lower") + " test accuracy (" + Signed(accuracyDifference * 100, "0.0") + " points)"
                : "no clear difference in test accuracy (" + Signed(accuracyDifference * 100, "0.0") + " points)";
            return "Against " + baseline.Arm.Name + ", " + arm.Arm.Name + " gave " + loss + " and " + accuracy + ".";
        }

        /// <summary>The mean test-loss curves as a text plot.</summary>
        public static string TextLossPlot(IReadOnlyList<ArmResult> results) =>
            TextPlot.Render(results.Select(r => (r.Arm.Name, r.MeanTestLoss)).ToArray(), 1, results.Max(r => r.MeanTestLoss.Length), 10, "epoch (test loss)");

        /// <summary><c>mean ± std</c> of the values, each in <paramref name="format"/>.</summary>
        public static string MeanStd(double[] values, string format) =>
            Experiment.Mean(values).ToString(format, CultureInfo.InvariantCulture) + " ± " + Experiment.Std(values).ToString(format, CultureInfo.InvariantCulture);

        private static string Signed(double value, string format) => (value >= 0 ? "+" : "−") + Math.Abs(value).ToString(format, CultureInfo.InvariantCulture);

        private static string Fit(string text, int width) => text.Length > width ? text.Substring(0, width - 1) + "…" : text.PadRight(width);
    }
}
