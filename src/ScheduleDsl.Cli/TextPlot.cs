using System;
using System.Globalization;
using System.Text;

namespace ScheduleDsl.Cli
{
    /// <summary>A small plot of a schedule's curve in plain text: one column per sampled time index, '•' at its value.</summary>
    internal static class TextPlot
    {
        public static string Render(ILearningRateSchedule schedule, long steps, int width, int height)
        {
            int columns = (int)Math.Min(width, steps);
            var values = new double[columns];
            var times = new long[columns];
            for (int c = 0; c < columns; c++)
            {
                times[c] = columns == 1 ? 0 : (long)Math.Round((double)c * (steps - 1) / (columns - 1));
                values[c] = schedule.At(times[c]);
            }

            return Render(values, times, height, schedule.Unit == ScheduleUnit.Step ? "step" : "epoch");
        }

        public static string Render(double[] values, long[] times, int height, string unit)
        {
            double min = double.MaxValue;
            double max = double.MinValue;
            foreach (double v in values)
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }

            double span = max - min;
            string top = Label(max);
            string bottom = Label(min);
            int labelWidth = Math.Max(top.Length, bottom.Length);
            var rows = new char[height][];
            for (int r = 0; r < height; r++)
            {
                rows[r] = new string(' ', values.Length).ToCharArray();
            }

            for (int c = 0; c < values.Length; c++)
            {
                int row = span > 0 ? (int)Math.Round((max - values[c]) / span * (height - 1)) : height / 2;
                rows[row][c] = '•';
            }

            var builder = new StringBuilder();
            for (int r = 0; r < height; r++)
            {
                string label = r == 0 ? top : r == height - 1 ? bottom : string.Empty;
                builder.Append(label.PadLeft(labelWidth)).Append(" │").Append(new string(rows[r]).TrimEnd()).Append('\n');
            }

            builder.Append(new string(' ', labelWidth)).Append(" └").Append(new string('─', values.Length)).Append('\n');
            string first = times[0].ToString(CultureInfo.InvariantCulture);
            string last = times[times.Length - 1].ToString(CultureInfo.InvariantCulture) + " " + unit;
            int gap = Math.Max(1, values.Length - first.Length - last.Length);
            builder.Append(new string(' ', labelWidth + 2)).Append(first).Append(' ', gap).Append(last).Append('\n');
            return builder.ToString();
        }

        private static string Label(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
    }
}
