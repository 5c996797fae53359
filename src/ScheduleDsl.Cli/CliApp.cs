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
            var root = new RootCommand("Learning-rate schedules: evaluate, check, explain, generate and plot schedules; train, compare and find rates.");
            root.Subcommands.Add(EvalCommand.Create(output, error));
            root.Subcommands.Add(CheckCommand.Create(output, error));
            root.Subcommands.Add(ExplainCommand.Create(output, error));
            root.Subcommands.Add(GenerateCommand.Create(output, error));
            root.Subcommands.Add(TrainCommand.Create(output, error));
            root.Subcommands.Add(CompareCommand.Create(output, error));
            root.Subcommands.Add(PlotCommand.Create(output, error));
            root.Subcommands.Add(FindLrCommand.Create(output, error));

            ParseResult result = root.Parse(args);
            if (result.Errors.Count > 0)
            {
                foreach (ParseError parseError in result.Errors)
                {
                    error.WriteLine("error: " + parseError.Message);
                }

                error.WriteLine("Run 'schedule --help' for usage.");
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
        }
    }
}
