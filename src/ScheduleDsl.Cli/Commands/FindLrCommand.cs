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
    /// <c>schedule find-lr</c>: runs <see cref="LearningRateRangeTest"/> on the user's data and network, plots loss against
    /// rate and prints the one-cycle and cyclic schedules it suggests, to paste into <c>[Schedule]</c>.
    /// </summary>
    internal static class FindLrCommand
    {
        public static Command Create(TextWriter output, TextWriter error)
        {
            var options = new TrainingOptions();
            var start = InvariantOptions.Double("--start", "The first rate of the sweep.", 1e-6);
            var end = InvariantOptions.Double("--end", "The last rate of the sweep.", 10);
            var steps = InvariantOptions.Int("--steps", "Optimizer steps in the sweep.", 200)
                .Must(
                    n => n >= 10 && n <= LearningRateRangeTest.MaxSteps,
                    n => "--steps must be between 10 and " + LearningRateRangeTest.MaxSteps.ToString(CultureInfo.InvariantCulture) + " (the sweep records every step), not " + n.ToString(CultureInfo.InvariantCulture));
            var file = new Option<string>("--out", "-o") { Description = "The PNG file of loss against rate.", DefaultValueFactory = _ => "find-lr.png" };
            var command = new Command("find-lr", "Run a learning-rate range test and suggest a schedule.");
            options.AddTo(command);
            command.Options.Add(start);
            command.Options.Add(end);
            command.Options.Add(steps);
            command.Options.Add(file);
            command.SetAction(result =>
            {
                if (result.GetValue(options.LearningRate) is double)
                {
                    throw new UsageException("--lr would be ignored: the range test sets the rate at every step, from --start to --end");
                }

                var settings = new RangeTestSettings { Start = result.GetValue(start), End = result.GetValue(end), Steps = result.GetValue(steps), Seed = result.GetValue(options.Seed) };
                if (!(settings.Start > 0) || !(settings.End > settings.Start) || double.IsInfinity(settings.End))
                {
                    throw new UsageException("--start and --end must be finite, with 0 < start < end");
                }

                string path = result.GetValue(file)!;
                OutputPaths.CheckFile(path, "--out");

                ExperimentData data = options.ReadData(result, settings.Seed);
                settings = settings with { BatchSize = options.BatchOf(result) };
                Sequential model = options.NetworkFactory(result, data.TrainX.GetLength(1), options.Classes(data))();
                model.Compile(options.LossAndOutput(result).Loss, options.OptimizerFactory(result)());
                int batchesPerEpoch = (data.TrainX.GetLength(0) + settings.BatchSize - 1) / settings.BatchSize;
                int epochs = (settings.Steps + batchesPerEpoch - 1) / batchesPerEpoch;
                LiveProgress? live = LiveProgress.ForTerminal(output, error, batchesPerEpoch, epochs, "find-lr ");
                RangeTestResult test;
                try
                {
                    test = LearningRateRangeTest.Run(model, data.TrainX, data.TrainLabels, settings, live == null ? null : new ICallback[] { live });
                }
                catch (Exception e) when (e is ArgumentException || e is InvalidOperationException)
                {
                    throw new UsageException(char.ToLowerInvariant(e.Message[0]) + e.Message.Substring(1));
                }
                finally
                {
                    live?.Erase();
                }

                IReadOnlyList<double> rates = test.Rates;
                PngPlot.Write(path, "Learning-rate range test", "learning rate (log10)", "smoothed loss",
                    new[] { new Series("smoothed loss", rates.Select(Math.Log10).ToArray(), test.SmoothedLoss.ToArray()) });
                output.WriteLine(test.Summary);
                output.WriteLine("Suggested schedules (" + options.EpochsOf(result) + " epochs of " + batchesPerEpoch + " steps; paste into [Schedule(\"…\")]):");
                output.WriteLine("  " + test.OneCycleText(options.EpochsOf(result)));
                output.WriteLine("  " + test.CyclicText());
                output.WriteLine("Plot: " + path);
                return ExitCodes.Success;
            });
            return command;
        }
    }
}
