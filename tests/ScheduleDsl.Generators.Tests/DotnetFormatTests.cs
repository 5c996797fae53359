using System;
using System.IO;
using System.Linq;
using ScheduleDsl.CodeFixes;
using Xunit;

namespace ScheduleDsl.Generators.Tests
{
    /// <summary>
    /// The code fixes as a user applies them to a project: one <c>dotnet format analyzers --severity info</c> run, no
    /// diagnostic list, fixes every fixable schedule diagnostic. dotnet format starts each ID's Fix All from the first
    /// diagnostic its analysis returns — of any of the analyzer's IDs, in an order that changes from run to run — so the
    /// project mixes IDs in every document and holds diagnostics without a fix.
    /// Two typos in one phase are both found in one pass (the parser reads on as the word can only have meant). A
    /// diagnostic that only a fix uncovers (a warmup from 0 before an unknown kernel, validated once the schedule
    /// parses) is fixed in the same run or the next, as with any analyzer: dotnet format analyses each ID once per run,
    /// in no fixed order.
    /// </summary>
    public class DotnetFormatTests
    {
        private const string Before = """
            using ScheduleDsl;

            [Schedule("lr 0.1: stpe 0.8 every 2")]
            public partial struct A;

            [Schedule("lr 0.1: step 0.8 evry 2")]
            public partial struct F;

            [Schedule("lr 0.1: stpe 0.8 evry 2")]
            public partial struct H;

            [Schedule("lr 0.1: warmup linear 5 -> cosnie 10 to 0.01")]
            public partial struct B;

            [Schedule(Lr = 0.1), Warmup(WarmupShape.Linear, 5), StepDecay(0.8, Every = 2)]
            public partial struct E;

            [Schedule("lr 0.1: warmup linear 5 from 0 -> constant")]
            public partial struct C;

            [Schedule("lr 0.1: Step 0.5 every 3")]
            public partial struct D;

            public static class Outer
            {
                [Schedule("lr 0.1: warmup linear 3 -> constant")]
                public struct G;
            }

            """;

        // E keeps its warmup from 0: an attribute-form warmup has no text to edit, so LRS0009 there has no fix.
        private const string After = """
            using ScheduleDsl;

            [Schedule("lr 0.1: step 0.8 every 2")]
            public partial struct A;

            [Schedule("lr 0.1: step 0.8 every 2")]
            public partial struct F;

            [Schedule("lr 0.1: step 0.8 every 2")]
            public partial struct H;

            [Schedule("lr 0.1: warmup linear 5 from 0.001 -> cosine 10 to 0.01")]
            public partial struct B;

            [Schedule(Lr = 0.1), Warmup(WarmupShape.Linear, 5), StepDecay(0.8, Every = 2)]
            public partial struct E;

            [Schedule("lr 0.1: warmup linear 5 from 0.001 -> constant")]
            public partial struct C;

            [Schedule("lr 0.1: step 0.5 every 3")]
            public partial struct D;

            public static partial class Outer
            {
                [Schedule("lr 0.1: warmup linear 3 from 0.001 -> constant")]
                public partial struct G;
            }

            """;

        [Fact]
        public void OneRunFixesEveryReportedDiagnosticAndTheNextWhatTheFixesUncovered()
        {
            string root = Path.Combine(Path.GetTempPath(), "scheduledsl-format-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(root);
            try
            {
                File.WriteAllText(Path.Combine(root, "Fixes.csproj"), Project());
                string source = Path.Combine(root, "Schedules.cs");
                File.WriteAllText(source, Before.Replace("\r\n", "\n"));

                string output = DotnetFormat(root, "analyzers", "Fixes.csproj", "--severity", "info", "-v", "diag");
                string once = File.ReadAllText(source);
                string expected = After.Replace("\r\n", "\n");
                string expectedWarmupUncovered = expected.Replace("warmup linear 5 from 0.001 -> cosine", "warmup linear 5 -> cosine");
                Assert.True(once == expected || once == expectedWarmupUncovered, "one dotnet format run left:\n" + once + "\n" + output);

                output = DotnetFormat(root, "analyzers", "Fixes.csproj", "--severity", "info", "-v", "diag");
                Assert.True(expected == File.ReadAllText(source), "a second dotnet format run left:\n" + File.ReadAllText(source) + "\n" + output);
            }
            finally
            {
                try
                {
                    Directory.Delete(root, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }

        /// <summary>The built analyzer, code fixes and runtime, referenced as files: the test needs no build of its own.</summary>
        private static string Project() =>
            "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable>"
            + "<ImportDirectoryBuildProps>false</ImportDirectoryBuildProps><ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>"
            + "<EnableNETAnalyzers>false</EnableNETAnalyzers></PropertyGroup><ItemGroup>"
            + "<Reference Include=\"" + typeof(Schedule).Assembly.Location + "\" />"
            + "<Analyzer Include=\"" + typeof(ScheduleAnalyzer).Assembly.Location + "\" />"
            + "<Analyzer Include=\"" + typeof(UnknownWordCodeFix).Assembly.Location + "\" />"
            + "</ItemGroup></Project>";

        private static string DotnetFormat(string directory, params string[] arguments)
        {
            (string output, string error) = DotnetCommand.Run(directory, new[] { "format" }.Concat(arguments).ToArray());
            return output + error;
        }
    }
}
