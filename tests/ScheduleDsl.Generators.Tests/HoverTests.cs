using Xunit;

namespace ScheduleDsl.Generators.Tests
{
    /// <summary>
    /// Hovering where users hover — <c>At</c>, the type in <c>new Decay()</c>, <c>Instance</c> — shows the schedule as the
    /// user wrote it, its phases and its first values, through Roslyn's own quick-info service (what Visual Studio and
    /// VS Code's C# extension show).
    /// </summary>
    public class HoverTests
    {
        private const string Tutorial = "using ScheduleDsl;\nnamespace N;\npublic static class Use { public static double F() => new Decay().At(3); }\n[Schedule(\"lr 1e-2: step 0.8 every 2\")]\npublic partial struct Decay;\n";

        [Fact]
        public void HoveringAtShowsTheWrittenTextThePhasesAndTheFirstValues()
        {
            string hover = Hover.At(Tutorial, "new Decay().A$t(3)");
            Assert.Contains("The learning rate used by epoch t (0-based) in the schedule lr 1e-2: step 0.8 every 2.", hover);
            Assert.Contains("In canonical form: lr 0.01: step 0.8 every 2.", hover);
            Assert.Contains("1. [t ≥ 0] Multiply 0.01 by 0.8 every 2 epochs (PyTorch StepLR).", hover);
            Assert.Contains("First values (t = 0, 1, …): 0.01, 0.01, 0.008, 0.008, 0.0064", hover);
        }

        [Fact]
        public void HoveringTheTypeInANewExpressionShowsTheConstructorWithTheSchedule()
        {
            string hover = Hover.At(Tutorial, "new De$cay()");
            Assert.Contains("Creates the schedule lr 1e-2: step 0.8 every 2.", hover);
            Assert.Contains("Multiply 0.01 by 0.8 every 2 epochs", hover);
            Assert.Contains("First values", hover);
        }

        [Fact]
        public void TheCanonicalFormIsShownOnlyWhereItDiffers()
        {
            const string source = "using ScheduleDsl;\nnamespace N;\npublic static class Use { public static double F() => new Decay().At(3); }\n[Schedule(\"lr 0.01: step 0.8 every 2\")]\npublic partial struct Decay;\n";
            string hover = Hover.At(source, "new Decay().A$t(3)");
            Assert.Contains("in the schedule lr 0.01: step 0.8 every 2.", hover);
            Assert.DoesNotContain("canonical", hover);
        }

        [Fact]
        public void AMultiLineTextIsShownAsWrittenLineByLine()
        {
            const string source = "using ScheduleDsl;\nnamespace N;\npublic static class Use { public static double F() => new Warm().At(3); }\n"
                + "[Schedule(\"\"\"\n    lr 0.1 per step:   # the peak\n      warmup linear 500 from 0.001\n      -> cosine 9500 to 1e-5\n    \"\"\")]\npublic partial class Warm;\n";
            string hover = Hover.At(source, "new Warm().A$t(3)");
            Assert.Contains("in the schedule of Warm.", hover);
            Assert.Contains("lr 0.1 per step:   # the peak\n  warmup linear 500 from 0.001\n  -> cosine 9500 to 1e-5", hover);
            Assert.Contains("Warm up linearly from 0.001 to 0.1 over 500 steps.", hover);
        }

        [Fact]
        public void AStaticScheduleShowsItOnAtAndInstance()
        {
            const string source = "using ScheduleDsl;\nnamespace N;\npublic static class Use { public static object F() => (Decay.At(3), Decay.Instance); }\n[Schedule(\"lr 0.1: cosine 10 to 0.01\")]\npublic static partial class Decay;\n";
            Assert.Contains("Anneal", Hover.At(source, "Decay.A$t(3)"));
            string instance = Hover.At(source, "Decay.Inst$ance");
            Assert.Contains("The schedule lr 0.1: cosine 10 to 0.01 as an IHyperparameterSchedule", instance);
            Assert.Contains("First values (t = 0, 1, …): 0.1,", instance);
        }
    }
}
