using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ScheduleDsl.Training;

namespace ScheduleDsl.Cli.Reports
{
    /// <summary>Settings of the tutorial's experiment; the defaults are the tutorial's.</summary>
    public sealed record TutorialSettings
    {
        public int Seeds { get; init; } = 10;

        public int TrainSamples { get; init; } = 1000;

        public int TestSamples { get; init; } = 100;

        public int Epochs { get; init; } = 10;

        public int BatchSize { get; init; } = 50;

        /// <summary>Epochs of the second comparison, where the base rate is large enough for schedules to matter.</summary>
        public int LongEpochs { get; init; } = 40;

        /// <summary>The second comparison's base rate (SGD with momentum 0.9); its schedules are factors of it.</summary>
        public double LongBaseRate { get; init; } = 0.2;
    }

    /// <summary>
    /// The tutorial's experiment: a 3→9→9→9→3 ReLU/softmax network, SGD, batch 50, 10 epochs, on 1,000 random samples
    /// labelled by their largest feature, with and without <c>lr 1e-2: step 0.8 every 2</c>, over several seeds; then a
    /// second comparison with a larger base rate, where annealing has something to do.
    /// </summary>
    public static class TutorialExperiment
    {
        public const string TutorialScheduleText = "lr 1e-2: step 0.8 every 2";

        /// <summary>The second comparison's schedules over <paramref name="epochs"/> epochs: factors of the base rate (null: constant).</summary>
        public static IReadOnlyList<(string Name, string? Text)> LongSchedules(int epochs)
        {
            string n = epochs.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string quarter = Math.Max(1, epochs / 4).ToString(System.Globalization.CultureInfo.InvariantCulture);
            string cosine = Math.Max(1, epochs - 3).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new (string, string?)[]
            {
                ("constant", null),
                ("step decay", "step 0.5 every " + quarter),
                ("warmup→cosine", "warmup linear 3 from 0.1 -> cosine " + cosine + " to 0.01"),
                ("cyclic", "cyclic triangular2 0.1 to 1 up 5"),
                ("one-cycle", "onecycle 1 over " + n),
            };
        }

        public static Sequential Network() => new Sequential(
            new Dense(3, 9, Activation.Relu),
            new Dense(9, 9, Activation.Relu),
            new Dense(9, 9, Activation.Relu),
            new Dense(9, 3, Activation.Softmax));

        public static ExperimentData Data(int seed, TutorialSettings settings)
        {
            (float[,] x, int[] labels) = TutorialData.Create(settings.TrainSamples, seed);
            (float[,] tx, int[] tl) = TutorialData.Create(settings.TestSamples, seed + 100_000);
            return new ExperimentData(x, labels, tx, tl);
        }

        /// <summary>Runs both comparisons, prints the report to <paramref name="output"/>, writes the plots into <paramref name="directory"/>; returns the plot paths.</summary>
        public static IReadOnlyList<string> Run(ILearningRateSchedule tutorialSchedule, string directory, TutorialSettings settings, TextWriter output)
        {
            if (tutorialSchedule.ToString() != Schedule.Parse(TutorialScheduleText).ToString())
            {
                throw new ArgumentException("The tutorial's schedule is '" + TutorialScheduleText + "', not '" + tutorialSchedule + "'.", nameof(tutorialSchedule));
            }

            var plots = new List<string>();
            output.WriteLine("The tutorial's experiment: 3→9→9→9→3 ReLU/softmax, categorical cross-entropy, SGD (rate 0.01), batch "
                + settings.BatchSize + ", " + settings.Epochs + " epochs, " + settings.TrainSamples + " training and " + settings.TestSamples
                + " test samples in [0,1)³ labelled by their largest feature; " + settings.Seeds + " seeds, each arm from the same weights and data.");
            output.WriteLine();
            var arms = new[]
            {
                new Arm("constant 0.01", () => new Sgd(learningRate: 0.01), null, () => null),
                new Arm("step decay", () => new Sgd(learningRate: 0.01), TutorialScheduleText, () => tutorialSchedule),
            };
            IReadOnlyList<ArmResult> tutorial = Experiment.Run(arms, seed => Data(seed, settings), Network, Loss.CategoricalCrossEntropy, settings.Epochs, settings.BatchSize, settings.Seeds);
            output.Write(ComparisonReport.EpochTable(tutorial));
            output.WriteLine();
            output.Write(ComparisonReport.Summary(tutorial));
            output.WriteLine();
            output.WriteLine(ComparisonReport.Verdict(tutorial[0], tutorial[1]));
            output.WriteLine(TutorialNote(tutorial));
            output.WriteLine();
            output.Write(ComparisonReport.TextLossPlot(tutorial));
            (string loss, string rate) = ComparisonReport.WritePlots(tutorial, directory, "tutorial", "The tutorial (SGD 0.01)");
            plots.Add(loss);
            plots.Add(rate);

            output.WriteLine();
            output.WriteLine("Where schedules matter: the same network and data, SGD with momentum 0.9 at a base rate of "
                + settings.LongBaseRate.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", " + settings.LongEpochs
                + " epochs; every schedule is a factor of the base rate.");
            output.WriteLine();
            var longArms = LongSchedules(settings.LongEpochs).Select(s => new Arm(
                s.Name,
                () => new Sgd(learningRate: settings.LongBaseRate, momentum: 0.9),
                s.Text,
                () => s.Text == null ? null : Schedule.Parse(s.Text))).ToArray();
            IReadOnlyList<ArmResult> schedules = Experiment.Run(longArms, seed => Data(seed, settings), Network, Loss.CategoricalCrossEntropy, settings.LongEpochs, settings.BatchSize, settings.Seeds);
            output.Write(ComparisonReport.Summary(schedules));
            output.WriteLine();
            foreach (ArmResult r in schedules.Skip(1))
            {
                output.WriteLine(ComparisonReport.Verdict(schedules[0], r));
            }

            ArmResult best = schedules.OrderBy(r => r.DivergedRuns).ThenBy(r => Experiment.Mean(r.TestLoss.Where(double.IsFinite).DefaultIfEmpty(double.MaxValue).ToArray())).First();
            output.WriteLine("Lowest mean test loss: " + best.Arm.Name + " (" + ComparisonReport.MeanStd(best.TestLoss.Where(double.IsFinite).ToArray(), "0.0000") + ").");
            output.WriteLine();
            output.Write(ComparisonReport.TextLossPlot(schedules));
            (loss, rate) = ComparisonReport.WritePlots(schedules, directory, "schedules", "Larger base rate (SGD " + settings.LongBaseRate.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", momentum 0.9)");
            plots.Add(loss);
            plots.Add(rate);
            output.WriteLine();
            output.WriteLine("Plots written to " + Path.GetFullPath(directory) + ":");
            foreach (string plot in plots)
            {
                output.WriteLine("  " + Path.GetFileName(plot));
            }

            return plots;
        }

        /// <summary>The tutorial's situation in one sentence: why a decaying schedule can only slow SGD at rate 0.01.</summary>
        private static string TutorialNote(IReadOnlyList<ArmResult> tutorial)
        {
            bool decayWorse = Experiment.Mean(tutorial[1].FinalLoss) > Experiment.Mean(tutorial[0].FinalLoss);
            return decayWorse
                ? "Why: at SGD's rate of 0.01 this network is still far from converged after " + tutorial[0].MeanLoss.Length
                    + " epochs (the loss has barely left ln 3 ≈ 1.0986), so shrinking the rate only slows it down; annealing pays off when the rate is large enough to overshoot."
                : "At SGD's rate of 0.01 the decaying schedule did not slow training down in these runs.";
        }
    }
}
