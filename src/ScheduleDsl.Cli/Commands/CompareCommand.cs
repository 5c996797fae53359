using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using ScheduleDsl.Training;
using ScheduleDsl.Cli.Reports;

namespace ScheduleDsl.Cli.Commands
{
    /// <summary><c>schedule compare</c>: the same training with several schedules, over several seeds: one table, one plot.</summary>
    internal static class CompareCommand
    {
        public static Command Create(TextWriter output, TextWriter error)
        {
            var options = new TrainingOptions();
            var schedules = new Option<string[]>("--schedule") { Description = "A schedule to compare (repeat the option); 'constant' for the optimizer's rate.", AllowMultipleArgumentsPerToken = false };
            var file = new Option<string?>("--schedules-file") { Description = "A file with one schedule per line ('#' comments and blank lines skipped)." };
            var seeds = InvariantOptions.Int("--seeds", "Repetitions with different seeds.", 5)
                .Must(n => n >= 1, _ => "--seeds must be at least 1");
            var outputDirectory = new Option<string>("--out", "-o") { Description = "The folder for compare-loss.png and compare-rate.png.", DefaultValueFactory = _ => "compare-output" };
            var perSeed = new Option<bool>("--per-seed") { Description = "Also print every seed's test loss, test accuracy and final training loss." };
            var command = new Command("compare", "Train with several schedules and compare them.");
            options.AddTo(command);
            command.Options.Add(schedules);
            command.Options.Add(file);
            command.Options.Add(seeds);
            command.Options.Add(outputDirectory);
            command.Options.Add(perSeed);
            command.SetAction(result =>
            {
                // Each text with where it came from, so an invalid one in a file is named by its line.
                var texts = new List<(string Text, string? Where)>((result.GetValue(schedules) ?? new string[0]).Select(t => (t, (string?)null)));
                if (result.GetValue(file) is string path)
                {
                    texts.AddRange(TextInput.ReadLines(path, "--schedules-file")
                        .Select((line, index) => (Text: line.Trim(), Where: (string?)(path + ":" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))))
                        .Where(l => l.Text.Length > 0 && !l.Text.StartsWith('#')));
                }

                if (texts.Count == 0)
                {
                    throw new UsageException("give the schedules to compare with --schedule TEXT (repeatable) or --schedules-file FILE");
                }

                int seedCount = result.GetValue(seeds);

                OutputPaths.CheckFolder(result.GetValue(outputDirectory), "--out");

                var arms = new List<Arm>();
                var optimizer = options.OptimizerFactory(result);
                foreach ((string text, string? where) in texts)
                {
                    if (text == "constant")
                    {
                        arms.Add(new Arm("constant", optimizer, null, () => null));
                        continue;
                    }

                    if (ScheduleInput.Parse(text, error, where) == null)
                    {
                        return ExitCodes.BadInput;
                    }

                    arms.Add(new Arm(text, optimizer, text, () => Schedule.Parse(text)));
                }

                ExperimentData first = options.ReadData(result, 0);
                int classes = options.Classes(first);
                var network = options.NetworkFactory(result, first.TrainX.GetLength(1), classes);
                IReadOnlyList<ArmResult> results;
                LiveProgress? live = LiveProgress.ForTerminal(output, error, batchesPerEpoch: 1, options.EpochsOf(result));
                int runs = 0;
                try
                {
                    results = Experiment.Run(
                        arms,
                        seed => seed == 0 ? first : options.ReadData(result, seed),
                        network,
                        options.LossAndOutput(result).Loss,
                        options.EpochsOf(result),
                        options.BatchOf(result),
                        seedCount,
                        onRun: finished => live?.Runs(++runs, arms.Count * seedCount, finished));
                }
                catch (System.ArgumentException e)
                {
                    throw new UsageException(e.Message);
                }
                finally
                {
                    live?.Erase();
                }

                output.Write(ExperimentReport.EpochTable(results));
                output.WriteLine();
                output.Write(ExperimentReport.Summary(results));
                if (first.HeldOutNote != null)
                {
                    output.WriteLine("No --test was given: the test columns score the " + first.HeldOut + " data, " + first.HeldOutNote + " (drawn anew for each seed).");
                }
                if (result.GetValue(perSeed))
                {
                    output.WriteLine();
                    output.Write(ExperimentReport.PerSeed(results));
                }

                if (result.GetValue(options.Test) == null && !result.GetValue(options.TutorialData))
                {
                    output.WriteLine("No --test file was given, so the test columns are measured on the training data; give --test to judge what generalizes.");
                }

                output.WriteLine();
                foreach (ArmResult r in results.Skip(1))
                {
                    output.WriteLine(ExperimentReport.Verdict(results[0], r));
                }

                output.WriteLine();
                output.Write(ExperimentReport.TextLossPlot(results));
                (string loss, string rate) = ComparisonPlots.WritePlots(results, result.GetValue(outputDirectory)!, "compare", "Comparison");
                output.WriteLine("Plots: " + loss + ", " + rate);
                return ExitCodes.Success;
            });
            return command;
        }
    }
}
