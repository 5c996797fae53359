using System;
using System.Collections.Generic;
using System.Linq;
namespace ScheduleDsl.Training
{
    /// <summary>Data for one repetition of an experiment: training samples and labels, test samples and labels.</summary>
    /// <param name="TrainX">Training samples, one row each.</param>
    /// <param name="TrainLabels">The class of each training sample.</param>
    /// <param name="TestX">Test samples, never trained on; every arm is judged on them.</param>
    /// <param name="TestLabels">The class of each test sample.</param>
    public sealed record ExperimentData(float[,] TrainX, int[] TrainLabels, float[,] TestX, int[] TestLabels)
    {
        /// <summary>What the held-out data is, in one word for reports: <c>test</c> (default), <c>validation</c> or <c>training</c>.</summary>
        public string HeldOut { get; init; } = "test";

        /// <summary>How the held-out data was drawn, when it is not a test set of its own (<c>20% of the data held out at random</c>); else null.</summary>
        public string? HeldOutNote { get; init; }

        /// <summary>The standardization both sets were transformed with (fitted on the training set), or null when they are raw.</summary>
        public Standardization? Inputs { get; init; }

        /// <summary>Both sets standardized with <paramref name="inputs"/> (or, when null, with one fitted on the training set).</summary>
        public ExperimentData Standardized(Standardization? inputs = null)
        {
            Standardization standardization = inputs ?? Standardization.Fit(TrainX);
            return this with { TrainX = standardization.Apply(TrainX), TestX = standardization.Apply(TestX), Inputs = standardization };
        }

        /// <summary>
        /// Holds out <paramref name="fraction"/> of the samples, drawn at random with <paramref name="seed"/> (not the last
        /// rows, which in a file sorted by class would all be one class), as the validation data.
        /// </summary>
        /// <exception cref="ArgumentException">The fraction is not in (0, 1), or the data has fewer than 2 samples.</exception>
        public static ExperimentData Split(float[,] x, int[] labels, double fraction, int seed)
        {
            int count = labels.Length;
            if (!(fraction > 0 && fraction < 1) || count < 2)
            {
                throw new ArgumentException("A validation split needs a fraction in (0, 1) and at least 2 samples.", nameof(fraction));
            }

            int held = Math.Max(1, Math.Min(count - 1, (int)Math.Round(count * fraction)));
            int[] order = Enumerable.Range(0, count).ToArray();
            new Rng(((ulong)(uint)seed << 32) ^ 0x9E3779B97F4A7C15UL).Shuffle(order);
            (float[,] trainX, int[] trainLabels) = Rows(x, labels, order, 0, count - held);
            (float[,] testX, int[] testLabels) = Rows(x, labels, order, count - held, held);
            return new ExperimentData(trainX, trainLabels, testX, testLabels);
        }

        private static (float[,] X, int[] Labels) Rows(float[,] x, int[] labels, int[] order, int start, int length)
        {
            int features = x.GetLength(1);
            var rows = new float[length, features];
            var picked = new int[length];
            for (int r = 0; r < length; r++)
            {
                int source = order[start + r];
                picked[r] = labels[source];
                for (int f = 0; f < features; f++)
                {
                    rows[r, f] = x[source, f];
                }
            }

            return (rows, picked);
        }
    }

    /// <summary>One arm of a comparison: a name, an optimizer, and a schedule (null: the optimizer's constant rate).</summary>
    /// <param name="Name">How reports name the arm.</param>
    /// <param name="Optimizer">Creates a fresh optimizer for each run.</param>
    /// <param name="ScheduleText">The schedule's text, for reports (null for a constant rate).</param>
    /// <param name="Schedule">Creates the schedule for each run (null: constant rate).</param>
    public sealed record Arm(string Name, Func<Optimizer> Optimizer, string? ScheduleText, Func<ILearningRateSchedule?> Schedule);

    /// <summary>What one arm did over every seed.</summary>
    /// <param name="Arm">The arm.</param>
    /// <param name="Runs">Each seed's history, in seed order.</param>
    /// <param name="FinalLoss">Each seed's training loss in the last epoch (NaN where training diverged).</param>
    /// <param name="TestLoss">Each seed's loss on the test data after the last epoch (NaN where training diverged).</param>
    /// <param name="TestAccuracy">Each seed's accuracy on the test data after the last epoch (0 where training diverged).</param>
    public sealed record ArmResult(Arm Arm, IReadOnlyList<History> Runs, double[] FinalLoss, double[] TestLoss, double[] TestAccuracy)
    {
        /// <summary>The mean test (validation) loss after each epoch over the seeds.</summary>
        public double[] MeanTestLoss => Enumerable.Range(0, Runs.Min(r => r.Epochs.Count)).Select(e => Runs.Average(r => r.Epochs[e].ValidationLoss ?? double.NaN)).ToArray();

        /// <summary>The mean training loss of each epoch over the seeds.</summary>
        public double[] MeanLoss => Enumerable.Range(0, Runs.Min(r => r.Epochs.Count)).Select(e => Runs.Average(r => r.Epochs[e].Loss)).ToArray();

        /// <summary>The rate of each epoch (the same for every seed unless a plateau reacts to the metric; then the first seed's).</summary>
        public double[] Rates => Runs[0].Epochs.Select(e => e.LearningRate).ToArray();

        /// <summary>In how many seeds training diverged (its final loss is NaN, its accuracy counted as 0).</summary>
        public int DivergedRuns => Runs.Count(r => r.Diverged);
    }

    /// <summary>
    /// Runs arms of a comparison over several seeds: each seed trains every arm from the same initial weights on the same
    /// data (a paired comparison), so the differences come from the schedules alone.
    /// </summary>
    public static class Experiment
    {
        /// <summary>
        /// Trains every arm once per seed: <paramref name="data"/> gives the seed's data, <paramref name="network"/> a fresh
        /// network (initialized from the seed in <c>Fit</c>, so every arm of a seed starts from the same weights).
        /// </summary>
        /// <param name="arms">The arms to compare.</param>
        /// <param name="data">The data of a seed.</param>
        /// <param name="network">Creates an uncompiled network.</param>
        /// <param name="loss">The loss every arm trains with.</param>
        /// <param name="epochs">Epochs per run.</param>
        /// <param name="batchSize">Samples per optimizer step.</param>
        /// <param name="seeds">How many seeds (0, 1, …) to run.</param>
        /// <param name="onRun">Called after each run with "arm, seed N", for progress.</param>
        /// <returns>One result per arm, in the order of <paramref name="arms"/>.</returns>
        public static IReadOnlyList<ArmResult> Run(
            IReadOnlyList<Arm> arms,
            Func<int, ExperimentData> data,
            Func<Sequential> network,
            Loss loss,
            int epochs,
            int batchSize,
            int seeds,
            Action<string>? onRun = null)
        {
            var runs = arms.Select(_ => new List<History>()).ToArray();
            var finalLoss = arms.Select(_ => new double[seeds]).ToArray();
            var testLoss = arms.Select(_ => new double[seeds]).ToArray();
            var accuracy = arms.Select(_ => new double[seeds]).ToArray();
            for (int seed = 0; seed < seeds; seed++)
            {
                ExperimentData d = data(seed);
                for (int a = 0; a < arms.Count; a++)
                {
                    Sequential model = network();
                    model.Compile(loss, arms[a].Optimizer());
                    // Validated after every epoch on the test data: schedules are judged by what generalizes, not by the training loss.
                    History history = model.Fit(d.TrainX, d.TrainLabels, new FitOptions { Epochs = epochs, BatchSize = batchSize, Schedule = arms[a].Schedule(), Seed = seed, ValidationX = d.TestX, ValidationLabels = d.TestLabels });
                    runs[a].Add(history);
                    finalLoss[a][seed] = history.Diverged ? double.NaN : history.Epochs[^1].Loss;
                    testLoss[a][seed] = history.Diverged ? double.NaN : history.Epochs[^1].ValidationLoss!.Value;
                    accuracy[a][seed] = history.Diverged ? 0 : history.Epochs[^1].ValidationAccuracy!.Value;
                    onRun?.Invoke(arms[a].Name + ", seed " + seed);
                }
            }

            return arms.Select((arm, a) => new ArmResult(arm, runs[a], finalLoss[a], testLoss[a], accuracy[a])).ToArray();
        }

        /// <summary>The arithmetic mean.</summary>
        public static double Mean(double[] values) => values.Average();

        /// <summary>The sample standard deviation (0 for a single value).</summary>
        public static double Std(double[] values)
        {
            if (values.Length < 2)
            {
                return 0;
            }

            double mean = Mean(values);
            return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        }

        /// <summary>
        /// Whether arm <paramref name="a"/> differs from arm <paramref name="b"/> beyond the seed-to-seed noise: a paired
        /// t statistic over the seeds, |t| ≥ 2.26 (the 5% level for 10 seeds; a little stricter for more).
        /// </summary>
        /// <param name="a">One value per seed for the first arm.</param>
        /// <param name="b">The same seeds' values for the second arm.</param>
        /// <returns>The mean of a − b, and whether it is clear of the noise.</returns>
        public static (double MeanDifference, bool Clear) Compare(double[] a, double[] b)
        {
            double[] differences = a.Zip(b, (x, y) => x - y).ToArray();
            double mean = Mean(differences);
            double std = Std(differences);
            if (differences.Length < 2)
            {
                return (mean, false);
            }

            if (std == 0)
            {
                return (mean, mean != 0);
            }

            double t = mean / (std / Math.Sqrt(differences.Length));
            return (mean, Math.Abs(t) >= 2.26);
        }
    }
}
