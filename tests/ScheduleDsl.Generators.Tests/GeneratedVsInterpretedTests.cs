using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using CsCheck;
using Xunit;

namespace ScheduleDsl.Generators.Tests
{
    /// <summary>Generated code, compiled and run, gives the interpreter's values bit for bit.</summary>
    public class GeneratedVsInterpretedTests
    {
        private static readonly long[] FixedTimes = Enumerable.Range(0, 120).Select(i => (long)i)
            .Concat(new long[] { 499, 500, 501, 9999, 10000, 123457, int.MaxValue, long.MaxValue / 3, long.MaxValue }).ToArray();

        [Fact]
        public void RandomSchedulesMatchTheInterpreter()
        {
            string[] texts = ScheduleDsl.Tests.FixedSamples.Draw(ScheduleDsl.Tests.ScheduleTextGen.Schedule, 300, seed: 17);
            AssertAllMatch(texts, metricsSeed: 3);
        }

        [Fact]
        public void ContractExamplesMatchTheInterpreter()
        {
            AssertAllMatch(new[]
            {
                "warmup linear 5 -> step 0.8 every 2",
                "lr 1e-2: step 0.8 every 2",
                "lr 0.1 per step: warmup linear 500 from 0.001 -> cosine 9500 to 1e-5",
                "lr 3e-4 per step: warmup linear 2000 -> constant for 80000 -> linear 18000 to 3e-5",
                "lr 0.006 per step: cyclic triangular2 0.001 to 0.006 up 2000",
                "lr 0.1 per step: onecycle 0.1 over 10000",
                "lr 0.05: restarts 10 mult 2 decay 0.5 to 1e-4",
                "lr 0.1: warmup linear 3 from 0.01 -> plateau factor 0.5 patience 2 cooldown 1 floor 1e-5",
                "(step 0.5 every 30) * (cyclic 0.9 to 1.1 up 5)",
                "lr 0.1: plateau factor 0.5 patience 1 for 20 -> warmup exp 5 -> plateau factor 0.1 patience 0 mode max",
                "lr 0.1 min 1e-3: ((plateau factor 0.5 patience 0) * (cyclic exp-range 0.99 0.9 to 1.1 up 2 down 3)) for 30 -> restarts 7 mult 3 decay 0.5 to 1e-4",
                "step 10 every 1 for 1000 -> constant",
                "onecycle 1 over 100 warm 0.25 div 10 final-div 100 linear three-phase",
                // v2 channels
                "lr 0.1 per step: onecycle 0.1 over 10000 momentum",
                "lr 0.006 per step: cyclic 0.001 to 0.006 up 2000 momentum 0.8 to 0.9",
                "lr 3e-4 per step: warmup linear 2000 -> constant for 80000 -> sqrt 18000 to 3e-5; weight-decay 0.1: constant",
                "lr 0.05 per step steps-per-epoch 390: warmup linear 5 epochs -> cosine 95 epochs to 1e-5; momentum 0.9: constant",
                "lr 0.1: warmup linear 5 from 1e-4 -> cosine 100 skip 5",
                "lr 0.1: restarts 10 mult 1.5 amplitude 0.5 to 1e-3",
                "weight-decay 0.04 per epoch: cosine 100 to 0.4",
                "cyclic triangular2 0.5 to 1 up 3 down 7 momentum 0.85 to 0.95 for 40 -> (onecycle 1 over 50 momentum three-phase) * (linear 100 to 0.5) -> constant",
                "cyclic exp-range 0.99 0.1 to 1 up 3 down 7 momentum; weight-decay: step 0.5 every 10",
                "momentum per step min 0.2: warmup cosine 10 from 0.5 to 0.9 -> step 0.9 every 5",
            }, metricsSeed: 11);
        }

        private static void AssertAllMatch(string[] texts, int metricsSeed)
        {
            var source = new StringBuilder("using ScheduleDsl;\nnamespace Random;\n");
            for (int i = 0; i < texts.Length; i++)
            {
                source.Append("[Schedule(").Append(Literal(texts[i])).Append(")] public partial class S").Append(i.ToString(CultureInfo.InvariantCulture)).Append(";\n");
            }

            (Assembly assembly, var context) = GeneratorHarness.Load(source.ToString());
            try
            {
                var random = new Random(metricsSeed);
                for (int i = 0; i < texts.Length; i++)
                {
                    var generated = (ILearningRateSchedule)Activator.CreateInstance(assembly.GetType("Random.S" + i.ToString(CultureInfo.InvariantCulture))!)!;
                    Assert.True(generated.ToString() != null, texts[i]);
                    string? stub = Stub(generated);
                    Assert.True(stub == null, texts[i] + ": " + stub);
                    ILearningRateSchedule interpreted = Schedule.Parse(texts[i]);
                    Assert.Equal(interpreted.Unit, generated.Unit);
                    Assert.Equal(interpreted.IsAbsolute, generated.IsAbsolute);
                    Assert.Equal(interpreted.ToString(), generated.ToString());
                    long[] times = FixedTimes.Concat(Enumerable.Range(0, 30).Select(_ => random.NextInt64(long.MaxValue))).ToArray();
                    if (generated is IMetricSchedule metricGenerated)
                    {
                        var metricInterpreted = (IMetricSchedule)interpreted;
                        for (int t = 0; t < 150; t++)
                        {
                            Assert.Equal(metricInterpreted.At(t), metricGenerated.At(t));
                            double metric = Math.Round(1 + 0.5 * Math.Sin(t / 3.0) + random.NextDouble() * 0.1, 3);
                            metricInterpreted.Observe(metric);
                            metricGenerated.Observe(metric);
                            Assert.Equal(metricInterpreted.Observations, metricGenerated.Observations);
                        }

                        Assert.Equal(metricInterpreted.GetState().Plateaus, metricGenerated.GetState().Plateaus);
                    }

                    foreach (long t in times)
                    {
                        double expected = interpreted.At(t);
                        double actual = generated.At(t);
                        Assert.True(expected.Equals(actual), $"{texts[i]} at t={t}: interpreter {expected:R}, generated {actual:R}");
                    }

                    var channelsGenerated = (IHyperparameterSchedule)generated;
                    var channelsInterpreted = (IHyperparameterSchedule)interpreted;
                    foreach (string word in new[] { "lr", "momentum", "weight-decay" })
                    {
                        // The runtime's ScheduleChannel (the generator's internal copy has the same name), inferred rather than named.
                        Assert.True(ChannelNames.TryParse(word, out var channel));
                        Assert.Equal(channelsInterpreted.Schedules(channel), channelsGenerated.Schedules(channel));
                        Assert.Equal(channelsInterpreted.IsAbsoluteFor(channel), channelsGenerated.IsAbsoluteFor(channel));
                        foreach (long t in times)
                        {
                            double expected = channelsInterpreted.At(channel, t);
                            double actual = channelsGenerated.At(channel, t);
                            Assert.True(expected.Equals(actual), $"{texts[i]}, {channel} at t={t}: interpreter {expected:R}, generated {actual:R}");
                        }

                        Assert.Throws<ArgumentOutOfRangeException>(() => channelsGenerated.At(channel, -1));
                    }

                    Assert.Throws<ArgumentOutOfRangeException>(() => generated.At(-1));
                }
            }
            finally
            {
                context.Unload();
            }
        }

        /// <summary>The message of a generated type whose members throw (the generator could not compile the text), else null.</summary>
        private static string? Stub(ILearningRateSchedule generated)
        {
            try
            {
                _ = generated.Unit;
                return null;
            }
            catch (InvalidOperationException e)
            {
                return e.Message;
            }
        }

        internal static string Literal(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";
    }
}
