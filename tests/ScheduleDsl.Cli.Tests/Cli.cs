using System.IO;

namespace ScheduleDsl.Cli.Tests
{
    /// <summary>Runs the <c>schedule</c> command in-process and captures what it prints.</summary>
    internal static class Cli
    {
        public static (int Exit, string Out, string Err) Run(params string[] args)
        {
            var output = new StringWriter { NewLine = "\n" };
            var error = new StringWriter { NewLine = "\n" };
            int exit = CliApp.Run(args, output, error);
            return (exit, output.ToString(), error.ToString());
        }
    }
}
