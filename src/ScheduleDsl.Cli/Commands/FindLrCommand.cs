using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using ScheduleDsl.Cli.Reports;
using ScheduleDsl.Training;

namespace ScheduleDsl.Cli.Commands
{
    /// <summary>
    /// <c>schedule find-lr</c>: Smith's learning-rate range test. The rate grows exponentially from <c>--start</c> to
    /// <c>--end</c> over <c>--steps</c> optimizer steps — itself a schedule, <c>lr START per step: exp G for STEPS</c> — while
    /// the smoothed loss is recorded; the run stops once the loss exceeds four times its best. It plots loss against rate
    /// and suggests a one-cycle and a cyclic schedule to paste into <c>[Schedule]</c>.
    /// </summary>
    internal static class FindLrCommand
    {
        public static Command Create(TextWriter output, TextWriter error)
        {
            var options = new TrainingOptions();
            var start = InvariantOptions.Double("--start", "The first rate of the sweep.", 1e-6);
            var end = InvariantOptions.Double("--end", "The last rate of the sweep.", 10);
            var steps = InvariantOptions.Int("--steps", "Optimizer steps in the sweep.", 200);
            var file = new Option<string>("--out", "-o") { Description = "The PNG file of loss against rate.", DefaultValueFactory = _ => "find-lr.png" };
            var command = new Command("find-lr", "Run a learning-rate range test and suggest a schedule.");
            options.AddTo(command);
            command.Options.Add(start);
            command.Options.Add(end);
            command.Options.Add(steps);
            command.Options.Add(file);
            command.SetAction(result =>
            {
                options.CheckCounts(result);
                if (result.GetValue(options.LearningRate) is double)
                {
                    throw new UsageException("--lr would be ignored: the range test sets the rate at every step, from --start to --end");
                }

                double first = result.GetValue(start);
                double last = result.GetValue(end);
                int count = result.GetValue(steps);
                if (!(first > 0) || !(last > first) || double.IsInfinity(last))
                {
                    throw new UsageException("--start and --end must be finite, with 0 < start < end");
                }

                if (count < 10 || count > MaxSteps)
                {
                    throw new UsageException("--steps must be between 10 and " + MaxSteps.ToString(CultureInfo.InvariantCulture) + " (the sweep records every step), not " + count.ToString(CultureInfo.InvariantCulture));
                }

                string path = result.GetValue(file)!;
                OutputPaths.CheckFile(path, "--out");

                int seed = result.GetValue(options.Seed);
                ExperimentData data = options.ReadData(result, seed);
                int batch = options.BatchOf(result);
                int batchesPerEpoch = (data.TrainX.GetLength(0) + batch - 1) / batch;
                double growth = Math.Pow(last / first, 1.0 / (count - 1));
                string sweepText = "lr " + F(first) + " per step: exp " + F(growth) + " for " + (count - 1).ToString(CultureInfo.InvariantCulture) + " -> constant";
                ILearningRateSchedule sweep = Schedule.Parse(sweepText);
                Sequential model = options.NetworkFactory(result, data.TrainX.GetLength(1), options.Classes(data))();
                model.Compile(options.LossAndOutput(result).Loss, options.OptimizerFactory(result)());
                var recorder = new RangeRecorder(count);
                int epochs = (count + batchesPerEpoch - 1) / batchesPerEpoch;
                LiveProgress? live = LiveProgress.ForTerminal(output, error, batchesPerEpoch, epochs, "find-lr ");
                try
                {
                    model.Fit(data.TrainX, data.TrainLabels, epochs, batch, sweep, seed, callbacks: live == null ? new ICallback[] { recorder } : new ICallback[] { recorder, live });
                }
                catch (ArgumentException e)
                {
                    throw new UsageException(e.Message);
                }
                finally
                {
                    live?.Erase();
                }

                if (recorder.Rates.Count < 5)
                {
                    throw new UsageException("the loss diverged within " + recorder.Rates.Count + " steps; lower --start");
                }

                int best = recorder.Smoothed.IndexOf(recorder.Smoothed.Min());
                int? descent = Steepest(recorder.Smoothed, recorder.Rates);
                if (descent is not int steepest)
                {
                    throw new UsageException("the smoothed loss did not fall anywhere in the sweep from " + G(first) + " to " + G(recorder.Rates[^1])
                        + "; widen it (--start, --end) or give it more --steps");
                }

                // fastai's rule for the peak (a tenth of the rate at the lowest loss); the cyclic range starts where the
                // descent is steep, never below the sweep's own start.
                double peak = Round(recorder.Rates[best] / 10);
                double low = Round(Math.Max(first, Math.Min(peak / 4, recorder.Rates[steepest] / 4)));
                long totalSteps = (long)options.EpochsOf(result) * batchesPerEpoch;
                PngPlot.Write(path, "Learning-rate range test", "learning rate (log10)", "smoothed loss",
                    new[] { new Series("smoothed loss", recorder.Rates.Select(Math.Log10).ToArray(), recorder.Smoothed.ToArray()) });
                output.WriteLine("Swept the rate from " + G(first) + " to " + G(recorder.Rates[^1]) + " over " + recorder.Rates.Count + " steps (" + sweepText + ").");
                output.WriteLine("Lowest smoothed loss " + recorder.Smoothed[best].ToString("0.0000", CultureInfo.InvariantCulture) + " at rate " + G(recorder.Rates[best]) + "; steepest descent at rate " + G(recorder.Rates[steepest]) + ".");
                output.WriteLine("Suggested schedules (" + options.EpochsOf(result) + " epochs of " + batchesPerEpoch + " steps; paste into [Schedule(\"…\")]):");
                output.WriteLine("  lr " + F(peak) + " per step: onecycle " + F(peak) + " over " + totalSteps);
                output.WriteLine("  lr " + F(peak) + " per step: cyclic " + F(low) + " to " + F(peak) + " up " + Math.Max(1, 2 * batchesPerEpoch));
                output.WriteLine("Plot: " + path);
                return ExitCodes.Success;
            });
            return command;
        }

        /// <summary>The longest sweep: each step is recorded and plotted.</summary>
        public const int MaxSteps = 1_000_000;

        /// <summary>
        /// The step where the smoothed loss falls fastest against log(rate) before its minimum, or null when it never
        /// falls. The first steps are skipped (the moving average is still settling there, and one lucky batch looks
        /// like a steep descent), and the slope is taken across a window of steps rather than between neighbours.
        /// </summary>
        internal static int? Steepest(IReadOnlyList<double> smoothed, IReadOnlyList<double> rates)
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

        private static double Round(double value) => double.Parse(value.ToString("G2", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

        private static string F(double value) => Language.NumberText.Format(value);

        private static string G(double value) => Language.NumberText.Tidy(value.ToString("G4", CultureInfo.InvariantCulture));

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

                return Rates.Count < _steps || Stop(out reason);
            }

            private static bool Stop(out string? reason)
            {
                reason = "the sweep is complete";
                return false;
            }
        }
    }
}
