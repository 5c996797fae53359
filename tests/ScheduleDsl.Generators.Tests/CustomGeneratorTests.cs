using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ScheduleDsl.Generators.Tests
{
    /// <summary>v2 <c>custom NAME</c> in a [Schedule] type: a partial method the user implements, called with local time and level.</summary>
    public sealed class CustomGeneratorTests
    {
        private const string Text = "lr 0.1: warmup linear 3 from 0.01 -> custom myDecay for 10 -> (custom myDecay skip 2) * (cosine 20 to 0.5)";

        private static double MyDecay(long t, double level) => level / (1 + 0.25 * t);

        [Fact]
        public void TheGeneratedTypeCallsTheUsersMethodAndMatchesTheInterpreter()
        {
            string source = "using ScheduleDsl;\nnamespace N;\n[Schedule(\"" + Text + "\")]\npublic partial class S\n{\n"
                + "    private partial double myDecay(long t, double level) => level / (1 + 0.25 * t);\n}\n"
                + "[Schedule(\"" + Text + "\")]\npublic static partial class Static\n{\n"
                + "    private static partial double myDecay(long t, double level) => level / (1 + 0.25 * t);\n}\n";
            (Assembly assembly, var context) = GeneratorHarness.Load(source);
            try
            {
                var generated = (ILearningRateSchedule)Activator.CreateInstance(assembly.GetType("N.S")!)!;
                var instance = (ILearningRateSchedule)assembly.GetType("N.Static")!.GetProperty("Instance")!.GetValue(null)!;
                ILearningRateSchedule interpreted = Schedule.Parse(Text, new Dictionary<string, Func<long, double, double>> { ["myDecay"] = MyDecay });
                foreach (long t in Enumerable.Range(0, 60).Select(i => (long)i).Concat(new[] { 1000L, long.MaxValue }))
                {
                    Assert.Equal(interpreted.At(t), generated.At(t));
                    Assert.Equal(interpreted.At(t), instance.At(t));
                }

                Assert.Equal(interpreted.ToString(), generated.ToString());
            }
            finally
            {
                context.Unload();
            }
        }

        [Fact]
        public void AMethodNotImplementedIsTheCompilersErrorAndAValueBelowZeroThrows()
        {
            var (output, _, diagnostics) = GeneratorHarness.Generate("namespace N; [ScheduleDsl.Schedule(\"custom f\")] public partial struct S;");
            Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("LRS", StringComparison.Ordinal) || d.Id == "CS8785");
            Assert.Contains(output.GetDiagnostics(), d => d.Id == "CS8795" && d.GetMessage().Contains("f(long, double)", StringComparison.Ordinal));

            (Assembly assembly, var context) = GeneratorHarness.Load("namespace N; [ScheduleDsl.Schedule(\"custom f\")] public partial struct S { private partial double f(long t, double level) => 0.5 - t; }");
            try
            {
                var schedule = (ILearningRateSchedule)Activator.CreateInstance(assembly.GetType("N.S")!)!;
                Assert.Equal(0.5, schedule.At(0));
                var thrown = Assert.Throws<InvalidOperationException>(() => schedule.At(1));
                Assert.Contains("'f' returned -0.5 at local time t = 1", thrown.Message);
            }
            finally
            {
                context.Unload();
            }
        }

        [Fact]
        public void NoFunctionNameCanCollideWithAGeneratedMember() =>
            Assert.Empty(ScheduleDsl.Generators.Emit.ScheduleEmitter.MemberNames.Except(ScheduleDsl.Language.CustomEntry.ReservedNames));

        [Fact]
        public void TheAttributeFormTakesTheNameAndRefusesAnythingElse()
        {
            var (_, run, diagnostics) = GeneratorHarness.Generate("namespace N; [ScheduleDsl.Schedule(Lr = 0.1), ScheduleDsl.Custom(\"myDecay\")] public partial struct S { private partial double myDecay(long t, double level) => level; }");
            Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            Assert.Contains("public const string ScheduleText = \"lr 0.1: custom myDecay\";", GeneratorHarness.GeneratedText(run, "S.g.cs"));
            // Text smuggled in through the name is not read as schedule text: the name becomes '?', which the parser refuses.
            var (_, smuggled, _) = GeneratorHarness.Generate("namespace N; [ScheduleDsl.Schedule(Lr = 0.1), ScheduleDsl.Custom(\"f; weight-decay 5: constant\")] public partial struct S;");
            string stub = GeneratorHarness.GeneratedText(smuggled, "S.g.cs");
            Assert.Contains("\"lr 0.1: custom ?\"", stub);
            Assert.Contains("cannot be evaluated", stub);
        }
    }
}
