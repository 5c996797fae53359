using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
namespace ScheduleDsl.Training
{
    /// <summary>Settings of the tutorial's experiment; the defaults are the tutorial's.</summary>
    public sealed record TutorialSettings
    {
        /// <summary>Seeds per arm (default 10); every arm of a seed starts from the same weights and data.</summary>
        public int Seeds { get; init; } = 10;

        /// <summary>Training samples per seed (the tutorial's 1,000).</summary>
        public int TrainSamples { get; init; } = 1000;

        /// <summary>Test samples per seed, never trained on (default 100).</summary>
        public int TestSamples { get; init; } = 100;

        /// <summary>Epochs of the tutorial's comparison (its 10).</summary>
        public int Epochs { get; init; } = 10;

        /// <summary>Samples per step (the tutorial's 50).</summary>
        public int BatchSize { get; init; } = 50;

        /// <summary>Epochs of the second comparison, where the base rate is large enough for schedules to matter.</summary>
        public int LongEpochs { get; init; } = 40;

        /// <summary>The second comparison's base rate (SGD with momentum 0.9); its schedules are factors of it.</summary>
        public double LongBaseRate { get; init; } = 0.2;
    }

    /// <summary>What the tutorial's two comparisons did.</summary>
    /// <param name="Tutorial">Constant 0.01 and the tutorial's step decay, SGD, the tutorial's epochs.</param>
    /// <param name="Schedules">Constant, step, warmup→cosine, cyclic and one-cycle at the larger base rate.</param>
    public sealed record TutorialResults(IReadOnlyList<ArmResult> Tutorial, IReadOnlyList<ArmResult> Schedules);

    /// <summary>
    /// The tutorial's experiment: a 3→9→9→9→3 ReLU/softmax network, SGD, batch 50, 10 epochs, on 1,000 random samples
    /// labelled by their largest feature, with and without <c>lr 1e-2: step 0.8 every 2</c>, over several seeds; then a
    /// second comparison with a larger base rate, where annealing has something to do.
    /// </summary>
    public static class Tutorial
    {
        /// <summary>The tutorial's schedule: its Keras lambda <c>1e-2 · 0.8^⌊epoch/2⌋</c>.</summary>
        public const string ScheduleText = "lr 1e-2: step 0.8 every 2";

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

        /// <summary>The tutorial's network: 3→9→9→9→3, ReLU hidden layers and a softmax output.</summary>
        public static Sequential Network() => new Sequential(
            new Dense(3, 9, Activation.Relu),
            new Dense(9, 9, Activation.Relu),
            new Dense(9, 9, Activation.Relu),
            new Dense(9, 3, Activation.Softmax));

        /// <summary>The data of one seed: uniform samples in [0, 1)³ labelled by their largest feature, training and test drawn apart.</summary>
        public static ExperimentData Data(int seed, TutorialSettings settings)
        {
            (float[,] x, int[] labels) = TutorialData.Create(settings.TrainSamples, seed);
            (float[,] tx, int[] tl) = TutorialData.Create(settings.TestSamples, seed + 100_000);
            return new ExperimentData(x, labels, tx, tl);
        }

        /// <summary>
        /// Runs both comparisons and writes the report to <paramref name="output"/>: the tutorial's (constant 0.01 against
        /// its step decay, which must be <paramref name="tutorialSchedule"/>) and the one with a larger base rate. Returns
        /// the results, for plots.
        /// </summary>
        /// <exception cref="ArgumentException"><paramref name="tutorialSchedule"/> is not the tutorial's schedule.</exception>
        public static TutorialResults Run(ILearningRateSchedule tutorialSchedule, TutorialSettings settings, TextWriter output)
        {
            if (tutorialSchedule.ToString() != Schedule.Parse(ScheduleText).ToString())
            {
                throw new ArgumentException("The tutorial's schedule is '" + ScheduleText + "', not '" + tutorialSchedule + "'.", nameof(tutorialSchedule));
            }

            output.WriteLine("The tutorial's experiment: 3→9→9→9→3 ReLU/softmax, categorical cross-entropy, SGD (rate 0.01), batch "
                + settings.BatchSize + ", " + settings.Epochs + " epochs, " + settings.TrainSamples + " training and " + settings.TestSamples
                + " test samples in [0,1)³ labelled by their largest feature; " + settings.Seeds + " seeds, each arm from the same weights and data.");
            output.WriteLine();
            var arms = new[]
            {
                new Arm("constant 0.01", () => new Sgd(learningRate: 0.01), null, () => null),
                new Arm("step decay", () => new Sgd(learningRate: 0.01), ScheduleText, () => tutorialSchedule),
            };
            IReadOnlyList<ArmResult> tutorial = Experiment.Run(arms, seed => Data(seed, settings), Network, Loss.CategoricalCrossEntropy, settings.Epochs, settings.BatchSize, settings.Seeds);
            output.Write(ExperimentReport.EpochTable(tutorial));
            output.WriteLine();
            output.Write(ExperimentReport.Summary(tutorial));
            output.WriteLine();
            output.WriteLine(ExperimentReport.Verdict(tutorial[0], tutorial[1]));
            output.WriteLine(TutorialNote(tutorial));
            output.WriteLine();
            output.Write(ExperimentReport.TextLossPlot(tutorial));

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
            output.Write(ExperimentReport.Summary(schedules));
            output.WriteLine();
            foreach (ArmResult r in schedules.Skip(1))
            {
                output.WriteLine(ExperimentReport.Verdict(schedules[0], r));
            }

            ArmResult best = schedules.OrderBy(r => r.DivergedRuns).ThenBy(r => Experiment.Mean(r.TestLoss.Where(double.IsFinite).DefaultIfEmpty(double.MaxValue).ToArray())).First();
            output.WriteLine("Lowest mean test loss: " + best.Arm.Name + " (" + ExperimentReport.MeanStd(best.TestLoss.Where(double.IsFinite).ToArray(), "0.0000") + ").");
            output.WriteLine();
            output.Write(ExperimentReport.TextLossPlot(schedules));
            return new TutorialResults(tutorial, schedules);
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
