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
            var steps = new Option<int>("--steps") { Description = "How many values, from t = 0.", DefaultValueFactory = _ => 20 };
            var baseLr = new Option<double>("--base-lr") { Description = "The optimizer's base rate that factor schedules multiply.", DefaultValueFactory = _ => 1.0 };
            var format = new Option<string>("--format") { Description = "table, csv or json.", DefaultValueFactory = _ => "table" };
            format.AcceptOnlyFromAmong("table", "csv", "json");
            var metrics = new Option<string?>("--metrics") { Description = "For plateau schedules: the metric observed after each t, comma-separated (m0,m1,…)." };
            var command = new Command("eval", "Print the values of a schedule.") { text, steps, baseLr, format, metrics };
            command.SetAction(result => Run(
                result.GetValue(text)!, result.GetValue(steps), result.GetValue(baseLr), result.GetValue(format)!, result.GetValue(metrics), output, error));
            return command;
        }

        public static int Run(string text, int steps, double baseLr, string format, string? metricsText, TextWriter output, TextWriter error)
        {
            if (steps < 1)
            {
                throw new UsageException("--steps must be at least 1, not " + steps.ToString(CultureInfo.InvariantCulture));
            }

            if (!(baseLr > 0) || double.IsInfinity(baseLr))
            {
                throw new UsageException("--base-lr must be a finite number greater than 0");
            }

            ILearningRateSchedule? schedule = ScheduleInput.Parse(text, error);
            if (schedule == null)
            {
                return ExitCodes.BadInput;
            }

            double[] metrics = metricsText == null ? Array.Empty<double>() : ParseMetrics(metricsText);
            if (metrics.Length > 0 && schedule is not IMetricSchedule)
            {
                throw new UsageException("--metrics is for schedules with a 'plateau' phase; this schedule does not observe metrics");
            }

            double[] values = Evaluate(schedule, steps, schedule.IsAbsolute ? 1.0 : baseLr, metrics);
            output.Write(format switch
            {
                "json" => Json(values),
                "csv" => Csv(values),
                _ => Table(values, schedule),
            });
            return ExitCodes.Success;
        }

        /// <summary>The values at t = 0 … steps−1; for a plateau schedule the value at t follows the metrics m0 … m(t−1).</summary>
        public static double[] Evaluate(ILearningRateSchedule schedule, int steps, double scale, double[] metrics)
        {
            var values = new double[steps];
            var metric = schedule as IMetricSchedule;
            for (int t = 0; t < steps; t++)
            {
                values[t] = schedule.At(t) * scale;
                if (metric != null && t < metrics.Length)
                {
                    metric.Observe(metrics[t]);
                }
            }

            return values;
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

        private static string Json(double[] values)
        {
            var builder = new StringBuilder("[");
            for (int i = 0; i < values.Length; i++)
            {
                builder.Append(i == 0 ? string.Empty : ",").Append(values[i].ToString("R", CultureInfo.InvariantCulture));
            }

            return builder.Append("]\n").ToString();
        }

        private static string Csv(double[] values)
        {
            var builder = new StringBuilder("t,value\n");
            for (int i = 0; i < values.Length; i++)
            {
                builder.Append(i.ToString(CultureInfo.InvariantCulture)).Append(',').Append(values[i].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
            }

            return builder.ToString();
        }

        private static string Table(double[] values, ILearningRateSchedule schedule)
        {
            string unit = schedule.Unit == ScheduleUnit.Step ? "step" : "epoch";
            string heading = schedule.IsAbsolute ? "rate" : "rate (factor × base)";
            int width = Math.Max(unit.Length, values.Length.ToString(CultureInfo.InvariantCulture).Length);
            var builder = new StringBuilder();
            builder.Append(unit.PadLeft(width)).Append("  ").Append(heading).Append('\n');
            for (int i = 0; i < values.Length; i++)
            {
                builder.Append(i.ToString(CultureInfo.InvariantCulture).PadLeft(width)).Append("  ").Append(values[i].ToString("G10", CultureInfo.InvariantCulture)).Append('\n');
            }

            return builder.ToString();
        }
    }
}
