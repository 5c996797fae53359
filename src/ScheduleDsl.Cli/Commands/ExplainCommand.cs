using System.CommandLine;
using System.Globalization;
using System.IO;
using ScheduleDsl.Training;

namespace ScheduleDsl.Cli.Commands
{
    /// <summary><c>schedule explain TEXT</c>: one English sentence per phase, then the curve as a text plot, for every channel.</summary>
    internal static class ExplainCommand
    {
        private const int PlotWidth = 64;

        /// <summary>Below this many columns of the main plot, a phase is plotted again on its own.</summary>
        private const int MinimumColumns = 8;

        public static Command Create(TextWriter output, TextWriter error)
        {
            var text = new Argument<string>("text") { Description = "The schedule to explain." };
            var steps = InvariantOptions.NullableInt("--steps", "How many time indices to plot (default: the schedule's length plus a tenth, or 100).")
                .Must(n => n is not int given || given >= 2, n => "--steps must be at least 2, not " + n!.Value.ToString(CultureInfo.InvariantCulture));
            var command = new Command("explain", "Explain a schedule in English and plot it.") { text, steps };
            command.SetAction(result => Run(result.GetValue(text)!, result.GetValue(steps), output, error));
            return command;
        }

        public static int Run(string text, int? steps, TextWriter output, TextWriter error)
        {
            // A 'custom NAME' is valid text whose values come from code: it is explained, but not plotted.
            bool customOnly = !Schedule.TryParse(text, out _, out _) && ScheduleInput.IsValidForCode(text, TextWriter.Null);
            ILearningRateSchedule? schedule = customOnly ? null : ScheduleInput.Parse(text, error);
            if (schedule == null && !customOnly)
            {
                return ExitCodes.BadInput;
            }

            ScheduleDescription description = Schedule.Describe(text);
            output.WriteLine(description.CanonicalText);
            output.WriteLine(description.Summary);
            bool named = description.Channels.Count > 1 || description.Channels[0].Channel != ScheduleChannel.LearningRate;
            foreach (ScheduleChannelDescription channel in description.Channels)
            {
                ILearningRateSchedule? values = (schedule as IHyperparameterSchedule)?.View(channel.Channel);
                if (named)
                {
                    output.WriteLine();
                    output.WriteLine(ChannelNames.Title(channel.Channel) + (channel.FromMomentumOption ? " (from the 'momentum' option)" : string.Empty) + ":");
                }

                WriteChannel(output, values, channel, steps);
            }

            if (customOnly)
            {
                output.WriteLine();
                output.WriteLine("Not plotted: its values come from custom functions, which run only in code (a [Schedule] type's partial methods, or Schedule.Parse(text, functions)).");
            }

            return ExitCodes.Success;
        }

        /// <summary>A channel's phases, one sentence each, and its curve, with a close-up of any phase the curve squeezes.</summary>
        private static void WriteChannel(TextWriter output, ILearningRateSchedule? values, ScheduleChannelDescription channel, int? steps)
        {
            int index = 1;
            foreach (SchedulePhase phase in channel.Phases)
            {
                output.WriteLine("  " + index.ToString(CultureInfo.InvariantCulture) + ". [" + phase.Range + "] " + phase.Sentence);
                index++;
            }

            if (values == null)
            {
                return;
            }

            long count = steps ?? DefaultSteps(channel.Length);
            output.WriteLine();
            output.Write(TextPlot.Render(values, count, width: PlotWidth, height: 12));

            // A phase that the plot above squeezes into a few columns (a 500-step warmup before 9500 steps of decay) gets
            // a plot of its own.
            for (int p = 0; p < channel.Phases.Count; p++)
            {
                SchedulePhase phase = channel.Phases[p];
                if (phase.Length is long length && length >= 2 && phase.Start < count && length * PlotWidth < count * MinimumColumns)
                {
                    output.WriteLine();
                    output.WriteLine("Phase " + (p + 1).ToString(CultureInfo.InvariantCulture) + " [" + phase.Range + "] up close:");
                    output.Write(TextPlot.Render(values, phase.Start, length, width: 32, height: 6));
                }
            }
        }

        private static long DefaultSteps(long? duration)
        {
            if (duration is long d)
            {
                return System.Math.Min(1_000_000, System.Math.Max(20, d + d / 10 + 1));
            }

            return 100;
        }
    }
}
