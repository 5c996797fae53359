using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using ScheduleDsl.Cli.Reports;

namespace ScheduleDsl.Cli.Commands
{
    /// <summary><c>schedule plot TEXT… [--steps N] -o FILE.png</c>: the rate curves of one or more schedules.</summary>
    internal static class PlotCommand
    {
        public static Command Create(TextWriter output, TextWriter error)
        {
            var texts = new Argument<string[]>("text") { Description = "One or more schedules.", Arity = ArgumentArity.OneOrMore };
            var steps = InvariantOptions.Int("--steps", "Time indices to plot, from 0.", 100)
                .Must(n => n >= 2 && n <= 10_000_000, _ => "--steps must be between 2 and 10000000");
            var file = new Option<string>("--out", "-o") { Description = "The PNG file to write.", Required = true };
            var baseLr = InvariantOptions.NullableDouble("--base-lr", "The base rate that factor schedules multiply (default 1: the factors themselves).")
                .Must(InvariantOptions.PositiveOrAbsent, _ => "--base-lr must be a finite number greater than 0");
            var command = new Command("plot", "Plot the rate curves of schedules to a PNG file.") { texts, steps, file, baseLr };
            command.SetAction(result =>
            {
                int count = result.GetValue(steps);
                double? givenScale = result.GetValue(baseLr);
                double scale = givenScale ?? 1.0;

                string path = result.GetValue(file)!;
                OutputPaths.CheckFile(path, "--out");
                var series = new List<Series>();
                bool anyFactor = false;
                string unit = "epoch";
                foreach (string text in result.GetValue(texts)!)
                {
                    ILearningRateSchedule? schedule = ScheduleInput.Parse(text, error);
                    if (schedule == null)
                    {
                        return ExitCodes.BadInput;
                    }

                    unit = schedule.Unit == ScheduleUnit.Step ? "step" : unit;
                    anyFactor |= !schedule.IsAbsolute;
                    int points = System.Math.Min(count, 2000);
                    double[] x = Enumerable.Range(0, points).Select(i => System.Math.Round((double)i * (count - 1) / (points - 1))).ToArray();
                    double factor = schedule.IsAbsolute ? 1 : scale;
                    series.Add(new Series(text, x, x.Select(t => schedule.At((long)t) * factor).ToArray()));
                }

                if (!anyFactor && givenScale != null)
                {
                    throw new UsageException(ScheduleInput.AbsoluteIgnores("--base-lr"));
                }

                PngPlot.Write(path, "Learning-rate schedules", unit, "learning rate", series, logY: true, steps: count <= 60);
                output.WriteLine("Wrote " + path);
                return ExitCodes.Success;
            });
            return command;
        }
    }
}
