using System;
using System.Linq;
using Xunit;

namespace ScheduleDsl.Tests
{
    /// <summary>v2: lengths in epochs for per-step schedules (<c>steps-per-epoch N</c>, <c>K epochs</c>) and LRS0011.</summary>
    public sealed class EpochLengthTests
    {
        private const string Example = "lr 0.05 per step steps-per-epoch 390: warmup linear 5 epochs -> cosine 95 epochs to 1e-5";

        [Fact]
        public void EpochsAreStepsPerEpochTimesK()
        {
            ILearningRateSchedule inEpochs = Schedule.Parse(Example);
            ILearningRateSchedule inSteps = Schedule.Parse("lr 0.05 per step: warmup linear 1950 -> cosine 37050 to 1e-5");
            foreach (long t in new long[] { 0, 1, 975, 1949, 1950, 20000, 38999, 39000, 100000 })
            {
                Assert.Equal(inSteps.At(t), inEpochs.At(t));
            }
        }

        [Fact]
        public void TheCanonicalTextKeepsTheEpochFormAndTheExplanationGivesBoth()
        {
            ScheduleDescription d = Schedule.Describe(Example);
            Assert.Equal(Example, d.CanonicalText);
            Assert.Equal(390, d.StepsPerEpoch);
            Assert.Equal(39000, d.Length);
            Assert.Equal("Warm up linearly from 0 to 0.05 over 5 epochs (1950 steps).", d.Phases[0].Sentence);
            Assert.Equal("per step steps-per-epoch 10: multistep 0.5 at 1 epoch, 3 epochs", Schedule.Describe("per step steps-per-epoch 10: multistep 0.5 at 1 epoch, 3 epochs").CanonicalText);
            Assert.Equal(
                "per step steps-per-epoch 10: cosine 10 epochs skip 2 epochs for 5 epochs",
                Schedule.Describe("per  step steps-per-epoch 10 : cosine 10 epochs for 5 epochs skip 2 epochs").CanonicalText);
        }

        [Theory]
        [InlineData("lr 0.1 per step: warmup linear 5 epochs")]
        [InlineData("warmup linear 5 epochs")]
        [InlineData("steps-per-epoch 10: cosine 3 epochs")]
        public void EpochsWithoutBothHeaderItemsIsLrs0011OnTheWord(string text)
        {
            int offset = text.LastIndexOf("epochs", StringComparison.Ordinal);
            ScheduleDiagnostic d = Assert.Single(Schedule.Check(text), x => x.Severity == ScheduleDiagnosticSeverity.Error);
            Assert.Equal("LRS0011", d.Id);
            Assert.Equal(offset, d.Offset);
            Assert.Equal("epochs", text.Substring(d.Offset, d.Length));
        }

        [Fact]
        public void EpochsPastTheIntRangeAndInPatienceAreRefused()
        {
            ScheduleDiagnostic big = Schedule.Check("per step steps-per-epoch 1000000: cosine 3000 epochs").Single();
            Assert.Equal("LRS0004", big.Id);
            Assert.Equal("3000 epochs", "per step steps-per-epoch 1000000: cosine 3000 epochs".Substring(big.Offset, big.Length));
            Assert.Equal("LRS0001", Schedule.Check("per step steps-per-epoch 10: plateau factor 0.5 patience 2 epochs").Single().Id);
            Assert.Equal("LRS0004", Schedule.Check("per step steps-per-epoch 0: constant").Single().Id);
        }
    }
}
