using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using ScheduleDsl.Cli.Reports;

namespace ScheduleDsl.Cli.Commands
{
    /// <summary><c>schedule plot TEXT… [--steps N] -o FILE.png</c>: the curves of one or more schedules, one per channel each.</summary>
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
                bool multiChannel = false;
                string unit = "epoch";
                foreach (string text in result.GetValue(texts)!)
                {
                    ILearningRateSchedule? schedule = ScheduleInput.Parse(text, error);
                    if (schedule == null)
                    {
                        return ExitCodes.BadInput;
                    }

                    unit = schedule.Unit == ScheduleUnit.Step ? "step" : unit;
                    int points = System.Math.Min(count, 2000);
                    double[] x = Enumerable.Range(0, points).Select(i => System.Math.Round((double)i * (count - 1) / (points - 1))).ToArray();
                    var channels = (IHyperparameterSchedule)schedule;
                    foreach (ScheduleChannel channel in new[] { ScheduleChannel.LearningRate, ScheduleChannel.Momentum, ScheduleChannel.WeightDecay })
                    {
                        if (!channels.Schedules(channel))
                        {
                            continue;
                        }

                        // --base-lr scales the rate only; momentum and weight decay show their own values (or factors).
                        bool isRate = channel == ScheduleChannel.LearningRate;
                        anyFactor |= isRate && !schedule.IsAbsolute;
                        double factor = isRate && !schedule.IsAbsolute ? scale : 1;
                        bool several = channels.Schedules(ScheduleChannel.Momentum) || channels.Schedules(ScheduleChannel.WeightDecay);
                        multiChannel |= several;
                        string label = several ? text + " [" + ChannelNames.Word(channel) + "]" : text;
                        series.Add(new Series(label, x, x.Select(t => channels.At(channel, (long)t) * factor).ToArray()));
                    }
                }

                if (!anyFactor && givenScale != null)
                {
                    throw new UsageException(ScheduleInput.AbsoluteIgnores("--base-lr"));
                }

                bool onlyRates = !multiChannel;
                PngPlot.Write(path, onlyRates ? "Learning-rate schedules" : "Schedules (every channel)", unit, onlyRates ? "learning rate" : "value", series, logY: true, steps: count <= 60);
                output.WriteLine("Wrote " + path);
                return ExitCodes.Success;
            });
            return command;
        }
    }
}
