using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.QuickInfo;
using Microsoft.CodeAnalysis.Text;

namespace ScheduleDsl.Generators.Tests
{
    /// <summary>
    /// What an editor built on Roslyn (Visual Studio, VS Code's C# extension) shows on hover: the quick-info service of
    /// a workspace whose project runs the generator, asked at a position in the user's code.
    /// </summary>
    internal static class Hover
    {
        private static readonly MefHostServices Host = MefHostServices.Create(MefHostServices.DefaultAssemblies);

        /// <summary>The hover text at the first occurrence of <paramref name="marker"/> (a <c>$</c> in it marks the caret).</summary>
        public static string At(string source, string marker)
        {
            int caret = marker.IndexOf('$', StringComparison.Ordinal);
            string needle = marker.Replace("$", string.Empty, StringComparison.Ordinal);
            int found = source.IndexOf(needle, StringComparison.Ordinal);
            if (caret < 0 || found < 0)
            {
                throw new ArgumentException("the marker '" + marker + "' needs a '$' and must occur in the source");
            }

            using var workspace = new AdhocWorkspace(Host);
            Project project = workspace.AddProject("User", LanguageNames.CSharp)
                .WithParseOptions(GeneratorHarness.ParseOptions)
                .WithCompilationOptions(GeneratorHarness.Compilation().Options)
                .WithMetadataReferences(GeneratorHarness.References)
                .AddAnalyzerReference(new GeneratorReference());
            Document document = project.AddDocument("User.cs", SourceText.From(source));
            QuickInfoService service = QuickInfoService.GetService(document) ?? throw new InvalidOperationException("no quick-info service");
            QuickInfoItem? item = service.GetQuickInfoAsync(document, found + caret, CancellationToken.None).GetAwaiter().GetResult();
            return item == null ? string.Empty : string.Join("\n", item.Sections.Select(s => s.Kind + ": " + s.Text)).Replace("\r\n", "\n", StringComparison.Ordinal);
        }

        private sealed class GeneratorReference : AnalyzerReference
        {
            public override string? FullPath => null;

            public override object Id => typeof(ScheduleGenerator);

            public override string Display => "ScheduleDsl.Generators";

            public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzers(string language) => ImmutableArray<DiagnosticAnalyzer>.Empty;

            public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzersForAllLanguages() => ImmutableArray<DiagnosticAnalyzer>.Empty;

            public override ImmutableArray<ISourceGenerator> GetGenerators(string language) =>
                ImmutableArray.Create(new ScheduleGenerator().AsSourceGenerator());

            public override ImmutableArray<ISourceGenerator> GetGeneratorsForAllLanguages() => GetGenerators(LanguageNames.CSharp);
        }
    }
}
