using System;
using System.Collections.Generic;

namespace ScheduleDsl
{
    /// <summary>Thrown by <see cref="Schedule.Parse(string)"/> for a text with errors; carries every diagnostic and a rendering with carets.</summary>
    public sealed class ScheduleParseException : FormatException
    {
        /// <summary>The exception for <paramref name="text"/>, whose message renders <paramref name="diagnostics"/> with carets.</summary>
        public ScheduleParseException(string text, IReadOnlyList<ScheduleDiagnostic> diagnostics)
            : base("The schedule is not valid:\n" + DiagnosticRenderer.Render(text, diagnostics))
        {
            Text = text;
            Diagnostics = diagnostics;
        }

        /// <summary>The schedule text that was parsed.</summary>
        public string Text { get; }

        /// <summary>Every diagnostic, errors and the warnings and infos beside them, in text order.</summary>
        public IReadOnlyList<ScheduleDiagnostic> Diagnostics { get; }
    }
}
