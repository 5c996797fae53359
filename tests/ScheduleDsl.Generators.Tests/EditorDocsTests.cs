using System;
using System.IO;
using System.Linq;
using Xunit;

namespace ScheduleDsl.Generators.Tests
{
    /// <summary>The editor guidance users read: the editors section, and the declaration layout the samples follow.</summary>
    public class EditorDocsTests
    {
        private static readonly string Root = FindRoot();

        [Fact]
        public void TheEditorsSectionCoversEachEditorWithItsSettings()
        {
            string docs = File.ReadAllText(Path.Combine(Root, "docs", "generated-code.md"));
            int start = docs.IndexOf("\n## Editors", StringComparison.Ordinal);
            Assert.True(start >= 0, "docs/generated-code.md has no '## Editors' section");
            string section = docs.Substring(start, docs.IndexOf("\n## ", start + 1, StringComparison.Ordinal) - start);
            foreach (string expected in new[] { "Visual Studio", "VS Code", "Rider", "csharp-ls", "csharp.analyzersEnabled", "csharp.useMetadataUris" })
            {
                Assert.Contains(expected, section, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void SamplesKeepTheirDeclarationsOutOfTheTopLevelStatements()
        {
            foreach (string program in Directory.GetFiles(Path.Combine(Root, "samples"), "Program.cs", SearchOption.AllDirectories).Where(p => !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            {
                Assert.DoesNotContain("[Schedule(", File.ReadAllText(program), StringComparison.Ordinal);
            }
        }

        private static string FindRoot()
        {
            for (DirectoryInfo? d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "ScheduleDsl.sln")))
                {
                    return d.FullName;
                }
            }

            throw new InvalidOperationException("the repository root (ScheduleDsl.sln) is not above " + AppContext.BaseDirectory);
        }
    }
}
