using System;
using System.IO;
using System.Runtime.CompilerServices;
using Xunit;

namespace ScheduleDsl.Generators.Tests
{
    /// <summary>
    /// The one package is enough: pack ScheduleDsl, restore it from a local folder into a fresh project with warnings as
    /// errors, build, and run a generated schedule.
    /// </summary>
    public class PackageTests
    {
        [Fact]
        public void AFreshProjectWithOnePackageReferenceBuildsAndRunsAGeneratedSchedule()
        {
            string root = Path.Combine(Path.GetTempPath(), "scheduledsl-package-" + Guid.NewGuid().ToString("N"));
            string feed = Path.Combine(root, "feed");
            string app = Path.Combine(root, "app");
            Directory.CreateDirectory(app);
            try
            {
                string repo = RepositoryRoot();
                DotnetCommand.Run(repo, "pack", Path.Combine(repo, "src", "ScheduleDsl", "ScheduleDsl.csproj"), "-c", "Release", "-o", feed, "-p:PackageVersion=0.0.1-test");
                File.WriteAllText(Path.Combine(app, "nuget.config"),
                    "<configuration><packageSources><clear /><add key=\"local\" value=\"" + feed + "\" /></packageSources></configuration>");
                File.WriteAllText(Path.Combine(app, "App.csproj"),
                    "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework>"
                    + "<Nullable>enable</Nullable><TreatWarningsAsErrors>true</TreatWarningsAsErrors><ImportDirectoryBuildProps>false</ImportDirectoryBuildProps></PropertyGroup>"
                    + "<ItemGroup><PackageReference Include=\"ScheduleDsl\" Version=\"0.0.1-test\" /></ItemGroup></Project>");
                File.WriteAllText(Path.Combine(app, "Program.cs"),
                    "using ScheduleDsl;\n"
                    + "var s = new TutorialDecay();\n"
                    + "System.Console.WriteLine(string.Join(\",\", new[] { s.At(0), s.At(2), s.At(4) }) + \"|\" + s.ToString());\n"
                    + "[Schedule(\"lr 1e-2: step 0.8 every 2\")]\n"
                    + "public partial struct TutorialDecay;\n");
                string output = DotnetCommand.Run(app, "run", "--packages", Path.Combine(root, "packages")).Out;
                Assert.Contains("0.01,0.008,0.006400000000000001|lr 0.01: step 0.8 every 2", output); // 1e-2 · 0.8², as Python prints it too
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

        private static string RepositoryRoot([CallerFilePath] string path = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
    }
}
