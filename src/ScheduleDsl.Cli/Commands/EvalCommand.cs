using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text;

namespace ScheduleDsl.Cli.Commands
{
    /// <summary><c>schedule eval TEXT [--channel lr|momentum|weight-decay]</c>: one channel's values at t = 0 … N−1 as a table, CSV or one JSON array.</summary>
    internal static class EvalCommand
    {
        public static Command Create(TextWriter output, TextWriter error)
        {
            var text = new Argument<string>("text") { Description = "The schedule, e.g. \"lr 1e-2: step 0.8 every 2\"." };
            var steps = InvariantOptions.Int("--steps", "How many values, from t = 0.", 20)
                .Must(n => n >= 1, n => "--steps must be at least 1, not " + n.ToString(CultureInfo.InvariantCulture));
            var baseLr = InvariantOptions.NullableDouble("--base-lr", "The optimizer's base rate that factor schedules multiply (default 1: the factors themselves).")
                .Must(InvariantOptions.PositiveOrAbsent, _ => "--base-lr must be a finite number greater than 0");
            var format = new Option<string>("--format") { Description = "table, csv or json.", DefaultValueFactory = _ => "table" };
            format.AcceptOnlyFromAmong("table", "csv", "json");
            var metrics = new Option<string?>("--metrics") { Description = "For plateau schedules: the metric observed after each t, comma-separated (m0,m1,…)." };
            var channel = new Option<string>("--channel") { Description = "The hyperparameter: lr, momentum or weight-decay (factor channels print factors).", DefaultValueFactory = _ => "lr" };
            channel.AcceptOnlyFromAmong("lr", "momentum", "weight-decay");
            var command = new Command("eval", "Print the values of a schedule.") { text, steps, baseLr, format, metrics, channel };
            command.SetAction(result => Run(
                result.GetValue(text)!, result.GetValue(steps), result.GetValue(baseLr), result.GetValue(format)!, result.GetValue(metrics), result.GetValue(channel)!, output, error));
            return command;
        }

        public static int Run(string text, int steps, double? givenBaseLr, string format, string? metricsText, string channelWord, TextWriter output, TextWriter error)
        {
            double baseLr = givenBaseLr ?? 1.0;

            ILearningRateSchedule? parsed = ScheduleInput.Parse(text, error);
            if (parsed == null)
            {
                return ExitCodes.BadInput;
            }

            var schedule = (IHyperparameterSchedule)parsed;
            if (!ChannelNames.TryParse(channelWord, out ScheduleChannel channel))
            {
                throw new UsageException("--channel must be lr, momentum or weight-decay, not '" + channelWord + "'");
            }

            bool isRate = channel == ScheduleChannel.LearningRate;
            if (!schedule.Schedules(channel) && !isRate)
            {
                throw new UsageException("The schedule does not schedule the " + ChannelNames.Title(channel).ToLowerInvariant() + ", which stays at the optimizer's own value; give it a channel such as '; " + channelWord + " 0.9: constant'");
            }

            bool absolute = schedule.IsAbsoluteFor(channel);
            if (givenBaseLr != null && (absolute || !isRate))
            {
                throw new UsageException(isRate ? ScheduleInput.AbsoluteIgnores("--base-lr") : "--base-lr scales the learning rate only; the " + channelWord + " channel prints its own values");
            }

            double[] metrics = metricsText == null ? Array.Empty<double>() : ParseMetrics(metricsText);
            if (metrics.Length > 0 && schedule is not IMetricSchedule)
            {
                throw new UsageException("--metrics is for schedules with a 'plateau' phase; this schedule does not observe metrics");
            }

            // Streamed: a value is written as soon as it is computed, so --steps 2147483647 costs time, not memory.
            double scale = absolute || !isRate ? 1.0 : baseLr;
            var metric = schedule as IMetricSchedule;
            string unit = schedule.Unit == ScheduleUnit.Step ? "step" : "epoch";
            int width = Math.Max(unit.Length, (steps - 1).ToString(CultureInfo.InvariantCulture).Length);
            switch (format)
            {
                case "json":
                    output.Write('[');
                    break;
                case "csv":
                    output.Write("t,value\n");
                    break;
                default:
                    string column = isRate ? (absolute ? "rate" : "rate (factor × base)") : channelWord + (absolute ? string.Empty : " (factor of the optimizer's)");
                    output.Write(unit.PadLeft(width) + "  " + column + "\n");
                    break;
            }

            for (int t = 0; t < steps; t++)
            {
                double value = Scaled(schedule.At(channel, t), scale);
                if (metric != null && t < metrics.Length)
                {
                    metric.Observe(metrics[t]);
                }

                string index = t.ToString(CultureInfo.InvariantCulture);
                switch (format)
                {
                    case "json":
                        output.Write((t == 0 ? string.Empty : ",") + value.ToString("R", CultureInfo.InvariantCulture));
                        break;
                    case "csv":
                        output.Write(index + "," + value.ToString("R", CultureInfo.InvariantCulture) + "\n");
                        break;
                    default:
                        output.Write(index.PadLeft(width) + "  " + value.ToString("G10", CultureInfo.InvariantCulture).Replace("E", "e", System.StringComparison.Ordinal) + "\n");
                        break;
                }
            }

            if (format == "json")
            {
                output.Write("]\n");
            }

            output.Flush();
            return ExitCodes.Success;
        }

        /// <summary>A schedule value times the base rate, saturating at <see cref="double.MaxValue"/> as schedule values do.</summary>
        public static double Scaled(double value, double scale)
        {
            double product = value * scale;
            return product > double.MaxValue ? double.MaxValue : product;
        }

        private static double[] ParseMetrics(string text)
        {
            string[] items = text.Split(',');
            var metrics = new double[items.Length];
            for (int i = 0; i < items.Length; i++)
            {
                if (!double.TryParse(items[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out metrics[i]) || double.IsNaN(metrics[i]))
                {
                    throw new UsageException("--metrics item " + (i + 1).ToString(CultureInfo.InvariantCulture) + " ('" + items[i].Trim() + "') is not a number");
                }
            }

            return metrics;
        }
    }
}
