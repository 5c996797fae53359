using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text;

namespace ScheduleDsl.Cli.Commands
{
    /// <summary><c>schedule eval TEXT</c>: the values at t = 0 … N−1 as a table, CSV or one JSON array.</summary>
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
            var command = new Command("eval", "Print the values of a schedule.") { text, steps, baseLr, format, metrics };
            command.SetAction(result => Run(
                result.GetValue(text)!, result.GetValue(steps), result.GetValue(baseLr), result.GetValue(format)!, result.GetValue(metrics), output, error));
            return command;
        }

        public static int Run(string text, int steps, double? givenBaseLr, string format, string? metricsText, TextWriter output, TextWriter error)
        {
            double baseLr = givenBaseLr ?? 1.0;

            ILearningRateSchedule? schedule = ScheduleInput.Parse(text, error);
            if (schedule == null)
            {
                return ExitCodes.BadInput;
            }

            if (schedule.IsAbsolute && givenBaseLr != null)
            {
                throw new UsageException(ScheduleInput.AbsoluteIgnores("--base-lr"));
            }

            double[] metrics = metricsText == null ? Array.Empty<double>() : ParseMetrics(metricsText);
            if (metrics.Length > 0 && schedule is not IMetricSchedule)
            {
                throw new UsageException("--metrics is for schedules with a 'plateau' phase; this schedule does not observe metrics");
            }

            // Streamed: a value is written as soon as it is computed, so --steps 2147483647 costs time, not memory.
            double scale = schedule.IsAbsolute ? 1.0 : baseLr;
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
                    output.Write(unit.PadLeft(width) + "  " + (schedule.IsAbsolute ? "rate" : "rate (factor × base)") + "\n");
                    break;
            }

            for (int t = 0; t < steps; t++)
            {
                double value = Scaled(schedule.At(t), scale);
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
