using System.Collections.Generic;
using System.IO;

namespace ScheduleDsl.Cli
{
    /// <summary>Parses a schedule given on the command line, printing its diagnostics with carets.</summary>
    internal static class ScheduleInput
    {
        /// <summary>Returns the schedule, or null after printing every diagnostic to <paramref name="error"/>; <paramref name="where"/> names a file line it came from.</summary>
        public static ILearningRateSchedule? Parse(string text, TextWriter error, string? where = null)
        {
            if (Schedule.TryParse(text, out ILearningRateSchedule? schedule, out IReadOnlyList<ScheduleDiagnostic> diagnostics))
            {
                return schedule;
            }

            error.WriteLine("error: " + (where == null ? string.Empty : where + ": ") + "the schedule is not valid");
            error.WriteLine(DiagnosticRenderer.Render(text, diagnostics));
            return null;
        }
    }
}
