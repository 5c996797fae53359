using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace ScheduleDsl.Tests
{
    /// <summary>v2 <c>custom NAME</c> at run time: functions by name, LRS0012, and values that are refused rather than clamped.</summary>
    public class CustomTests
    {
        private static readonly Dictionary<string, Func<long, double, double>> Functions = new()
        {
            ["halve"] = (t, level) => level * Math.Pow(0.5, t),
            ["broken"] = (t, level) => t < 3 ? level : double.NaN,
            ["negative"] = (t, level) => level - t,
        };

        [Fact]
        public void ANameThatWasNotGivenIsLrs0012OnTheName()
        {
            const string text = "lr 0.1: warmup linear 3 -> custom myDecay";
            Assert.False(Schedule.TryParse(text, Functions, out _, out IReadOnlyList<ScheduleDiagnostic> diagnostics));
            ScheduleDiagnostic d = Assert.Single(diagnostics, x => x.Severity == ScheduleDiagnosticSeverity.Error);
            Assert.Equal("LRS0012", d.Id);
            Assert.Equal((text.IndexOf("myDecay", StringComparison.Ordinal), 7), (d.Offset, d.Length));
            Assert.Contains("given: broken, halve, negative", d.Message);
            var thrown = Assert.Throws<ScheduleParseException>(() => Schedule.Parse(text));
            Assert.Contains("LRS0012", thrown.Message);
            // As a [Schedule] type reads it, the name is the type's own partial method: no error.
            Assert.DoesNotContain(Schedule.Check(text), x => x.Severity == ScheduleDiagnosticSeverity.Error);
            Assert.Equal("lr 0.1: warmup linear 3 -> custom myDecay", Schedule.Describe(text).CanonicalText);
        }

        [Fact]
        public void AValueThatIsNotFiniteOrBelowZeroThrowsNamingTheFunctionAndTime()
        {
            ILearningRateSchedule broken = Schedule.Parse("lr 0.1: hold 2 -> custom broken", Functions);
            Assert.Equal(0.1, broken.At(4));
            var nan = Assert.Throws<InvalidOperationException>(() => broken.At(5));
            Assert.Contains("'broken' returned NaN at local time t = 3", nan.Message);
            var negative = Assert.Throws<InvalidOperationException>(() => Schedule.Parse("lr 0.1: custom negative", Functions).At(1));
            Assert.Contains("'negative' returned -0.9", negative.Message);
        }

        [Fact]
        public void ThePhaseAfterACustomOneStartsWhereItEnded()
        {
            ILearningRateSchedule s = Schedule.Parse("lr 0.8: custom halve for 3 -> linear 4 to 0", Functions);
            double[] expected = { 0.8, 0.4, 0.2, 0.1, 0.075, 0.05, 0.025, 0, 0 };
            for (int t = 0; t < expected.Length; t++)
            {
                Assert.Equal(expected[t], s.At(t), 15);
            }

            Assert.Contains("the user's function halve", Schedule.Explain("lr 0.8: custom halve for 3 -> linear 4 to 0")[1]);
        }

        [Fact]
        public void FunctionsAreCheckedWhenGiven()
        {
            Assert.Throws<ArgumentNullException>(() => Schedule.Parse("custom f", null!));
            Assert.Throws<ArgumentException>(() => Schedule.Parse("custom f", new Dictionary<string, Func<long, double, double>> { ["f"] = null! }));
        }
    }
}
