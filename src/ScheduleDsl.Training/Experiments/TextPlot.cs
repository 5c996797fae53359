using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ScheduleDsl.Training
{
    /// <summary>Small plots in plain text, for consoles and logs: one column per sampled point, a glyph per series at its value.</summary>
    public static class TextPlot
    {
        private static readonly char[] Glyphs = { '•', '+', 'x', 'o', '*', '#', '@' };

        /// <summary>A schedule's curve over <paramref name="steps"/> time indices, sampled at most <paramref name="width"/> times, <paramref name="height"/> rows tall.</summary>
        public static string Render(ILearningRateSchedule schedule, long steps, int width, int height) => Render(schedule, 0, steps, width, height);

        /// <summary>A schedule's curve over the <paramref name="steps"/> time indices from <paramref name="first"/> (a zoom on one phase).</summary>
        public static string Render(ILearningRateSchedule schedule, long first, long steps, int width, int height)
        {
            int columns = (int)Math.Min(width, steps);
            var values = new double[columns];
            var times = new long[columns];
            for (int c = 0; c < columns; c++)
            {
                times[c] = first + (columns == 1 ? 0 : (long)Math.Round((double)c * (steps - 1) / (columns - 1)));
                values[c] = schedule.At(times[c]);
            }

            return Render(new[] { ("rate", values) }, times[0], times[^1], height, schedule.Unit == ScheduleUnit.Step ? "step" : "epoch", legend: false);
        }

        /// <summary>Several series over the same x values (one value per column), <paramref name="height"/> rows tall, the x axis labelled from <paramref name="firstX"/> to <paramref name="lastX"/> in <paramref name="unit"/>.</summary>
        public static string Render(IReadOnlyList<(string Name, double[] Values)> series, long firstX, long lastX, int height, string unit, bool legend = true)
        {
            double min = series.Min(s => s.Values.Min());
            double max = series.Max(s => s.Values.Max());
            int columns = series.Max(s => s.Values.Length);
            double span = max - min;
            string top = Label(max);
            string bottom = Label(min);
            int labelWidth = Math.Max(top.Length, bottom.Length);
            var rows = new char[height][];
            for (int r = 0; r < height; r++)
            {
                rows[r] = new string(' ', columns).ToCharArray();
            }

            for (int s = 0; s < series.Count; s++)
            {
                double[] values = series[s].Values;
                for (int c = 0; c < values.Length; c++)
                {
                    int row = span > 0 ? (int)Math.Round((max - values[c]) / span * (height - 1)) : height / 2;
                    rows[row][c] = Glyphs[s % Glyphs.Length];
                }
            }

            var builder = new StringBuilder();
            for (int r = 0; r < height; r++)
            {
                string label = r == 0 ? top : r == height - 1 ? bottom : string.Empty;
                builder.Append(label.PadLeft(labelWidth)).Append(" │").Append(new string(rows[r]).TrimEnd()).Append('\n');
            }

            builder.Append(new string(' ', labelWidth)).Append(" └").Append(new string('─', columns)).Append('\n');
            string first = firstX.ToString(CultureInfo.InvariantCulture);
            string last = lastX.ToString(CultureInfo.InvariantCulture) + " " + unit;
            int gap = Math.Max(1, columns - first.Length - last.Length);
            builder.Append(new string(' ', labelWidth + 2)).Append(first).Append(' ', gap).Append(last).Append('\n');
            if (legend)
            {
                builder.Append(new string(' ', labelWidth + 2));
                for (int s = 0; s < series.Count; s++)
                {
                    builder.Append(Glyphs[s % Glyphs.Length]).Append(' ').Append(series[s].Name).Append("   ");
                }

                builder.Append('\n');
            }

            return builder.ToString();
        }

        private static string Label(double value) => ScheduleDsl.Language.NumberText.Tidy(value.ToString("G4", CultureInfo.InvariantCulture));
    }
}
