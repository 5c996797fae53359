using System.Collections.Generic;
using System.IO;

namespace ScheduleDsl.Cli
{
    /// <summary>Parses a schedule given on the command line, printing its diagnostics with carets.</summary>
    internal static class ScheduleInput
    {
        /// <summary>The error for a rate option that an absolute schedule would silently override.</summary>
        public static string AbsoluteIgnores(string option) =>
            option + " scales factor schedules, but this one is absolute (its 'lr X:' header gives the rates), so " + option
            + " would be ignored; drop " + option + ", or drop the 'lr' header to make the schedule a factor of it";

        /// <summary>Returns the schedule, or null after printing every diagnostic to <paramref name="error"/>; <paramref name="where"/> names a file line it came from.</summary>
        public static ILearningRateSchedule? Parse(string text, TextWriter error, string? where = null)
        {
            if (Schedule.TryParse(text, out ILearningRateSchedule? schedule, out IReadOnlyList<ScheduleDiagnostic> diagnostics))
            {
                return schedule;
            }

            error.WriteLine("error: " + (where == null ? string.Empty : where + ": ") + "the schedule is not valid");
            error.WriteLine(DiagnosticRenderer.Render(text, diagnostics));
            if (diagnostics.Count > 0 && System.Linq.Enumerable.All(diagnostics, d => d.Severity != ScheduleDiagnosticSeverity.Error || d.Id == "LRS0012"))
            {
                error.WriteLine("(a 'custom' function runs only in code: in a [Schedule] type, or given to Schedule.Parse(text, functions); 'schedule generate' writes the type)");
            }

            return null;
        }

        /// <summary>
        /// Whether the text is a valid schedule as a <c>[Schedule]</c> type reads it (a <c>custom</c> function is the type's own);
        /// prints the errors to <paramref name="error"/> when it is not.
        /// </summary>
        public static bool IsValidForCode(string text, TextWriter error)
        {
            IReadOnlyList<ScheduleDiagnostic> diagnostics = Schedule.Check(text);
            if (!System.Linq.Enumerable.Any(diagnostics, d => d.Severity == ScheduleDiagnosticSeverity.Error))
            {
                return true;
            }

            error.WriteLine("error: the schedule is not valid");
            error.WriteLine(DiagnosticRenderer.Render(text, diagnostics));
            return false;
        }
    }
}
