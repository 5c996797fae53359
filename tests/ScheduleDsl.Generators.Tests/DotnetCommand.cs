using System.Diagnostics;
using Xunit;

namespace ScheduleDsl.Generators.Tests
{
    /// <summary>Runs the <c>dotnet</c> command as a user would (no telemetry, no logo) and fails the test if it fails.</summary>
    internal static class DotnetCommand
    {
        /// <summary>Runs <c>dotnet ARGUMENTS</c> in <paramref name="directory"/>; returns what it wrote to stdout and stderr.</summary>
        public static (string Out, string Err) Run(string directory, params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            using Process process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            string command = "dotnet " + string.Join(" ", arguments);
            Assert.True(process.WaitForExit(300_000), command + " did not finish in 5 minutes");
            Assert.True(process.ExitCode == 0, command + " failed:\n" + stdout + "\n" + stderr.Result);
            return (stdout, stderr.Result);
        }
    }
}
