using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using nietras.SeparatedValues;

namespace ScheduleDsl.Training
{
    /// <summary>What to do with a column that looks like a row index (pandas' <c>Unnamed: 0</c>, R's unnamed first column).</summary>
    public enum IndexColumn
    {
        /// <summary>Refuse the file, saying which column it is: an index used as a feature silently ruins training.</summary>
        Refuse,

        /// <summary>Leave the column out of the features.</summary>
        Drop,

        /// <summary>Keep it as a feature (it really is one).</summary>
        Keep,
    }

    /// <summary>How <see cref="CsvDataset"/> reads a file.</summary>
    public sealed record CsvOptions
    {
        /// <summary>The column holding the classes (default <c>label</c>): indices 0, 1, 2, … or names.</summary>
        public string LabelColumn { get; init; } = "label";

        /// <summary>What to do with a row-index column (default: refuse).</summary>
        public IndexColumn IndexColumn { get; init; } = IndexColumn.Refuse;

        /// <summary>
        /// The classes of another file read before (the training data's), so a test file's names get the same indices;
        /// null: the classes of this file.
        /// </summary>
        public IReadOnlyList<string>? Classes { get; init; }
    }

    /// <summary>
    /// A labelled data set read from CSV with a header row: the separator (<c>,</c> <c>;</c> tab <c>|</c>) is detected from
    /// the header, fields may be quoted (R's <c>write.csv</c>, pandas' <c>QUOTE_NONNUMERIC</c>), the label column may hold
    /// class indices or class names, and a row-index column is refused unless asked. Every problem is an
    /// <see cref="InvalidDataException"/> naming the file, line and column.
    /// </summary>
    public sealed class CsvDataset
    {
        /// <summary>The most classes a label column may describe; each is an output unit.</summary>
        public const int MaxClasses = 10000;

        /// <summary>The largest file read: 2³⁰ characters.</summary>
        public const long MaxCharacters = 1L << 30;

        private CsvDataset(float[,] x, int[] labels, string[] features, string[] classes)
        {
            X = x;
            Labels = labels;
            Features = features;
            Classes = classes;
        }

        /// <summary>The samples, <c>[rows, features]</c>.</summary>
        public float[,] X { get; }

        /// <summary>The class index of each sample.</summary>
        public int[] Labels { get; }

        /// <summary>The feature columns' names, in order.</summary>
        public IReadOnlyList<string> Features { get; }

        /// <summary>The class of each index: the names as written, or <c>0</c>, <c>1</c>, … for a column of indices.</summary>
        public IReadOnlyList<string> Classes { get; }

        /// <summary>Whether the label column held names (mapped to indices in sorted order) rather than indices.</summary>
        public bool HasClassNames { get; private set; }

        /// <summary>Reads the file at <paramref name="path"/>.</summary>
        /// <exception cref="InvalidDataException">The file cannot be used; the message says where and why.</exception>
        /// <exception cref="IOException">The file cannot be read.</exception>
        public static CsvDataset Load(string path, CsvOptions? options = null)
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                throw new FileNotFoundException("no such file: " + path, path);
            }

            if (file.Length > MaxCharacters)
            {
                throw new InvalidDataException(path + ": the file is larger than " + MaxCharacters.ToString(CultureInfo.InvariantCulture) + " bytes");
            }

            return Parse(File.ReadAllText(path), path, options);
        }

        /// <summary>Reads CSV text; <paramref name="source"/> names it in messages.</summary>
        /// <exception cref="InvalidDataException">The text cannot be used; the message says where and why.</exception>
        public static CsvDataset Parse(string text, string source, CsvOptions? options = null)
        {
            try
            {
                return Read(text, source, options ?? new CsvOptions());
            }
            catch (Exception e) when (e is ArgumentException || e is FormatException || e is InvalidOperationException || e is NotSupportedException)
            {
                // What the CSV reader refuses (a column named twice in the header, a quote left open), said with the file.
                throw new InvalidDataException(source + ": " + e.Message, e);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static CsvDataset Read(string text, string source, CsvOptions options)
        {
            if (text.Trim().Length == 0)
            {
                throw new InvalidDataException(source + ": the file is empty");
            }

            using SepReader reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true, Trim = SepTrim.All }).FromText(text);
            IReadOnlyList<string> header = reader.Header.ColNames;
            int label = IndexOf(header, options.LabelColumn);
            if (label < 0)
            {
                throw new InvalidDataException(source + ":1: no column named '" + options.LabelColumn + "' (the columns are " + string.Join(", ", header) + ")");
            }

            if (header.Count < 2)
            {
                throw new InvalidDataException(source + ":1: the only column is the label '" + options.LabelColumn + "'; the data needs at least one feature column beside it");
            }

            // Cells are parsed as they are read: only the label column and the columns that may be a saved row index are kept
            // as text (a text copy of every cell made a 25 MB file cost seconds and hundreds of megabytes). A cell that is not
            // a number is reported after the rows' shape and the labels are checked, as the first such cell of the file.
            // kept[c] holds column c's text when it is kept, else null.
            var kept = new List<string>?[header.Count];
            for (int c = 0; c < header.Count; c++)
            {
                kept[c] = c == label || MayBeIndexColumn(header[c]) ? new List<string>() : null;
            }

            var values = new List<float[]>();
            var lines = new List<int>();
            (int Row, int Column, string Cell)? notNumber = null;
            foreach (SepReader.Row row in reader)
            {
                if (row.ColCount == 1 && row[0].Span.Trim().Length == 0)
                {
                    continue; // a blank line
                }

                if (row.ColCount != header.Count)
                {
                    throw new InvalidDataException(source + ":" + row.LineNumberFrom.ToString(CultureInfo.InvariantCulture) + ": " + row.ColCount + " cells, but the header has " + header.Count);
                }

                var numbers = new float[header.Count];
                for (int c = 0; c < numbers.Length; c++)
                {
                    SepReader.Col col = row[c];
                    ReadOnlySpan<char> cell = col.Span;
                    if (kept[c] is List<string> column)
                    {
                        column.Add(cell.ToString());
                    }

                    if (c != label && !TryNumber(col, out numbers[c]) && notNumber == null)
                    {
                        notNumber = (values.Count, c, cell.ToString());
                    }
                }

                values.Add(numbers);
                lines.Add(row.LineNumberFrom);
            }

            if (values.Count == 0)
            {
                throw new InvalidDataException(source + ": the file has a header but no rows");
            }

            var dropped = new HashSet<int> { label };
            int index = RowIndexColumn(header, kept, label);
            if (index >= 0 && options.IndexColumn != IndexColumn.Keep)
            {
                if (options.IndexColumn == IndexColumn.Refuse)
                {
                    throw new InvalidDataException(
                        source + ":1:" + (index + 1).ToString(CultureInfo.InvariantCulture) + ": column '" + header[index] + "' counts the rows (0, 1, 2, …): it looks like a saved index, "
                        + "which as a feature would let the network learn the row order; drop it (pandas: to_csv(index=False)), or say how to treat it");
                }

                dropped.Add(index);
            }

            (int[] labels, string[] classes, bool named) = ReadLabels(kept[label]!, lines, label, source, options.Classes);

            // A column dropped as a row index holds only whole numbers, so the first cell that is not a number is a feature's.
            if (notNumber is { } bad)
            {
                throw new InvalidDataException(source + ":" + lines[bad.Row] + ":" + (bad.Column + 1) + ": '" + Printable(bad.Cell) + "' in column '" + Printable(header[bad.Column]) + "' is not a finite number");
            }

            var features = new List<string>();
            for (int c = 0; c < header.Count; c++)
            {
                if (!dropped.Contains(c))
                {
                    features.Add(header[c]);
                }
            }

            var x = new float[values.Count, features.Count];
            for (int r = 0; r < values.Count; r++)
            {
                int f = 0;
                float[] numbers = values[r];
                for (int c = 0; c < header.Count; c++)
                {
                    if (!dropped.Contains(c))
                    {
                        x[r, f++] = numbers[c];
                    }
                }
            }

            return new CsvDataset(x, labels, features.ToArray(), classes) { HasClassNames = named };
        }

        private static int IndexOf(IReadOnlyList<string> header, string name)
        {
            for (int i = 0; i < header.Count; i++)
            {
                if (header[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// The first column (other than the label) that is unnamed, or named like an index (<c>Unnamed: 0</c>, <c>index</c>),
        /// and counts the rows 0, 1, 2, … or 1, 2, 3, …; -1 when there is none.
        /// </summary>
        private static int RowIndexColumn(IReadOnlyList<string> header, List<string>?[] kept, int label)
        {
            for (int c = 0; c < header.Count; c++)
            {
                if (c == label || kept[c] is not List<string> column || column.Count < 2)
                {
                    continue;
                }

                if (Counts(column, 0) || Counts(column, 1))
                {
                    return c;
                }
            }

            return -1;
        }

        /// <summary>Whether a column's name is one a saved row index has: none, pandas' <c>Unnamed: 0</c>, or <c>index</c>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static bool MayBeIndexColumn(string name) =>
            name.Length == 0 || name.StartsWith("Unnamed:", StringComparison.Ordinal) || name == "index" || name == "Index";

        private static bool Counts(List<string> column, long first)
        {
            for (int r = 0; r < column.Count; r++)
            {
                if (!long.TryParse(column[r], NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value != first + r)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Class indices as written (0 … <see cref="MaxClasses"/> − 1), or names mapped to indices in sorted order (or by <paramref name="known"/>).</summary>
        private static (int[] Labels, string[] Classes, bool Named) ReadLabels(List<string> cells, List<int> lines, int column, string source, IReadOnlyList<string>? known)
        {
            bool indices = true;
            for (int r = 0; r < cells.Count; r++)
            {
                string cell = cells[r];
                indices &= IsDigits(cell);
                if (cell.Length == 0 || Printable(cell) != cell)
                {
                    throw new InvalidDataException(source + ":" + lines[r] + ":" + (column + 1) + ": the label '" + Printable(cell) + "' is not a class index (0, 1, 2, …) or a printable class name");
                }
            }

            var labels = new int[cells.Count];
            if (indices && (known == null || IsIndexList(known)))
            {
                int max = 0;
                for (int r = 0; r < cells.Count; r++)
                {
                    if (!int.TryParse(cells[r], NumberStyles.None, CultureInfo.InvariantCulture, out labels[r]) || labels[r] >= MaxClasses)
                    {
                        throw new InvalidDataException(source + ":" + lines[r] + ":" + (column + 1) + ": the label '" + Printable(cells[r]) + "' is not a class index (0, 1, 2, … at most "
                            + (MaxClasses - 1).ToString(CultureInfo.InvariantCulture) + ")");
                    }

                    max = Math.Max(max, labels[r]);
                }

                int count = Math.Max(max + 1, known?.Count ?? 0);
                var names = new string[count];
                for (int i = 0; i < count; i++)
                {
                    names[i] = i.ToString(CultureInfo.InvariantCulture);
                }

                return (labels, names, false);
            }

            string[] classes;
            if (known != null)
            {
                classes = new List<string>(known).ToArray();
            }
            else
            {
                var distinct = new SortedSet<string>(StringComparer.Ordinal);
                foreach (string cell in cells)
                {
                    distinct.Add(cell);
                }

                if (distinct.Count > MaxClasses)
                {
                    throw new InvalidDataException(source + ": the label column names " + distinct.Count + " classes; at most " + MaxClasses.ToString(CultureInfo.InvariantCulture));
                }

                classes = new string[distinct.Count];
                distinct.CopyTo(classes);
            }

            for (int r = 0; r < cells.Count; r++)
            {
                labels[r] = Array.IndexOf(classes, cells[r]);
                if (labels[r] < 0)
                {
                    throw new InvalidDataException(source + ":" + lines[r] + ":" + (column + 1) + ": the class '" + Printable(cells[r]) + "' is not one of the training data's ("
                        + string.Join(", ", classes) + ")");
                }
            }

            return (labels, classes, true);
        }

        private static bool IsIndexList(IReadOnlyList<string> classes)
        {
            for (int i = 0; i < classes.Count; i++)
            {
                if (classes[i] != i.ToString(CultureInfo.InvariantCulture))
                {
                    return false;
                }
            }

            return true;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static bool IsDigits(string cell)
        {
            foreach (char c in cell)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return cell.Length > 0;
        }

        /// <summary>
        /// A finite number in the invariant culture, written with only the characters a number may have: .NET's parsers
        /// skip trailing NUL characters, so <c>2\0</c> would otherwise be 2.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static bool TryNumber(SepReader.Col cell, out float value)
        {
            value = 0;
            ReadOnlySpan<char> text = cell.Span;
            if (text.Length == 0 || text.IndexOfAnyExcept(NumberCharacters) >= 0 || cell.TryParse<float>() is not float parsed || !float.IsFinite(parsed))
            {
                return false;
            }

            value = parsed;
            return true;
        }

        private static readonly System.Buffers.SearchValues<char> NumberCharacters = System.Buffers.SearchValues.Create("0123456789.eE+-");

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
