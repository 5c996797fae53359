using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ScheduleDsl.Generators.Tests
{
    /// <summary>A user who is typing never sees a generator crash or a cascade of errors from generated code.</summary>
    public class RobustnessTests
    {
        private const string Complete = "using ScheduleDsl;\nnamespace N;\n[Schedule(\"lr 0.1: warmup linear 5 from 0.01 -> plateau factor 0.5 patience 2 for 20 -> step 0.8 every 2\")]\npublic partial struct Decay;\npublic static class Use { public static double F() => new Decay().At(3); }\n";

        public static IEnumerable<object[]> Prefixes()
        {
            for (int i = 0; i <= Complete.Length; i += 1)
            {
                yield return new object[] { i };
            }
        }

        [Fact]
        public void EveryPrefixOfADeclarationGeneratesWithoutCrashOrCascade()
        {
            for (int i = 0; i <= Complete.Length; i++)
            {
                AssertNoCrashNoCascade(Complete.Substring(0, i));
            }
        }

        [Theory]
        [InlineData("[Schedule(null)] public partial class A;")]
        [InlineData("[Schedule(5)] public partial class A;")]
        [InlineData("[Schedule(\"constant\"), Schedule(\"constant\")] public partial class A;")]
        [InlineData("[Schedule(\"constant\")] public partial class A; [Schedule(\"constant\")] public partial class A;")]
        [InlineData("[Schedule(\"constant\")] public class A { }")]
        [InlineData("[Schedule(\"constant\")] public partial class A<T> { }")]
        [InlineData("[Schedule(\"constant\")] public partial interface A { }")]
        [InlineData("[Schedule(\"constant\")] public partial class A { public double At(long t) => 0; }")]
        [InlineData("[Schedule(\"constant\")] public partial class A { public A(int x) { } }")]
        [InlineData("[Schedule(\"(((((\")] public partial class A;")]
        [InlineData("[Schedule(Lr = 0.1)] public partial class A;")]
        [InlineData("[Schedule(Lr = double.NaN), StepDecay(-1, Every = -2)] public partial class A;")]
        [InlineData("[Schedule, MultiStepDecay(0.1), Piecewise(null, null)] public partial class A;")]
        [InlineData("[Schedule(\"constant\")] public partial enum A { }")]
        [InlineData("public partial class Outer { [Schedule(\"constant\")] private partial struct A; }")]
        [InlineData("[Schedule(\"constant\" + 1)] public partial class A;")]
        [InlineData("[Schedule(\"\")] public partial class A;")]
        public void OddDeclarationsNeverCrash(string declaration)
        {
            AssertNoCrashNoCascade("using ScheduleDsl;\nnamespace N;\n" + declaration + "\n");
        }

        [Fact]
        public void EveryPrefixOfTheScheduleTextCompiles()
        {
            const string text = "lr 0.1 per step: warmup cosine 500 from 0.001 -> (cosine 9500 to 1e-5) * (cyclic 0.9 to 1.1 up 100) for 10000 -> constant";
            for (int i = 0; i <= text.Length; i++)
            {
                string source = "using ScheduleDsl;\nnamespace N;\n[Schedule(" + GeneratedVsInterpretedTests.Literal(text.Substring(0, i)) + ")] public partial struct A;\npublic static class Use { public static double F() => new A().At(3); }\n";
                (Compilation output, GeneratorDriverRunResult run, var diagnostics) = GeneratorHarness.Generate(source);
                Assert.Null(run.Results.Single().Exception);
                Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            }
        }

        [Fact]
        public void GeneratedCodeIsTheSameUnderACommaAndUnicodeMinusCulture()
        {
            const string source = "using ScheduleDsl;\nnamespace N;\n[Schedule(\"lr 1.5e-3 per step: warmup exp 250 from 1.25e-5 -> onecycle 0.0015 over 1000 warm 0.25 -> restarts 10 mult 2 decay 0.5 to 1e-6 for 500 -> plateau factor 0.5 patience 1 threshold 0.001 floor 1e-7\")] public partial class A;\n";
            string invariant = Generated(source);
            CultureInfo original = CultureInfo.CurrentCulture;
            var odd = (CultureInfo)CultureInfo.GetCultureInfo("sv-SE").Clone();
            odd.NumberFormat.NumberDecimalSeparator = ",";
            odd.NumberFormat.NegativeSign = "\u2212";
            odd.NumberFormat.NumberGroupSeparator = "\u00a0";
            try
            {
                CultureInfo.CurrentCulture = odd;
                CultureInfo.CurrentUICulture = odd;
                string underOdd = Generated(source);
                Assert.Equal(invariant, underOdd);
                Assert.Contains("1.25E-05", underOdd);
                GeneratorHarness.Load(source).Context.Unload();
            }
            finally
            {
                CultureInfo.CurrentCulture = original;
                CultureInfo.CurrentUICulture = original;
            }
        }

        private static string Generated(string source) => GeneratorHarness.Generate(source).Run.GeneratedTrees.Single().GetText().ToString();

        private static void AssertNoCrashNoCascade(string source)
        {
            (Compilation output, GeneratorDriverRunResult run, var diagnostics) = GeneratorHarness.Generate(source);
            Assert.Null(run.Results.Single().Exception);
            Assert.DoesNotContain(diagnostics, d => d.Id == "CS8785");
            var generatedPaths = new HashSet<string>(run.GeneratedTrees.Select(t => t.FilePath));
            Diagnostic[] inGenerated = diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree != null && generatedPaths.Contains(d.Location.SourceTree.FilePath)).ToArray();
            Assert.True(inGenerated.Length == 0, "generated code has diagnostics for:\n" + source + "\n" + string.Join("\n", inGenerated));
        }
    }
}
