using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ScheduleDsl.Generators.Tests
{
    /// <summary>
    /// Declarations and texts that once broke the user's build from inside the generated file, or crashed the analyzer:
    /// each now either generates code that compiles without a warning, or gets a clear diagnostic on the user's code.
    /// </summary>
    public class HostileDeclarationTests
    {
        [Theory]
        [InlineData("[Schedule(\"onecycle 1 over 10 final-div 1e-310\")] public partial class A;")]
        [InlineData("[Schedule(\"onecycle 1 over 10 div 1e-310\")] public partial class A;")]
        [InlineData("[Schedule(\"warmup exp 4 from 1e-300 to 1e10\")] public partial class A;")]
        [InlineData("[Schedule(\"cyclic exp-range 2 0.5 to 1 up 1 for 2000 -> linear 5 to 0\")] public partial class A;")]
        [InlineData("[Schedule(\"plateau factor 0.5 patience 0 for 10 -> constant 0.5 for 2 -> constant 0.1\")] public partial class A;")]
        [InlineData("[Schedule(\"plateau factor 0.5 patience 1 for 10 -> (constant 0.5 for 2) * (onecycle 1 over 4) -> cyclic 0.1 to 0.2 up 2\")] public partial class A;")]
        [InlineData("[Schedule(\"restarts 3 mult 2147483647\")] public partial class A;")]
        [InlineData("[Schedule(\"(plateau factor 0.5 patience 0) for 4 -> constant 0.8 for 48 -> warmup cosine 7 from 0.005 to 0.3 -> (tanh 26 to 1) for 49\")] public partial class A;")]
        [InlineData("[Schedule(\"constant\")] public partial record A(string N);")]
        [InlineData("[Schedule(\"plateau factor 0.5 patience 1\")] public partial record struct A(int X);")]
        [InlineData("[Schedule(\"constant\")] public partial struct A(int x) { public int X => x; }")]
        [InlineData("[Schedule(\"constant\")] public partial class A(int x) { public int X => x; }")]
        [InlineData("[Schedule(\"constant\")] public partial class A { public double At(long t) => 1; }")]
        [InlineData("[Schedule(\"constant\")] public partial class A { public int Observe(string s) => 0; }")]
        public void GeneratesCodeThatCompilesWithoutWarnings(string declaration)
        {
            string source = "using ScheduleDsl;\nnamespace N;\n" + declaration + "\n";
            GeneratorHarness.Load(source).Context.Unload();
            Assert.Empty(AnalyzerProblems(source));
        }

        [Theory]
        [InlineData("[Schedule(\"constant\")] public ref partial struct A;", "LRS0104")]
        [InlineData("[Schedule(\"constant\")] public partial class A { public int Unit => 0; }", "LRS0105")]
        [InlineData("[Schedule(\"constant\")] public partial class A { public static double At(long t) => 0; }", "LRS0105")]
        [InlineData("[Schedule(\"constant\")] public partial class A { public double At(int t) => 0; }", "LRS0105")]
        [InlineData("[Schedule(\"constant\")] public partial class A { private double At(long t) => 0; }", "LRS0105")]
        [InlineData("[Schedule(\"plateau factor 0.5 patience 1\")] public partial class A { public int Observe(string s) => 0; }", "LRS0105")]
        [InlineData("[Schedule(\"constant\")] public static partial class A { public static bool IsAbsolute; }", "LRS0105")]
        [InlineData("[Schedule(\"constant; momentum 0.9: constant\")] public partial class A { public double Momentum => 0.9; }", "LRS0105")]
        [InlineData("[Schedule(\"constant\")] public partial class A { public bool Schedules(int channel) => false; }", "LRS0105")]
        [InlineData("[Schedule, Warmup((WarmupShape)99, 5)] public partial class A;", "LRS0106")]
        [InlineData("[Schedule(Per = (ScheduleUnit)7), Hold(5)] public partial class A;", "LRS0106")]
        [InlineData("[Schedule, Cyclic(0.1, 1, 5, Mode = (CyclicMode)(-1))] public partial class A;", "LRS0106")]
        public void ConflictingDeclarationsGetADiagnosticNotBrokenCode(string declaration, string id)
        {
            string source = "using ScheduleDsl;\nnamespace N;\n" + declaration + "\n";
            (Compilation output, GeneratorDriverRunResult run, ImmutableArray<Diagnostic> diagnostics) = GeneratorHarness.Generate(source);
            Assert.Null(run.Results.Single().Exception);
            Assert.Empty(run.GeneratedTrees);
            Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            Diagnostic reported = Assert.Single(AnalyzerProblems(source));
            Assert.Equal(id, reported.Id);
            Assert.True(reported.Location.IsInSource);
        }

        [Theory]
        [InlineData("[Schedule, Hold] public partial class A;")]
        [InlineData("[Schedule, Hold, StepDecay] public partial class A;")]
        [InlineData("[Schedule, Warmup] public partial class A;")]
        [InlineData("[Schedule(\"step 0.5 \\xZZ every 2\")] public partial class A;")]
        [InlineData("[Schedule(\"step 0.5 \\u12 every 2\")] public partial class A;")]
        [InlineData("[Schedule(\"step 0.5 \\U00110000 every 2\")] public partial class A;")]
        [InlineData("[Schedule(\"step 0.5 \\q every 2\")] public partial class A;")]
        [InlineData("[Schedule(\"stepp\\x4 0.5 every 2\")] public partial class A;")]
        [InlineData("[Schedule(\"stepp\\x0041\\u0041\\U00000041 0.5 evry 2\")] public partial class A;")]
        [InlineData("[Schedule(\"\\U0001F600 stepp 0.5 \\t\\0 evry 2\")] public partial class A;")]
        [InlineData("[Schedule(\"stepp 0.5 every 2\" + \"x\")] public partial class A;")]
        [InlineData("[Schedule(\"stepp 0.5 every \\\\x\")] public partial class A;")]
        [InlineData("[Schedule(\"step 0.5 every 2\\\")] public partial class A;")]
        [InlineData("[Schedule(@\"step 0.5 \"\" every 2\")] public partial class A;")]
        [InlineData("[Schedule(\"\"\"\n  step 0.5 every x\n  \"\"\")] public partial class A;")]
        public void TheAnalyzerNeverThrowsWhileTheUserTypes(string declaration)
        {
            string source = "using ScheduleDsl;\nnamespace N;\n" + declaration + "\n";
            ImmutableArray<Diagnostic> all = AllAnalyzerDiagnostics(source);
            Assert.DoesNotContain(all, d => d.Id == "AD0001");
            (_, GeneratorDriverRunResult run, ImmutableArray<Diagnostic> diagnostics) = GeneratorHarness.Generate(source);
            Assert.Null(run.Results.Single().Exception);
            Assert.DoesNotContain(diagnostics, d => d.Id == "CS8785");
        }

        [Fact]
        public void ProductsAndChainsAtTheSizeLimitCompile()
        {
            string product = string.Join(" * ", Enumerable.Repeat("(exp 0.999 for 3)", Language.Parser.MaxGeneratedKernels));
            string chain = string.Join(" -> ", Enumerable.Repeat("linear 2 to 0.5", Language.Parser.MaxGeneratedKernels - 1)) + " -> constant";
            foreach (string text in new[] { product, chain })
            {
                string source = "using ScheduleDsl;\nnamespace N;\n[Schedule(\"" + text + "\")] public partial class A;\n";
                GeneratorHarness.Load(source).Context.Unload();
            }
        }

        [Fact]
        public void OneKernelMoreThanTheGeneratorsLimitIsADeclarationErrorNotACompilerCrash()
        {
            string text = string.Join(" * ", Enumerable.Repeat("constant", Language.Parser.MaxGeneratedKernels + 1));
            string source = "using ScheduleDsl;\nnamespace N;\n[Schedule(\"" + text + "\")] public partial class A;\n";
            Diagnostic reported = Assert.Single(AnalyzerProblems(source));
            Assert.Equal("LRS0107", reported.Id);
            Assert.Contains("holds 1001 kernels", reported.GetMessage());
            (_, GeneratorDriverRunResult run, ImmutableArray<Diagnostic> diagnostics) = GeneratorHarness.Generate(source);
            Assert.Empty(run.GeneratedTrees);
            Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        }

        private static IEnumerable<Diagnostic> AnalyzerProblems(string source) =>
            AllAnalyzerDiagnostics(source).Where(d => d.Severity >= DiagnosticSeverity.Warning && (d.Id.StartsWith("LRS") || d.Id.StartsWith("AD")));

        private static ImmutableArray<Diagnostic> AllAnalyzerDiagnostics(string source)
        {
            Compilation compilation = GeneratorHarness.Compilation(source);
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, diagnostic) => throw new Xunit.Sdk.XunitException("The analyzer threw (" + diagnostic.Id + "): " + exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            return compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ScheduleAnalyzer()), options)
                .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        }
    }
}
