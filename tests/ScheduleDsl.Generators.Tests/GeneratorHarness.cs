using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ScheduleDsl.Generators;

namespace ScheduleDsl.Generators.Tests
{
    /// <summary>Runs the generator on source text, compiles the result, and loads it to run the generated code.</summary>
    internal static class GeneratorHarness
    {
        public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest);

        public static readonly ImmutableArray<MetadataReference> References =
            Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
                .Append(MetadataReference.CreateFromFile(typeof(ILearningRateSchedule).Assembly.Location))
                .ToImmutableArray();

        public static CSharpCompilation Compilation(params string[] sources) =>
            CSharpCompilation.Create(
                "Generated" + Guid.NewGuid().ToString("N"),
                sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
                References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        public static GeneratorDriver Driver() =>
            CSharpGeneratorDriver.Create(
                new[] { new ScheduleGenerator().AsSourceGenerator() },
                parseOptions: ParseOptions,
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        /// <summary>Runs the generator; returns the compilation with the generated files, the run result, and every compiler diagnostic.</summary>
        public static (Compilation Output, GeneratorDriverRunResult Run, ImmutableArray<Diagnostic> Diagnostics) Generate(params string[] sources)
        {
            CSharpCompilation input = Compilation(sources);
            GeneratorDriver driver = Driver().RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
            GeneratorDriverRunResult run = driver.GetRunResult();
            ImmutableArray<Diagnostic> diagnostics = generatorDiagnostics.AddRange(output.GetDiagnostics());
            return (output, run, diagnostics);
        }

        /// <summary>Generates, requires a clean build, and loads the assembly into a collectible context.</summary>
        public static (Assembly Assembly, AssemblyLoadContext Context) Load(params string[] sources)
        {
            (Compilation output, GeneratorDriverRunResult run, ImmutableArray<Diagnostic> diagnostics) = Generate(sources);
            Xunit.Assert.Null(run.Results.Single().Exception);
            Diagnostic[] errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || d.Severity == DiagnosticSeverity.Warning).ToArray();
            if (errors.Length > 0)
            {
                string generated = string.Join("\n\n", run.GeneratedTrees.Select(t => t.FilePath + "\n" + t.GetText()));
                throw new Xunit.Sdk.XunitException("The generated code does not compile cleanly:\n" + string.Join("\n", errors.Take(20)) + "\n\n" + generated);
            }

            using var stream = new MemoryStream();
            var result = output.Emit(stream);
            Xunit.Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            stream.Position = 0;
            var context = new AssemblyLoadContext("generated", isCollectible: true);
            return (context.LoadFromStream(stream), context);
        }

        public static string GeneratedText(GeneratorDriverRunResult run, string hintNameEnd) =>
            run.GeneratedTrees.Single(t => t.FilePath.EndsWith(hintNameEnd, StringComparison.Ordinal)).GetText().ToString();
    }
}
