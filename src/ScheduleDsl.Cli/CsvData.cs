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
        public static CsvData Read(string path, string labelColumn)
        {
            if (!File.Exists(path))
            {
                throw new UsageException("no such file: " + path);
            }

            string[] lines = File.ReadAllLines(path);
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
                        if (!int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
                        {
                            throw new UsageException(path + ":" + (i + 1) + ":" + (c + 1) + ": the label '" + cell + "' is not a class index (0, 1, 2, …)");
                        }

                        labels.Add(value);
                        continue;
                    }

                    if (!float.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out row[f]) || !float.IsFinite(row[f]))
                    {
                        throw new UsageException(path + ":" + (i + 1) + ":" + (c + 1) + ": '" + cell + "' in column '" + header[c].Trim() + "' is not a finite number");
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

        private static string[] Split(string line) => line.Split(',');
    }
}
