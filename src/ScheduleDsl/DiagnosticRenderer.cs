using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ScheduleDsl
{
    /// <summary>
    /// Renders diagnostics as <c>LRSxxxx</c> + message, then the line of text with a caret line under the span. The work is
    /// linear in the text whatever it holds: at most <see cref="MaxRendered"/> diagnostics are drawn (then "and N more"), and a
    /// long line is shown as a window around the span.
    /// </summary>
    public static class DiagnosticRenderer
    {
        /// <summary>How many diagnostics <see cref="Render(string, IEnumerable{ScheduleDiagnostic})"/> draws before summarising the rest.</summary>
        public const int MaxRendered = 20;

        /// <summary>How many characters of a line are shown on each side of a span in a long line.</summary>
        private const int Context = 60;

        /// <summary>Every diagnostic as its ID, severity, line and column, the line of text and a caret under the span — at most <see cref="MaxRendered"/> of them, then how many more.</summary>
        public static string Render(string text, IEnumerable<ScheduleDiagnostic> diagnostics)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            if (diagnostics == null)
            {
                throw new ArgumentNullException(nameof(diagnostics));
            }

            var lines = new LineMap(text);
            var builder = new StringBuilder();
            int shown = 0;
            int more = 0;
            foreach (ScheduleDiagnostic diagnostic in diagnostics)
            {
                if (shown == MaxRendered)
                {
                    more++;
                    continue;
                }

                if (builder.Length > 0)
                {
                    builder.Append('\n');
                }

                Append(builder, text, lines, diagnostic);
                shown++;
            }

            if (more > 0)
            {
                builder.Append("\n… and ").Append(more.ToString(CultureInfo.InvariantCulture))
                    .Append(more == 1 ? " more diagnostic" : " more diagnostics");
            }

            return builder.ToString();
        }

        /// <summary>One diagnostic as its ID, severity, line and column, the line of text (a window around the span on long lines) and a caret under the span.</summary>
        public static string Render(string text, ScheduleDiagnostic diagnostic)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            var builder = new StringBuilder();
            Append(builder, text, new LineMap(text), diagnostic);
            return builder.ToString();
        }

        private static void Append(StringBuilder builder, string text, LineMap lines, ScheduleDiagnostic diagnostic)
        {
            int offset = Math.Max(0, Math.Min(diagnostic.Offset, text.Length));
            int lineIndex = lines.LineOf(offset);
            int lineStart = lines.Start(lineIndex);
            int lineEnd = lines.End(lineIndex);
            int column = offset - lineStart;

            // A window of the line around the span, so a 64 KB line costs no more than a short one.
            int windowStart = Math.Max(lineStart, offset - Context);
            int windowEnd = Math.Min(lineEnd, offset + Math.Max(0, Math.Min(diagnostic.Length, Context)) + Context);
            string prefix = windowStart > lineStart ? "…" : string.Empty;
            string suffix = windowEnd < lineEnd ? "…" : string.Empty;
            string shown = text.Substring(windowStart, windowEnd - windowStart).TrimEnd('\r').Replace('\t', ' ');
            int caretColumn = prefix.Length + (offset - windowStart);
            int width = Math.Max(1, Math.Min(diagnostic.Length, Math.Max(1, windowEnd - offset)));

            string severity = diagnostic.Severity == ScheduleDiagnosticSeverity.Error ? "error" : diagnostic.Severity == ScheduleDiagnosticSeverity.Warning ? "warning" : "info";
            builder.Append(diagnostic.Id).Append(' ').Append(severity)
                .Append(" (line ").Append((lineIndex + 1).ToString(CultureInfo.InvariantCulture))
                .Append(", column ").Append((column + 1).ToString(CultureInfo.InvariantCulture)).Append("): ")
                .Append(diagnostic.Message).Append('\n');
            builder.Append("  ").Append(prefix).Append(shown).Append(suffix).Append('\n');
            builder.Append("  ").Append(' ', caretColumn).Append('^', width);
        }

        /// <summary>Where each line of a text starts, found once, so each diagnostic finds its line by binary search.</summary>
        private sealed class LineMap
        {
            private readonly List<int> _starts = new List<int> { 0 };
            private readonly int _length;

            public LineMap(string text)
            {
                _length = text.Length;
                for (int i = 0; i < text.Length; i++)
                {
                    if (text[i] == '\n')
                    {
                        _starts.Add(i + 1);
                    }
                }
            }

            public int LineOf(int offset)
            {
                int index = _starts.BinarySearch(offset);
                return index >= 0 ? index : ~index - 1;
            }

            public int Start(int line) => _starts[line];

            public int End(int line) => line + 1 < _starts.Count ? _starts[line + 1] - 1 : _length;
        }
    }
}
