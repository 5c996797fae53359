using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ScheduleDsl
{
    /// <summary>Renders diagnostics as <c>LRSxxxx</c> + message, then the line of text with a caret line under the span.</summary>
    public static class DiagnosticRenderer
    {
        public static string Render(string text, IEnumerable<ScheduleDiagnostic> diagnostics)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            var builder = new StringBuilder();
            foreach (ScheduleDiagnostic diagnostic in diagnostics)
            {
                if (builder.Length > 0)
                {
                    builder.Append('\n');
                }

                builder.Append(Render(text, diagnostic));
            }

            return builder.ToString();
        }

        public static string Render(string text, ScheduleDiagnostic diagnostic)
        {
            int offset = Math.Max(0, Math.Min(diagnostic.Offset, text.Length));
            int lineStart = text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
            if (offset == 0)
            {
                lineStart = 0;
            }

            int lineEnd = text.IndexOf('\n', offset);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            string line = text.Substring(lineStart, lineEnd - lineStart).TrimEnd('\r').Replace('\t', ' ');
            int lineNumber = 1;
            for (int i = 0; i < lineStart; i++)
            {
                if (text[i] == '\n')
                {
                    lineNumber++;
                }
            }

            int column = offset - lineStart;
            int width = Math.Max(1, Math.Min(diagnostic.Length, Math.Max(1, line.Length - column)));
            string severity = diagnostic.Severity == ScheduleDiagnosticSeverity.Error ? "error" : diagnostic.Severity == ScheduleDiagnosticSeverity.Warning ? "warning" : "info";
            var builder = new StringBuilder();
            builder.Append(diagnostic.Id).Append(' ').Append(severity)
                .Append(" (line ").Append(lineNumber.ToString(CultureInfo.InvariantCulture))
                .Append(", column ").Append((column + 1).ToString(CultureInfo.InvariantCulture)).Append("): ")
                .Append(diagnostic.Message).Append('\n');
            builder.Append("  ").Append(line).Append('\n');
            builder.Append("  ").Append(' ', column).Append('^', width);
            return builder.ToString();
        }
    }
}
