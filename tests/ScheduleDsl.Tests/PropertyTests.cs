using System;
using System.Collections.Generic;
using CsCheck;
using Xunit;

namespace ScheduleDsl.Tests
{
    /// <summary>Properties over random schedules, random text and random times.</summary>
    public class PropertyTests
    {
        private static readonly Gen<long> AnyTime = Gen.OneOf(Gen.Long[0, 1000], Gen.Long[0, long.MaxValue], Gen.Const(long.MaxValue));

        [Fact]
        public void GeneratedSchedulesAreValid()
        {
            foreach (string text in FixedSamples.Draw(ScheduleTextGen.Schedule, 2000, seed: 1))
            {
                Assert.True(Schedule.TryParse(text, out _, out IReadOnlyList<ScheduleDiagnostic> d), text + "\n" + string.Join("\n", d));
            }
        }

        [Fact]
        public void ToStringRoundTrips()
        {
            foreach ((string text, long[] times) in FixedSamples.Draw(ScheduleTextGen.Schedule.Select(AnyTime.Array[20]), 2000, seed: 2))
            {
                ILearningRateSchedule first = Schedule.Parse(text);
                string canonical = first.ToString()!;
                ILearningRateSchedule second = Schedule.Parse(canonical);
                Assert.Equal(canonical, second.ToString());
                Assert.Equal(first.Unit, second.Unit);
                Assert.Equal(first.IsAbsolute, second.IsAbsolute);
                foreach (long t in times)
                {
                    Assert.Equal(first.At(t), second.At(t));
                }
            }
        }

        [Fact]
        public void ValuesAreFiniteAndNonNegative()
        {
            foreach ((string text, long[] times, double[] metrics) in FixedSamples.Draw(ScheduleTextGen.Schedule.Select(AnyTime.Array[50], Gen.Double[0, 2].Array[30]), 2000, seed: 3))
            {
                ILearningRateSchedule schedule = Schedule.Parse(text);
                if (schedule is IMetricSchedule metric)
                {
                    foreach (double m in metrics)
                    {
                        metric.Observe(m);
                    }
                }

                foreach (long t in times)
                {
                    double v = schedule.At(t);
                    Assert.True(double.IsFinite(v) && v >= 0, $"{text} at t={t} gave {v}");
                }
            }
        }

        [Fact]
        public void ArbitraryTextNeverThrowsAndSpansStayInside()
        {
            Gen<string> dslish = Gen.Char["abcdeilmnoprstuvwxyz0123456789.-+>*():,# \n\t@E"].Array[0, 60].Select(cs => new string(cs));
            foreach (string text in FixedSamples.Draw(Gen.OneOf(dslish, Gen.String), 5000, seed: 4))
            {
                AssertDiagnosticsInside(text);
            }
        }

        [Fact]
        public void EveryPrefixOfValidTextGivesDiagnosticsInside()
        {
            foreach (string text in FixedSamples.Draw(ScheduleTextGen.Schedule, 150, seed: 5))
            {
                for (int i = 0; i <= text.Length; i++)
                {
                    AssertDiagnosticsInside(text.Substring(0, i));
                }
            }
        }

        [Fact]
        public void RandomMutationsOfValidTextGiveDiagnosticsInside()
        {
            Gen<(string, int[], char[])> mutation = ScheduleTextGen.Schedule.Select(Gen.Int[0, 1000].Array[1, 4], Gen.Char["0.-e>*() :,#xaZ\u2212"].Array[4]);
            foreach ((string text, int[] positions, char[] chars) in FixedSamples.Draw(mutation, 3000, seed: 6))
            {
                char[] mutated = text.ToCharArray();
                for (int i = 0; i < positions.Length; i++)
                {
                    mutated[positions[i] % mutated.Length] = chars[i];
                }

                AssertDiagnosticsInside(new string(mutated));
                string deleted = text.Remove(positions[0] % text.Length, 1);
                AssertDiagnosticsInside(deleted);
            }
        }

        private static void AssertDiagnosticsInside(string text)
        {
            IReadOnlyList<ScheduleDiagnostic> diagnostics;
            try
            {
                diagnostics = Schedule.Check(text);
                Schedule.Parse(text);
            }
            catch (ScheduleParseException e)
            {
                diagnostics = e.Diagnostics;
                Assert.NotEmpty(e.Message);
            }

            foreach (ScheduleDiagnostic d in diagnostics)
            {
                Assert.True(d.Offset >= 0 && d.Length >= 0 && d.Offset + d.Length <= text.Length, $"span {d.Offset}+{d.Length} outside '{text}' ({d})");
                Assert.Matches("^LRS00(0[1-9]|10)$", d.Id);
                Assert.False(string.IsNullOrWhiteSpace(d.Message));
            }
        }
    }
}
