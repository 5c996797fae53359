using System;
using System.Collections.Generic;
using System.Text;
using ScheduleDsl.Language;

namespace ScheduleDsl.Generators.Emit
{
    /// <summary>
    /// The user's schedule text made fit for a <c>///</c> comment: split into lines at every character C# ends a line
    /// with (U+2028 and U+2029 too, which would otherwise end the comment), other control characters and odd spaces
    /// turned into plain spaces, blank edges and common indentation removed, and XML escaped.
    /// </summary>
    internal static class DocText
    {
        public static IReadOnlyList<string> Lines(string text)
        {
            var lines = new List<string>();
            var line = new StringBuilder();
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\r' || c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085')
                {
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    lines.Add(line.ToString().TrimEnd());
                    line.Clear();
                }
                else
                {
                    line.Append(char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) && !IsPair(text, i) ? ' ' : c);
                    if (char.IsHighSurrogate(c) && IsPair(text, i))
                    {
                        line.Append(text[++i]);
                    }
                }
            }

            lines.Add(line.ToString().TrimEnd());
            int first = lines.FindIndex(l => l.Length > 0);
            if (first < 0)
            {
                return new[] { string.Empty };
            }

            int last = lines.FindLastIndex(l => l.Length > 0);
            List<string> kept = lines.GetRange(first, last - first + 1);
            int indent = int.MaxValue;
            foreach (string l in kept)
            {
                if (l.Length > 0)
                {
                    indent = Math.Min(indent, l.Length - l.TrimStart(' ').Length);
                }
            }

            for (int i = 0; i < kept.Count; i++)
            {
                kept[i] = CSharp.Xml(kept[i].Length >= indent ? kept[i].Substring(indent) : kept[i]);
            }

            return kept;
        }

        /// <summary>The text on one line with its runs of spaces collapsed, for comparing it with the canonical form.</summary>
        public static string Collapsed(string text)
        {
            var result = new StringBuilder();
            foreach (string part in text.Split(new[] { ' ', '\t', '\r', '\n', '\u2028', '\u2029', '\u0085' }, StringSplitOptions.RemoveEmptyEntries))
            {
                result.Append(result.Length > 0 ? " " : string.Empty).Append(part);
            }

            return result.ToString();
        }

        private static bool IsPair(string text, int i) =>
            char.IsHighSurrogate(text[i]) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) : i > 0 && char.IsHighSurrogate(text[i - 1]);
    }
}
