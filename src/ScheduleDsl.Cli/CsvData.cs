using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace ScheduleDsl.Cli
{
    /// <summary>A labelled data set read from CSV: a header row, numeric cells, one column of class indices.</summary>
    internal sealed class CsvData
    {
        private CsvData(float[,] x, int[] labels, string[] features)
        {
            X = x;
            Labels = labels;
            Features = features;
        }

        public float[,] X { get; }

        public int[] Labels { get; }

        public string[] Features { get; }

        /// <summary>Reads <paramref name="path"/>; every problem is a <see cref="UsageException"/> naming the file, line and column.</summary>
        public static CsvData Read(string path, string labelColumn, string option)
        {
            string[] lines = TextInput.ReadLines(path, option).ToArray();
            int first = Array.FindIndex(lines, l => l.Trim().Length > 0);
            if (first < 0)
            {
                throw new UsageException(path + ": the file is empty");
            }

            string[] header = Split(lines[first]);
            int label = Array.FindIndex(header, h => h.Trim() == labelColumn);
            if (label < 0)
            {
                throw new UsageException(path + ":" + (first + 1) + ": no column named '" + labelColumn + "' (the columns are " + string.Join(", ", header) + ")");
            }

            if (header.Length < 2)
            {
                throw new UsageException(path + ":" + (first + 1) + ": the only column is the label '" + labelColumn + "'; the data needs at least one feature column beside it");
            }

            var rows = new List<float[]>();
            var labels = new List<int>();
            for (int i = first + 1; i < lines.Length; i++)
            {
                if (lines[i].Trim().Length == 0)
                {
                    continue;
                }

                string[] cells = Split(lines[i]);
                if (cells.Length != header.Length)
                {
                    throw new UsageException(path + ":" + (i + 1) + ": " + cells.Length + " cells, but the header has " + header.Length);
                }

                var row = new float[header.Length - 1];
                int f = 0;
                for (int c = 0; c < cells.Length; c++)
                {
                    string cell = cells[c].Trim();
                    if (c == label)
                    {
                        if (!IsWritten(cell, "0123456789") || !int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value >= MaxClasses)
                        {
                            throw new UsageException(path + ":" + (i + 1) + ":" + (c + 1) + ": the label '" + Printable(cell) + "' is not a class index (0, 1, 2, … at most "
                                + (MaxClasses - 1).ToString(CultureInfo.InvariantCulture) + ")");
                        }

                        labels.Add(value);
                        continue;
                    }

                    if (!IsWritten(cell, "0123456789.eE+-") || !float.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out row[f]) || !float.IsFinite(row[f]))
                    {
                        throw new UsageException(path + ":" + (i + 1) + ":" + (c + 1) + ": '" + Printable(cell) + "' in column '" + Printable(header[c].Trim()) + "' is not a finite number");
                    }

                    f++;
                }

                rows.Add(row);
            }

            if (rows.Count == 0)
            {
                throw new UsageException(path + ": the file has a header but no rows");
            }

            var x = new float[rows.Count, header.Length - 1];
            for (int r = 0; r < rows.Count; r++)
            {
                for (int c = 0; c < header.Length - 1; c++)
                {
                    x[r, c] = rows[r][c];
                }
            }

            var features = new List<string>(header);
            features.RemoveAt(label);
            return new CsvData(x, labels.ToArray(), features.ToArray());
        }

        /// <summary>The most classes a label column may describe (labels 0 … <c>MaxClasses − 1</c>); each is an output unit.</summary>
        public const int MaxClasses = 10000;

        private static string[] Split(string line) => line.Split(',');

        /// <summary>
        /// Whether the cell holds only the characters a number may have: .NET's parsers skip trailing NUL characters, so
        /// <c>2\0</c> would otherwise be read as 2.
        /// </summary>
        private static bool IsWritten(string cell, string allowed)
        {
            foreach (char c in cell)
            {
                if (allowed.IndexOf(c) < 0)
                {
                    return false;
                }
            }

            return cell.Length > 0;
        }

        private static string Printable(string text)
        {
            var builder = new System.Text.StringBuilder();
            foreach (char c in text)
            {
                if (char.IsControl(c))
                {
                    builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }
    }
}
