using System;
using System.Collections.Generic;
using System.Globalization;
using ScheduleDsl.Language;

namespace ScheduleDsl.Training
{
    /// <summary>The sweep of a learning-rate range test: from <see cref="Start"/> to <see cref="End"/> over <see cref="Steps"/> optimizer steps.</summary>
    public sealed record RangeTestSettings
    {
        /// <summary>The first rate of the sweep (default 1e-6).</summary>
        public double Start { get; init; } = 1e-6;

        /// <summary>The last rate of the sweep (default 10).</summary>
        public double End { get; init; } = 10;

        /// <summary>Optimizer steps in the sweep (default 200, at least 10); each is recorded.</summary>
        public int Steps { get; init; } = 200;

        /// <summary>Samples per step (default 32).</summary>
        public int BatchSize { get; init; } = 32;

        /// <summary>The seed of the weights and the shuffling.</summary>
        public int Seed { get; init; }
    }

    /// <summary>What a range test recorded, and the schedules it suggests.</summary>
    public sealed class RangeTestResult
    {
        internal RangeTestResult(string sweepText, List<double> rates, List<double> smoothed, int best, int steepest, int stepsPerEpoch)
        {
            SweepText = sweepText;
            Rates = rates;
            SmoothedLoss = smoothed;
            BestIndex = best;
            SteepestIndex = steepest;
            StepsPerEpoch = stepsPerEpoch;
            // fastai's rule for the peak (a tenth of the rate at the lowest loss); the cyclic range starts where the
            // descent is steep, never below the sweep's own start.
            SuggestedPeak = Round(rates[best] / 10);
            SuggestedLow = Round(Math.Max(rates[0], Math.Min(SuggestedPeak / 4, rates[steepest] / 4)));
        }

        /// <summary>The sweep as a schedule: <c>lr START per step: exp G for STEPS -&gt; constant</c>.</summary>
        public string SweepText { get; }

        /// <summary>The rate of each recorded step.</summary>
        public IReadOnlyList<double> Rates { get; }

        /// <summary>The bias-corrected moving average (β = 0.98) of the loss at each recorded step.</summary>
        public IReadOnlyList<double> SmoothedLoss { get; }

        /// <summary>The step with the lowest smoothed loss.</summary>
        public int BestIndex { get; }

        /// <summary>The step where the smoothed loss falls fastest against log(rate), before its minimum.</summary>
        public int SteepestIndex { get; }

        /// <summary>Optimizer steps per epoch of the data the test ran on.</summary>
        public int StepsPerEpoch { get; }

        /// <summary>The suggested peak rate: a tenth of the rate at the lowest loss, to two significant digits.</summary>
        public double SuggestedPeak { get; }

        /// <summary>The suggested low end of a cyclic range.</summary>
        public double SuggestedLow { get; }

        /// <summary>Two sentences: what was swept, and where the loss was lowest and fell fastest.</summary>
        public string Summary =>
            "Swept the rate from " + G(Rates[0]) + " to " + G(Rates[Rates.Count - 1]) + " over " + Rates.Count.ToString(CultureInfo.InvariantCulture) + " steps (" + SweepText + ").\n"
            + "Lowest smoothed loss " + SmoothedLoss[BestIndex].ToString("0.0000", CultureInfo.InvariantCulture) + " at rate " + G(Rates[BestIndex])
            + "; steepest descent at rate " + G(Rates[SteepestIndex]) + ".";

        /// <summary>A one-cycle schedule peaking at <see cref="SuggestedPeak"/> over <paramref name="epochs"/> epochs.</summary>
        public string OneCycleText(int epochs) =>
            "lr " + F(SuggestedPeak) + " per step: onecycle " + F(SuggestedPeak) + " over " + ((long)epochs * StepsPerEpoch).ToString(CultureInfo.InvariantCulture);

        /// <summary>A triangular cyclic schedule between <see cref="SuggestedLow"/> and <see cref="SuggestedPeak"/>, rising over two epochs.</summary>
        public string CyclicText() =>
            "lr " + F(SuggestedPeak) + " per step: cyclic " + F(SuggestedLow) + " to " + F(SuggestedPeak) + " up " + Math.Max(1, 2 * StepsPerEpoch).ToString(CultureInfo.InvariantCulture);

        private static double Round(double value) => double.Parse(value.ToString("G2", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

        private static string F(double value) => NumberText.Format(value);

        /// <summary>A rate for messages, four significant digits in the language's number form.</summary>
        internal static string G(double value) => NumberText.Tidy(value.ToString("G4", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Smith's learning-rate range test (fastai's <c>lr_find</c>): the rate grows exponentially from the sweep's start to
    /// its end, one step at a time — itself a schedule — while the smoothed loss is recorded; the sweep stops once the loss
    /// exceeds four times its best.
    /// </summary>
    public static class LearningRateRangeTest
    {
        /// <summary>The longest sweep: each step is recorded.</summary>
        public const int MaxSteps = 1_000_000;

        /// <summary>Runs the test on a compiled model (its weights are trained by the sweep; use a fresh one afterwards).</summary>
        /// <param name="model">A compiled model; its optimizer's own rate is replaced by the sweep's.</param>
        /// <param name="x">Training samples.</param>
        /// <param name="labels">Their classes.</param>
        /// <param name="settings">The sweep.</param>
        /// <param name="callbacks">More callbacks for the run (progress).</param>
        /// <exception cref="ArgumentException">The settings are out of range.</exception>
        /// <exception cref="InvalidOperationException">The loss diverged at once, or never fell: the sweep says nothing.</exception>
        public static RangeTestResult Run(Sequential model, float[,] x, int[] labels, RangeTestSettings settings, IEnumerable<ICallback>? callbacks = null)
        {
            if (model == null || x == null || labels == null || settings == null)
            {
                throw new ArgumentNullException(model == null ? nameof(model) : x == null ? nameof(x) : labels == null ? nameof(labels) : nameof(settings));
            }

            if (!(settings.Start > 0) || !(settings.End > settings.Start) || double.IsInfinity(settings.End))
            {
                throw new ArgumentException("The sweep's start and end must be finite, with 0 < start < end", nameof(settings));
            }

            if (settings.Steps < 10 || settings.Steps > MaxSteps)
            {
                throw new ArgumentException("The sweep takes between 10 and " + MaxSteps.ToString(CultureInfo.InvariantCulture) + " steps, not " + settings.Steps.ToString(CultureInfo.InvariantCulture), nameof(settings));
            }

            if (settings.BatchSize < 1)
            {
                throw new ArgumentException("The batch size must be at least 1", nameof(settings));
            }

            int stepsPerEpoch = (x.GetLength(0) + settings.BatchSize - 1) / settings.BatchSize;
            double growth = Math.Pow(settings.End / settings.Start, 1.0 / (settings.Steps - 1));
            string sweepText = "lr " + NumberText.Format(settings.Start) + " per step: exp " + NumberText.Format(growth) + " for "
                + (settings.Steps - 1).ToString(CultureInfo.InvariantCulture) + " -> constant";
            var recorder = new RangeRecorder(settings.Steps);
            var all = new List<ICallback> { recorder };
            all.AddRange(callbacks ?? Array.Empty<ICallback>());
            int epochs = (settings.Steps + stepsPerEpoch - 1) / stepsPerEpoch;
            model.Fit(x, labels, new FitOptions { Epochs = epochs, BatchSize = settings.BatchSize, Schedule = Schedule.Parse(sweepText), Seed = settings.Seed, Callbacks = all });
            if (recorder.Rates.Count < 5)
            {
                throw new InvalidOperationException("The loss diverged within " + recorder.Rates.Count.ToString(CultureInfo.InvariantCulture) + " steps; lower the sweep's start");
            }

            int best = 0;
            for (int i = 1; i < recorder.Smoothed.Count; i++)
            {
                best = recorder.Smoothed[i] < recorder.Smoothed[best] ? i : best;
            }

            int steepest = Steepest(recorder.Smoothed, recorder.Rates)
                ?? throw new InvalidOperationException("The smoothed loss did not fall anywhere in the sweep from " + RangeTestResult.G(settings.Start) + " to " + RangeTestResult.G(recorder.Rates[recorder.Rates.Count - 1])
                    + "; widen it or give it more steps");
            return new RangeTestResult(sweepText, recorder.Rates, recorder.Smoothed, best, steepest, stepsPerEpoch);
        }

        /// <summary>
        /// The step where the smoothed loss falls fastest against log(rate) before its minimum, or null when it never
        /// falls. The first steps are skipped (the moving average is still settling there, and one lucky batch looks
        /// like a steep descent), and the slope is taken across a window of steps rather than between neighbours.
        /// </summary>
        public static int? Steepest(IReadOnlyList<double> smoothed, IReadOnlyList<double> rates)
        {
            int end = 0;
            for (int i = 1; i < smoothed.Count; i++)
            {
                end = smoothed[i] < smoothed[end] ? i : end;
            }

            int skip = Math.Max(10, smoothed.Count / 20);
            int window = Math.Max(2, smoothed.Count / 40);
            int? best = null;
            double slope = 0;
            for (int i = skip + window; i + window <= end; i++)
            {
                double s = (smoothed[i + window] - smoothed[i - window]) / (Math.Log(rates[i + window]) - Math.Log(rates[i - window]));
                if (s < slope)
                {
                    slope = s;
                    best = i;
                }
            }

            return best;
        }

        /// <summary>Records the rate and the smoothed loss of each step; stops the sweep once the loss has blown up.</summary>
        private sealed class RangeRecorder : IBatchCallback
        {
            private const double Beta = 0.98;
            private readonly int _steps;
            private double _average;
            private double _best = double.MaxValue;

            public RangeRecorder(int steps) => _steps = steps;

            public List<double> Rates { get; } = new List<double>();

            public List<double> Smoothed { get; } = new List<double>();

            public bool AfterBatch(long step, double rate, double loss, out string? reason)
            {
                reason = null;
                if (!double.IsFinite(loss))
                {
                    reason = "the loss diverged";
                    return false;
                }

                _average = Beta * _average + (1 - Beta) * loss;
                double smoothed = _average / (1 - Math.Pow(Beta, step + 1));
                Rates.Add(rate);
                Smoothed.Add(smoothed);
                _best = Math.Min(_best, smoothed);
                if (smoothed > 4 * _best && step > 10)
                {
                    reason = "the loss exceeded four times its best";
                    return false;
                }

                if (Rates.Count >= _steps)
                {
                    reason = "the sweep is complete";
                    return false;
                }

                return true;
            }
        }
    }
}
