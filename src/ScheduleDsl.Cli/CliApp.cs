using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using ScheduleDsl.Cli.Commands;

namespace ScheduleDsl.Cli
{
    /// <summary>The <c>schedule</c> command line, runnable in-process with any output writers.</summary>
    public static class CliApp
    {
        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            // Every number the tool reads or writes (options, tables, JSON, plot ticks) is in the invariant culture.
            System.Globalization.CultureInfo culture = System.Globalization.CultureInfo.CurrentCulture;
            System.Globalization.CultureInfo uiCulture = System.Globalization.CultureInfo.CurrentUICulture;
            try
            {
                System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
                System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;
                return RunInvariant(args, output, error);
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentCulture = culture;
                System.Globalization.CultureInfo.CurrentUICulture = uiCulture;
            }
        }

        private static int RunInvariant(string[] args, TextWriter output, TextWriter error)
        {
            // 'schedule help' and 'schedule help COMMAND', as git and dotnet have them.
            if (args.Length is 1 or 2 && args[0] == "help")
            {
                args = args.Length == 1 ? new[] { "--help" } : new[] { args[1], "--help" };
            }

            var root = new RootCommand("Learning-rate schedules: evaluate, check, explain, generate and plot schedules; train, compare and find rates.");
            root.Subcommands.Add(EvalCommand.Create(output, error));
            root.Subcommands.Add(CheckCommand.Create(output, error));
            root.Subcommands.Add(ExplainCommand.Create(output, error));
            root.Subcommands.Add(GenerateCommand.Create(output, error));
            root.Subcommands.Add(TrainCommand.Create(output, error));
            root.Subcommands.Add(CompareCommand.Create(output, error));
            root.Subcommands.Add(PlotCommand.Create(output, error));
            root.Subcommands.Add(FindLrCommand.Create(output, error));

            // No response files: an argument starting with '@' (a schedule, a file name) is taken as written.
            ParseResult result = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (result.Errors.Count > 0)
            {
                bool valuesOnly = true;
                foreach (ParseError parseError in result.Errors)
                {
                    error.WriteLine("error: " + parseError.Message);
                    valuesOnly &= parseError.SymbolResult is OptionResult || parseError.SymbolResult is ArgumentResult;
                }

                // A value an option refused says what it takes; a command line of the wrong shape (an unknown option, a
                // missing argument) also points to the usage.
                if (!valuesOnly)
                {
                    error.WriteLine("Run 'schedule --help' for usage.");
                }

                return ExitCodes.BadInput;
            }

            var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
            try
            {
                return result.Invoke(configuration);
            }
            catch (UsageException e)
            {
                error.WriteLine("error: " + e.Message);
                return ExitCodes.BadInput;
            }
            catch (ScheduleDsl.Training.KernelSettingException e)
            {
                error.WriteLine("error: " + e.Message);
                return ExitCodes.BadInput;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // An output that passed the checks before the work but failed while written (a full disk, /dev/full).
                error.WriteLine("error: " + e.Message);
                return ExitCodes.BadInput;
            }
        }
    }
}
