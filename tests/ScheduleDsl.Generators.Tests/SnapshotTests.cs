using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ScheduleDsl.Generators.Tests
{
    /// <summary>The generated code for every kernel and every declaration shape, compared with checked-in snapshots.</summary>
    public class SnapshotTests
    {
        [Theory]
        [InlineData("Constant", "lr 0.1: hold 3 -> constant 0.05")]
        [InlineData("WarmupLinear", "warmup linear 5 -> step 0.8 every 2")]
        [InlineData("WarmupCosine", "lr 0.1: warmup cosine 10 from 0.001 -> constant")]
        [InlineData("WarmupExp", "lr 0.1: warmup exp 10 -> constant")]
        [InlineData("Step", "lr 1e-2: step 0.8 every 2")]
        [InlineData("MultiStep", "lr 0.1: multistep 0.1 at 30, 60, 80")]
        [InlineData("Exp", "lr 0.1: exp 0.95 every 10 staircase")]
        [InlineData("InverseTime", "lr 0.1: inverse-time 0.5 every 100")]
        [InlineData("InverseSqrt", "lr 1e-3 per step: warmup linear 4000 from 1e-6 -> inverse-sqrt scale 4000")]
        [InlineData("Linear", "lr 3e-4 per step: warmup linear 2000 -> constant for 80000 -> linear 18000 to 3e-5")]
        [InlineData("Poly", "lr 0.1: poly 100 power 2 to 1e-4")]
        [InlineData("Cosine", "lr 0.1 per step: warmup linear 500 from 0.001 -> cosine 9500 to 1e-5")]
        [InlineData("Tanh", "lr 0.1: tanh 100 to 1e-4")]
        [InlineData("Sqrt", "lr 3e-4 per step: warmup sqrt 2000 -> constant for 80000 -> sqrt 18000 to 3e-5")]
        [InlineData("CosinePower", "lr 0.1: cosine 100 to 1e-4 power 2 k-decay 1.5")]
        [InlineData("PolyCycle", "lr 0.1: poly 10 power 2 to 0.01 cycle")]
        [InlineData("RestartsRealMult", "lr 0.1: restarts 10 mult 1.5 amplitude 0.5 to 1e-3")]
        [InlineData("Skip", "lr 0.1: warmup linear 5 from 1e-4 -> cosine 100 skip 5")]
        [InlineData("PlateauAbsolute", "lr 0.1: plateau factor 0.5 patience 2 threshold 0.01 absolute")]
        [InlineData("Restarts", "lr 0.05: restarts 10 mult 2 decay 0.5 to 1e-4")]
        [InlineData("Cyclic", "lr 0.006 per step: cyclic triangular2 0.001 to 0.006 up 2000")]
        [InlineData("CyclicExpRange", "lr 0.006 per step: cyclic exp-range 0.9999 0.001 to 0.006 up 2000 down 1000")]
        [InlineData("OneCycle", "lr 0.1 per step: onecycle 0.1 over 10000")]
        [InlineData("OneCycleMomentum", "lr 0.1 per step: warmup linear 100 from 1e-3 -> onecycle 0.1 over 10000 momentum")]
        [InlineData("CyclicMomentum", "lr 0.006 per step: cyclic 0.001 to 0.006 up 2000 momentum 0.8 to 0.9")]
        [InlineData("Channels", "lr 3e-4 per step: warmup linear 2000 -> constant for 80000 -> sqrt 18000 to 3e-5; weight-decay 0.1: constant; momentum: linear 1000 to 0.5")]
        [InlineData("Custom", "lr 0.1: warmup linear 3 from 0.01 -> custom myDecay for 10 -> linear 5 to 0")]
        [InlineData("WeightDecayOnly", "weight-decay 0.04 per epoch: cosine 100 to 0.4")]
        [InlineData("OneCycleThreePhase", "lr 0.1 per step: onecycle 0.1 over 10000 warm 0.25 linear three-phase")]
        [InlineData("Piecewise", "lr 0.1: piecewise 0.1 until 10, 0.05 until 20, 0.01")]
        [InlineData("Plateau", "lr 0.1: warmup linear 3 from 0.01 -> plateau factor 0.5 patience 2 cooldown 1 floor 1e-5")]
        [InlineData("Product", "(step 0.5 every 30) * (cyclic 0.9 to 1.1 up 5)")]
        [InlineData("MinAndCut", "lr 0.1 min 1e-4: (warmup linear 5 from 0.01 -> exp 0.9) for 50 -> cosine 50")]
        public void Kernel(string name, string text)
        {
            // A custom function is the type's own; the snapshot's type implements it so the output compiles.
            string body = text.Contains("custom myDecay", System.StringComparison.Ordinal) ? " { private partial double myDecay(long t, double level) => level / (1 + t); }" : ";";
            string source = "using ScheduleDsl;\nnamespace Samples;\n[Schedule(" + GeneratedVsInterpretedTests.Literal(text) + ")]\npublic partial struct " + name + body + "\n";
            GeneratorDriverRunResult run = GenerateClean(source);
            Snapshot.Verify("Kernel." + name, GeneratorHarness.GeneratedText(run, "Samples." + name + ".g.cs"));
        }

        [Theory]
        [InlineData("BlockNamespace", "namespace Outer.Inner { [ScheduleDsl.Schedule(\"lr 1e-2: step 0.8 every 2\")] internal sealed partial class Decay { } }", "Outer.Inner.Decay.g.cs")]
        [InlineData("GlobalNamespace", "[ScheduleDsl.Schedule(\"lr 1e-2: step 0.8 every 2\")] partial struct Decay;", "Decay.g.cs")]
        [InlineData("Nested", "namespace N; public static partial class Schedules { internal partial class Inner { [ScheduleDsl.Schedule(\"lr 1e-2: step 0.8 every 2\")] public partial record Decay; } }", "N.Schedules-Inner-Decay.g.cs")]
        [InlineData("RecordStruct", "namespace N; [ScheduleDsl.Schedule(\"lr 1e-2: step 0.8 every 2\")] public readonly partial record struct Decay;", "N.Decay.g.cs")]
        [InlineData("StaticClass", "namespace N; [ScheduleDsl.Schedule(\"lr 1e-2: step 0.8 every 2\")] public static partial class Decay;", "N.Decay.g.cs")]
        [InlineData("StaticPlateau", "namespace N; [ScheduleDsl.Schedule(\"plateau factor 0.5 patience 3\")] public static partial class Decay;", "N.Decay.g.cs")]
        [InlineData("OwnConstructor", "namespace N; [ScheduleDsl.Schedule(\"lr 1e-2: step 0.8 every 2\")] public partial class Decay { public Decay() { } }", "N.Decay.g.cs")]
        [InlineData("AttributeForm", "using ScheduleDsl; namespace N; [Schedule(Lr = 1e-2), Warmup(WarmupShape.Linear, 5, From = 1e-3), StepDecay(0.8, Every = 2)] public partial struct Decay;", "N.Decay.g.cs")]
        [InlineData("AttributeFormPerStep", "using ScheduleDsl; namespace N; [Schedule(Lr = 0.1, Per = ScheduleUnit.Step, Min = 1e-5), OneCycle(0.1, 1000, Warm = 0.25), Plateau(0.5, 2, Cooldown = 1)] public partial class Decay;", "N.Decay.g.cs")]
        [InlineData("InvalidSchedule", "namespace N; [ScheduleDsl.Schedule(\"step 0.8 evry 2\")] public partial class Decay;", "N.Decay.g.cs")]
        [InlineData("KeywordName", "namespace N; [ScheduleDsl.Schedule(\"constant\")] public partial class @event;", "N.event.g.cs")]
        public void Declaration(string name, string source, string hintName)
        {
            GeneratorDriverRunResult run = GenerateClean(source, allowErrors: name == "InvalidSchedule");
            Snapshot.Verify("Declaration." + name, GeneratorHarness.GeneratedText(run, hintName));
        }

        private static GeneratorDriverRunResult GenerateClean(string source, bool allowErrors = false)
        {
            (Compilation _, GeneratorDriverRunResult run, var diagnostics) = GeneratorHarness.Generate(source);
            Assert.Null(run.Results.Single().Exception);
            Diagnostic[] problems = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || d.Severity == DiagnosticSeverity.Warning).ToArray();
            Assert.True(allowErrors || problems.Length == 0, string.Join("\n", problems));
            Assert.DoesNotContain(diagnostics, d => d.Id == "CS8785");
            return run;
        }
    }
}
