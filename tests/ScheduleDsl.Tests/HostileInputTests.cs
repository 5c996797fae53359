using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CsCheck;
using Xunit;

namespace ScheduleDsl.Tests
{
    /// <summary>
    /// Texts a hostile user (or a fuzzer) writes: structures the validator must reject before a model exists, numbers at the
    /// edges of double, huge inputs. Nothing throws but the documented exceptions, and every value is finite and ≥ 0.
    /// </summary>
    public class HostileInputTests
    {
        /// <summary>How many times the usual sample counts to draw: 1 in the test suite, more in build/fuzz.sh (FUZZ_SCALE).</summary>
        private static readonly int Scale = HostileTextGen.Scale;

        private static readonly long[] Times = { 0, 1, 2, 3, 7, 39, 1000, 2147483647, 4611686018427387904, long.MaxValue - 1, long.MaxValue };

        [Fact]
        public void ACutChainOfOpenPhasesIsAnUnreachablePhaseNotACrash()
        {
            const string text = "(constant -> constant) for 2 -> constant";
            ScheduleDiagnostic d = Assert.Single(Schedule.Check(text), x => x.Severity == ScheduleDiagnosticSeverity.Error);
            Assert.Equal("LRS0005", d.Id);
            Assert.Equal(text.IndexOf("constant)", StringComparison.Ordinal), d.Offset);
            Assert.Equal("constant".Length, d.Length);
            Assert.False(Schedule.TryParse(text, out _, out _));
            Assert.Throws<ScheduleParseException>(() => Schedule.Parse(text));
        }

        /// <summary>The custom functions the hostile texts name (HostileTextGen also writes names that are refused).</summary>
        private static readonly Dictionary<string, Func<long, double, double>> Functions = new()
        {
            ["f"] = (t, level) => level / (1.0 + t),
            ["myDecay"] = (t, level) => level * Math.Exp(-1e-3 * t),
            ["x1"] = (t, level) => Math.Min(level, 1),
        };

        [Fact]
        public void RandomCompositionsAtExtremeNumbersNeverThrowAndStayFinite()
        {
            int valid = 0;
            // 5,000 draws: about 6.5% are valid (the rest must be refused cleanly), and the check below wants 300 of them.
            foreach (string text in FixedSamples.Draw(HostileTextGen.Text, 5000 * Scale, seed: 21))
            {
                IReadOnlyList<ScheduleDiagnostic> diagnostics = Schedule.Check(text);
                Assert.All(diagnostics, d => Assert.True(d.Offset >= 0 && d.Offset + d.Length <= text.Length, text));
                if (!Schedule.TryParse(text, Functions, out ILearningRateSchedule? schedule, out IReadOnlyList<ScheduleDiagnostic> refused))
                {
                    // Check reads 'custom NAME' as a [Schedule] type does; Parse without functions refuses it (LRS0012).
                    Assert.NotEmpty(DiagnosticRenderer.Render(text, refused));
                    Assert.All(refused, d => Assert.True(d.Offset >= 0 && d.Offset + d.Length <= text.Length, text));
                    continue;
                }

                valid++;
                ILearningRateSchedule again = Schedule.Parse(schedule!.ToString()!, Functions);
                foreach (long t in Times)
                {
                    double value = schedule.At(t);
                    Assert.True(value >= 0 && value <= double.MaxValue, text + " at t=" + t + ": " + value.ToString("R", CultureInfo.InvariantCulture));
                    Assert.Equal(value, again.At(t));
                    foreach (ScheduleChannel channel in new[] { ScheduleChannel.Momentum, ScheduleChannel.WeightDecay })
                    {
                        double other = ((IHyperparameterSchedule)schedule).At(channel, t);
                        Assert.True(other >= 0 && other <= double.MaxValue, text + ", " + channel + " at t=" + t + ": " + other.ToString("R", CultureInfo.InvariantCulture));
                        Assert.Equal(other, ((IHyperparameterSchedule)again).At(channel, t));
                    }
                }

                if (schedule is IMetricSchedule metric)
                {
                    foreach (double m in new[] { 1.0, 0.5, 1e300, 0, 0.25 })
                    {
                        metric.Observe(m);
                        Assert.True(schedule.At(metric.Observations) >= 0);
                    }
                }
            }

            Assert.True(valid > 300 * Scale, "only " + valid + " valid samples");
        }

        [Theory]
        [InlineData(16000, '@')]
        [InlineData(65536, '(')]
        [InlineData(65536, '9')]
        public void RenderingManyErrorsIsLinear(int length, char c)
        {
            string text = new string(c, length);
            var e = Assert.Throws<ScheduleParseException>(() => Schedule.Parse(text));
            Assert.True(e.Message.Length < 20_000, "message of " + e.Message.Length + " characters");
        }

        [Fact]
        public void RenderingSaysHowManyMoreThereAre()
        {
            string text = string.Join(" ", Enumerable.Repeat("@", 50));
            string rendered = DiagnosticRenderer.Render(text, Schedule.Check(text));
            Assert.Contains("and " + (Schedule.Check(text).Count - DiagnosticRenderer.MaxRendered) + " more diagnostics", rendered);
        }

        [Theory]
        [InlineData("lr 0.1: warmup exp 4 from 1e-200 to 1e200", new[] { 1e-200, 1e-100, 1, 1e100, 1e200 })]
        [InlineData("lr 1e-20: cosine 10 to 1", new[] { 1e-20 })]
        [InlineData("lr 1e-20: poly 10 power 2 to 1", new[] { 1e-20 })]
        [InlineData("onecycle 1 over 10 div 1e20", new[] { 1e-20 })]
        public void ExtremeLevelsGiveTheExactValues(string text, double[] expected)
        {
            ILearningRateSchedule schedule = Schedule.Parse(text);
            for (int t = 0; t < expected.Length; t++)
            {
                Assert.True(Math.Abs(schedule.At(t) - expected[t]) <= 1e-12 * expected[t], text + " at " + t + ": " + schedule.At(t).ToString("R", CultureInfo.InvariantCulture));
            }
        }

        /// <summary>Two levels as far apart as double allows, and pairs that cancel when a curve is written as a + (b−a)·f.</summary>
        public static IEnumerable<object[]> LevelPairs()
        {
            double[] levels = { 1e-300, 1e-200, 1e-20, 1e-5, 0.5, 1, 3, 1e20, 1e200, 1e300 };
            foreach (double a in levels)
            {
                foreach (double b in levels)
                {
                    if (a != b)
                    {
                        yield return new object[] { a, b };
                    }
                }
            }
        }

        /// <summary>
        /// Every curve between two levels, at the extremes of double: it starts exactly at its start, ends exactly at its end,
        /// never leaves the interval between them, and moves one way only — the properties an exact evaluation has, and the
        /// ones overflow (∞, NaN) and cancellation (a tiny start computed as 0) break.
        /// </summary>
        [Theory]
        [MemberData(nameof(LevelPairs))]
        public void CurvesBetweenExtremeLevelsStartAndEndExactlyAndStayBetween(double a, double b)
        {
            string x = a.ToString("R", CultureInfo.InvariantCulture);
            string y = b.ToString("R", CultureInfo.InvariantCulture);
            double low = Math.Min(a, b);
            double high = Math.Max(a, b);
            string lo = low.ToString("R", CultureInfo.InvariantCulture);
            string hi = high.ToString("R", CultureInfo.InvariantCulture);

            // (text, its exact value at 0 and at 10 where the contract gives one, whether it moves one way only)
            var curves = new List<(string Text, double? Start, double? End, bool Monotone)>
            {
                ("lr " + x + ": linear 10 to " + y, a, b, true),
                ("lr " + x + ": cosine 10 to " + y, a, b, true),
                ("lr " + x + ": poly 10 power 2 to " + y, a, b, true),
                ("lr " + x + ": poly 10 power 0.5 to " + y, a, b, true),
                ("lr " + x + ": tanh 10 to " + y, null, null, true), // timm's curve: tanh(−7…3) never quite reaches either level
                ("lr " + y + ": warmup linear 10 from " + x, a, b, true),
                ("lr " + y + ": warmup cosine 10 from " + x, a, b, true),
                ("lr " + y + ": warmup exp 10 from " + x, a, b, true),
                ("lr " + x + ": restarts 10 to " + y, high, null, false), // a peak below the floor rises to it
                ("lr 1: cyclic " + lo + " to " + hi + " up 5 down 7", low, null, false),
            };

            foreach ((string text, double? start, double? end, bool monotone) in curves)
            {
                if (!Schedule.TryParse(text, out ILearningRateSchedule? schedule, out IReadOnlyList<ScheduleDiagnostic> diagnostics))
                {
                    // Only the rules of the language may refuse a pair (a warmup that would fall), never a crash.
                    Assert.All(diagnostics.Where(d => d.Severity == ScheduleDiagnosticSeverity.Error), d => Assert.Equal("LRS0008", d.Id));
                    continue;
                }

                double first = schedule!.At(0);
                Assert.True(start == null || first == start, text + " starts at " + first.ToString("R", CultureInfo.InvariantCulture));
                Assert.True(end == null || schedule.At(10) == end, text + " ends at " + schedule.At(10).ToString("R", CultureInfo.InvariantCulture));
                double previous = first;
                int direction = 0;
                for (long t = 0; t <= 40; t++)
                {
                    double value = schedule.At(t);
                    Assert.True(value >= low && value <= high, text + " at t=" + t + " is " + value.ToString("R", CultureInfo.InvariantCulture) + ", outside its levels");
                    if (monotone && t <= 10 && value != previous)
                    {
                        int step = value > previous ? 1 : -1;
                        Assert.True(direction == 0 || direction == step, text + " turns back at t=" + t);
                        direction = step;
                    }

                    previous = value;
                }
            }
        }

        [Fact]
        public void NoNaNBecomesZero()
        {
            ILearningRateSchedule onecycle = Schedule.Parse("onecycle 1 over 10 final-div 1e-310");
            Assert.Equal(0.04, onecycle.At(0), 12);
            Assert.Equal(double.MaxValue, onecycle.At(10));
            Assert.All(Enumerable.Range(1, 9), t => Assert.True(onecycle.At(t) > 0.04));

            ILearningRateSchedule cyclic = Schedule.Parse("cyclic exp-range 2 0.5 to 1 up 1 for 2000");
            Assert.Equal(0.5, cyclic.At(1998));
            Assert.Equal(double.MaxValue, cyclic.At(1999));
        }

        [Fact]
        public void ACycleLongerThanTimeItselfStillFollowsItsCosine()
        {
            // Cycles of 3, 3m and 3m² with m = 2³¹−1: long.MaxValue lies two thirds into the third, which never ends.
            double value = Schedule.Parse("restarts 3 mult 2147483647").At(long.MaxValue);
            double m = 2147483647.0;
            double fraction = (long.MaxValue - 3 - 3 * m) / (3 * m * m);
            Assert.Equal((1 + Math.Cos(Math.PI * fraction)) / 2, value, 9);
            Assert.Equal(0.25, value, 2);
        }

        [Theory]
        [InlineData("hold 2147483646.9999999999", "2147483646.9999999999 is not a whole number")]
        [InlineData("step 0.5 every 2.5", "2.5 is not a whole number; the value of 'every' must be one")]
        [InlineData("cyclic 0.1 to 1 up 2.00000000000000001", "2.00000000000000001 is not a whole number")]
        // (v2: 'restarts … mult' takes any number ≥ 1, so it is no longer a whole-number slot.)
        public void FractionsInWholeNumberSlotsAreRejectedAsWritten(string text, string message)
        {
            ScheduleDiagnostic d = Assert.Single(Schedule.Check(text));
            Assert.Equal("LRS0004", d.Id);
            Assert.Contains(message, d.Message);
        }

        [Fact]
        public void AnExponentWithoutDigitsIsOneMalformedNumber()
        {
            ScheduleDiagnostic d = Assert.Single(Schedule.Check("lr 1e-: constant"));
            Assert.Equal("LRS0003", d.Id);
            Assert.Equal(3, d.Offset);
            Assert.Equal(3, d.Length);
            Assert.Contains("exponent needs digits", d.Message);
        }

        [Fact]
        public void AKernelBeyondTheLimitIsASyntaxError()
        {
            string text = string.Join(" -> ", Enumerable.Repeat("hold 1", Language.Parser.MaxKernels)) + " -> constant";
            ScheduleDiagnostic d = Assert.Single(Schedule.Check(text));
            Assert.Equal("LRS0001", d.Id);
            Assert.Equal(text.LastIndexOf("constant", StringComparison.Ordinal), d.Offset);
        }

        [Theory]
        [InlineData(true, double.NaN, 1.0, 0, 0)]
        [InlineData(true, -1.0, 1.0, 0, 0)]
        [InlineData(true, double.PositiveInfinity, 1.0, 0, 0)]
        [InlineData(true, 0.1, double.NaN, 0, 0)]
        [InlineData(true, 0.1, 1.0, -1, 0)]
        [InlineData(true, 0.1, 1.0, 0, -2)]
        public void PlateauStatesOutOfRangeAreRejected(bool started, double level, double best, int bad, int cooldown)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new PlateauState(started, level, best, bad, cooldown));
        }

        [Fact]
        public void TheObservationCounterNeverWrapsAround()
        {
            var schedule = (IMetricSchedule)Schedule.Parse("plateau factor 0.5 patience 1");
            schedule.SetState(new MetricScheduleState(long.MaxValue, new[] { new PlateauState(true, 0.5, 1.0, 0, 0) }));
            Assert.Throws<InvalidOperationException>(() => schedule.Observe(1.0));
            Assert.Equal(long.MaxValue, schedule.Observations);
        }
    }
}
