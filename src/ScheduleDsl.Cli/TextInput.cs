using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace ScheduleDsl.Cli
{
    /// <summary>
    /// Reads the lines of a text file a user names (a CSV, a schedules file) with bounds, so that a device such as
    /// <c>/dev/zero</c>, a binary file without newlines or a runaway file is a one-line error instead of an array that
    /// grows until the process dies.
    /// </summary>
    internal static class TextInput
    {
        public const int MaxLineLength = 1_000_000;

        public const long MaxCharacters = 1L << 30;

        public static List<string> ReadLines(string path, string option)
        {
            if (Directory.Exists(path))
            {
                throw new UsageException(option + " '" + path + "' is a folder, not a file");
            }

            if (!File.Exists(path))
            {
                throw new UsageException("no such file: " + path);
            }

            try
            {
                using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                return Split(reader, path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new UsageException(path + ": cannot be read (" + e.Message + ")");
            }
        }

        private static List<string> Split(TextReader reader, string path)
        {
            var lines = new List<string>();
            var line = new StringBuilder();
            var buffer = new char[1 << 16];
            long total = 0;
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
                if (total > MaxCharacters)
                {
                    throw new UsageException(path + ": the file is larger than " + MaxCharacters + " characters");
                }

                int start = 0;
                for (int i = 0; i < read; i++)
                {
                    if (buffer[i] == '\n')
                    {
                        Append(line, buffer, start, i - start, lines.Count, path);
                        lines.Add(TrimCarriageReturn(line));
                        line.Clear();
                        start = i + 1;
                    }
                }

                Append(line, buffer, start, read - start, lines.Count, path);
            }

            if (line.Length > 0)
            {
                lines.Add(TrimCarriageReturn(line));
            }

            return lines;
        }

        private static void Append(StringBuilder line, char[] buffer, int start, int count, int index, string path)
        {
            if (line.Length + count > MaxLineLength)
            {
                throw new UsageException(path + ":" + (index + 1) + ": the line is longer than " + MaxLineLength + " characters; is this a text file?");
            }

            line.Append(buffer, start, count);
        }

        private static string TrimCarriageReturn(StringBuilder line) =>
            line.Length > 0 && line[line.Length - 1] == '\r' ? line.ToString(0, line.Length - 1) : line.ToString();
    }
}
