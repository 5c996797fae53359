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
            return null;
        }
    }
}
