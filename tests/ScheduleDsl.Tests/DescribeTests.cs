using System;
using Xunit;

namespace ScheduleDsl.Tests
{
    /// <summary>Schedule.Describe: what tools show about a schedule, through the public API alone.</summary>
    public sealed class DescribeTests
    {
        [Fact]
        public void PhasesCarryTheirRangesTextsAndSentences()
        {
            ScheduleDescription d = Schedule.Describe("lr 0.1 per step: warmup linear 5 from 0.01 -> cosine 95 to 1e-4");
            Assert.Equal("lr 0.1 per step: warmup linear 5 from 0.01 -> cosine 95 to 0.0001", d.CanonicalText);
            Assert.Equal(ScheduleUnit.Step, d.Unit);
            Assert.True(d.IsAbsolute);
            Assert.False(d.DependsOnMetric);
            Assert.Equal(100L, d.Length);
            Assert.Equal("Absolute learning rates, starting at 0.1, one value per optimizer step.", d.Summary);
            Assert.Equal(2, d.Phases.Count);
            Assert.Equal("t 0–4", d.Phases[0].Range);
            Assert.Equal(4L, d.Phases[0].Last);
            Assert.Equal("warmup linear 5 from 0.01", d.Phases[0].Text);
            Assert.Equal("Warm up linearly from 0.01 to 0.1 over 5 steps.", d.Phases[0].Sentence);
            Assert.Equal(5, d.Phases[1].Start);
            Assert.Equal("t 5–99", d.Phases[1].Range);
        }

        [Fact]
        public void AnOpenEndedPlateauScheduleSaysSo()
        {
            ScheduleDescription d = Schedule.Describe("plateau factor 0.5 patience 3");
            Assert.False(d.IsAbsolute);
            Assert.True(d.DependsOnMetric);
            Assert.Null(d.Length);
            Assert.Null(d.Phases[0].Length);
            Assert.Equal("t ≥ 0", d.Phases[0].Range);
        }

        [Fact]
        public void InvalidTextThrowsWithItsDiagnostics()
        {
            var e = Assert.Throws<ScheduleParseException>(() => Schedule.Describe("step 0.8 evry 2"));
            Assert.Contains(e.Diagnostics, x => x.Id == "LRS0002");
            Assert.Throws<ArgumentNullException>(() => Schedule.Describe(null!));
        }
    }
}
