using System.Collections.Generic;
using System.CommandLine;
using System.IO;

namespace ScheduleDsl.Cli.Commands
{
    /// <summary><c>schedule check TEXT</c>: exit 0 when valid (warnings and infos printed), 1 with every error printed.</summary>
    internal static class CheckCommand
    {
        public static Command Create(TextWriter output, TextWriter error)
        {
            var text = new Argument<string>("text") { Description = "The schedule to check." };
            var command = new Command("check", "Check a schedule and print its diagnostics.") { text };
            command.SetAction(result => Run(result.GetValue(text)!, output, error));
            return command;
        }

        public static int Run(string text, TextWriter output, TextWriter error)
        {
            IReadOnlyList<ScheduleDiagnostic> diagnostics = Schedule.Check(text);
            bool valid = true;
            foreach (ScheduleDiagnostic diagnostic in diagnostics)
            {
                valid &= diagnostic.Severity != ScheduleDiagnosticSeverity.Error;
            }

            if (diagnostics.Count > 0)
            {
                (valid ? output : error).WriteLine(DiagnosticRenderer.Render(text, diagnostics));
            }

            if (!valid)
            {
                return ExitCodes.InvalidSchedule;
            }

            output.WriteLine("OK: " + Schedule.Describe(text).CanonicalText);
            return ExitCodes.Success;
        }
    }
}
