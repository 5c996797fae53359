using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ScheduleDsl.Tests;
using Xunit;

namespace ScheduleDsl.Generators.Tests
{
    /// <summary>
    /// Random texts and attribute forms through the generator driver and the analyzer, as a warnings-as-errors build sees
    /// them: the generator never throws (no CS8785), the analyzer never throws (no AD0001), and the only diagnostics a
    /// build reports are the analyzer's own, on the user's code; a type is generated exactly when its schedule is valid.
    /// </summary>
    public class GeneratorFuzzTests
    {
        private const int Batch = 100;

        private const string StubMarker = "The schedule is not valid, so every member throws";

        private static readonly string[] AttributeNumbers = { "0", "1", "-1", "0.5", "2", "1e-310", "1e300", "double.NaN", "double.PositiveInfinity", "double.Epsilon", "3", "10" };

        private static readonly string[] AttributeInts = { "0", "1", "-1", "2", "5", "int.MaxValue", "int.MinValue", "100" };

        private static readonly Gen<string> Number = Gen.Int[0, AttributeNumbers.Length - 1].Select(i => AttributeNumbers[i]);

        private static readonly Gen<string> Int = Gen.Int[0, AttributeInts.Length - 1].Select(i => AttributeInts[i]);

        private static readonly Gen<string> For = Gen.Frequency((3, Gen.Const(string.Empty)), (1, Int.Select(n => ", For = " + n)));

        private static readonly Gen<string> Phase = Gen.OneOf(
            Gen.Select(Number, For, (v, f) => "Constant(" + v + f + ")"),
            Gen.Select(Int, For, (n, f) => "Hold(" + n + f + ")"),
            Gen.Select(Gen.Int[-1, 3], Int, Number, (s, n, from) => "Warmup((WarmupShape)(" + s + "), " + n + ", From = " + from + ")"),
            Gen.Select(Number, Int, For, (g, e, f) => "StepDecay(" + g + ", Every = " + e + f + ")"),
            Gen.Select(Number, Int, Int, (g, a, b) => "MultiStepDecay(" + g + ", " + a + ", " + b + ")"),
            Gen.Select(Number, Gen.Bool, For, (g, s, f) => "ExponentialDecay(" + g + ", Staircase = " + (s ? "true" : "false") + f + ")"),
            Gen.Select(Number, Int, (r, e) => "InverseTimeDecay(" + r + ", Every = " + e + ")"),
            Gen.Select(Number, For, (s, f) => "InverseSqrtDecay(Scale = " + s + f + ")"),
            Gen.Select(Int, Number, (n, to) => "LinearDecay(" + n + ", " + to + ")"),
            Gen.Select(Int, Number, Number, (n, p, to) => "PolynomialDecay(" + n + ", Power = " + p + ", To = " + to + ")"),
            Gen.Select(Int, Number, (n, to) => "CosineDecay(" + n + ", To = " + to + ")"),
            Gen.Select(Int, Number, (n, to) => "TanhDecay(" + n + ", To = " + to + ")"),
            Gen.Select(Int, Int, Number, (n, m, d) => "CosineRestarts(" + n + ", Mult = " + m + ", Decay = " + d + ")"),
            Gen.Select(Number, Number, Int, Gen.Int[-1, 3], (lo, hi, up, mode) => "Cyclic(" + lo + ", " + hi + ", " + up + ", Mode = (CyclicMode)(" + mode + "))"),
            Gen.Select(Number, Int, Number, Gen.Bool, (p, n, d, three) => "OneCycle(" + p + ", " + n + ", FinalDiv = " + d + ", ThreePhase = " + (three ? "true" : "false") + ")"),
            Gen.Select(Number, Number, Int, (a, b, k) => "Piecewise(new double[] { " + a + ", " + b + " }, new[] { " + k + " })"),
            Gen.Select(Number, Int, Number, (f, p, floor) => "Plateau(" + f + ", " + p + ", Floor = " + floor + ")"));

        private static readonly Gen<string> Header = Gen.Frequency(
            (2, Gen.Const("Schedule")),
            (1, Number.Select(lr => "Schedule(Lr = " + lr + ")")),
            (1, Gen.Select(Number, Gen.Int[-1, 2], (min, per) => "Schedule(Min = " + min + ", Per = (ScheduleUnit)(" + per + "))")));

        private static readonly Gen<string> AttributeForm = Gen.Select(Header, Phase.Array[0, 4], (h, phases) => "[" + string.Join(", ", phases.Prepend(h)) + "]");

        [Fact]
        public void RandomValidTextsGenerateCodeThatBuildsWarningFree() =>
            AssertBatches(TextDeclarations(FixedSamples.Draw(ScheduleTextGen.Schedule, 200 * HostileTextGen.Scale, seed: 41)), requireAllValid: true);

        [Fact]
        public void HostileTextsNeverBreakTheBuild() =>
            AssertBatches(TextDeclarations(FixedSamples.Draw(HostileTextGen.Text, 300 * HostileTextGen.Scale, seed: 42)), requireAllValid: false);

        [Fact]
        public void MutatedTextsNeverBreakTheBuild() =>
            AssertBatches(TextDeclarations(FixedSamples.Draw(HostileTextGen.Mutated, 300 * HostileTextGen.Scale, seed: 43)), requireAllValid: false);

        [Fact]
        public void RandomAttributeFormsNeverBreakTheBuild() =>
            AssertBatches(FixedSamples.Draw(AttributeForm, 300 * HostileTextGen.Scale, seed: 44).Select(a => (Text: (string?)null, Attribute: a)).ToArray(), requireAllValid: false);

        private static (string? Text, string Attribute)[] TextDeclarations(string[] texts) =>
            texts.Select(t => ((string?)t, "[Schedule(" + GeneratedVsInterpretedTests.Literal(t) + ")]")).ToArray();

        private static void AssertBatches((string? Text, string Attribute)[] declarations, bool requireAllValid)
        {
            int generated = 0;
            for (int start = 0; start < declarations.Length; start += Batch)
            {
                generated += AssertBatch(declarations.Skip(start).Take(Batch).ToArray(), requireAllValid);
            }

            Assert.True(generated > 0, "not one declaration was valid");
        }

        /// <summary>Checks one compilation of declarations S0…Sn; returns how many types were generated.</summary>
        private static int AssertBatch((string? Text, string Attribute)[] declarations, bool requireAllValid)
        {
            var source = new StringBuilder("using ScheduleDsl;\nnamespace Fuzz;\n");
            for (int i = 0; i < declarations.Length; i++)
            {
                source.Append(declarations[i].Attribute).Append(" public partial class S").Append(i.ToString(CultureInfo.InvariantCulture)).Append(";\n");
            }

            string program = source.ToString();
            CSharpCompilation input = GeneratorHarness.Compilation(program)
                .WithOptions(GeneratorHarness.Compilation().Options.WithGeneralDiagnosticOption(ReportDiagnostic.Error));
            GeneratorDriver driver = GeneratorHarness.Driver().RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
            GeneratorDriverRunResult run = driver.GetRunResult();
            Assert.Null(run.Results.Single().Exception);
            Assert.DoesNotContain(generatorDiagnostics, d => d.Id == "CS8785");

            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, diagnostic) => throw new Xunit.Sdk.XunitException("The analyzer threw on\n" + program + "\n" + exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            ImmutableArray<Diagnostic> all = output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ScheduleAnalyzer()), options)
                .GetAllDiagnosticsAsync().GetAwaiter().GetResult();

            // CS8795 is the compiler asking for the body of a 'custom NAME' partial method, which these declarations leave to the user.
            Diagnostic[] foreign = all.Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.Id.StartsWith("LRS", StringComparison.Ordinal) && d.Id != "CS8795").ToArray();
            Assert.True(foreign.Length == 0, "the build reports what the analyzer did not:\n" + string.Join("\n", foreign.Take(10).Select(d => Describe(d, declarations))));
            Assert.All(all.Where(d => d.Id.StartsWith("LRS", StringComparison.Ordinal)), d => Assert.True(d.Location.IsInSource && d.Location.SourceTree!.FilePath == input.SyntaxTrees.Single().FilePath, d.ToString()));

            // An invalid declaration still gets a stub whose members throw, so code using it does not cascade into CS1061.
            var working = new HashSet<string>(run.GeneratedTrees
                .Where(t => !t.GetText().ToString().Contains(StubMarker, StringComparison.Ordinal))
                .SelectMany(t => t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>())
                .Select(t => t.Identifier.Text));
            for (int i = 0; i < declarations.Length; i++)
            {
                string? text = declarations[i].Text;
                bool works = working.Contains("S" + i.ToString(CultureInfo.InvariantCulture));
                if (text != null)
                {
                    // Valid as a [Schedule] type reads it: a 'custom NAME' is the type's partial method (Parse would want the function).
                    bool valid = ScheduleDsl.Language.Parser.Parse(text).Model != null;
                    Assert.True(valid == works, (valid ? "valid text without working code: " : "invalid text with working code: ") + text);
                    Assert.True(valid || !requireAllValid, "the grammar produced an invalid text: " + text);
                }
                else
                {
                    Diagnostic[] errors = all.Where(d => d.Id.StartsWith("LRS", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error && !d.IsWarningAsError && LineOf(d) == i + 2).ToArray();
                    Assert.True(errors.Length > 0 != works, (works ? "an error was reported and working code generated: " : "no error and no working code: ") + declarations[i].Attribute + "\n" + string.Join("\n", errors.Select(d => d.ToString())));
                }
            }

            return working.Count;
        }

        private static int LineOf(Diagnostic d) => d.Location.GetLineSpan().StartLinePosition.Line;

        private static string Describe(Diagnostic d, (string? Text, string Attribute)[] declarations)
        {
            string file = d.Location.SourceTree?.FilePath ?? string.Empty;
            System.Text.RegularExpressions.Match generated = System.Text.RegularExpressions.Regex.Match(file, @"\.S(\d+)\.g\.cs$");
            int index = generated.Success ? int.Parse(generated.Groups[1].Value, CultureInfo.InvariantCulture) : LineOf(d) - 2;
            return d + (index >= 0 && index < declarations.Length ? " in " + declarations[index].Attribute : string.Empty);
        }
    }
}
