using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace ScheduleDsl.Tests
{
    /// <summary>
    /// PyTorch 1.13's own sequences (Fixtures/torch-sequences.json, written by build/peers/torch_sequences.py from the real
    /// schedulers): each case's text gives the same rates — and momenta, where PyTorch cycles them — step by step.
    /// </summary>
    public class TorchParityTests
    {
        private static readonly JsonElement Cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "torch-sequences.json"))).RootElement.GetProperty("cases");

        public static TheoryData<string> Names()
        {
            var names = new TheoryData<string>();
            foreach (JsonElement c in Cases.EnumerateArray())
            {
                names.Add(c.GetProperty("name").GetString()!);
            }

            return names;
        }

        [Theory]
        [MemberData(nameof(Names))]
        public void ReproducesPyTorchsSequence(string name)
        {
            JsonElement c = Cases.EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
            string text = c.GetProperty("text").GetString()!;
            var schedule = (IHyperparameterSchedule)Schedule.Parse(text);
            double[] rates = c.GetProperty("lr").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            double[]? momenta = c.TryGetProperty("momentum", out JsonElement m) ? m.EnumerateArray().Select(e => e.GetDouble()).ToArray() : null;
            double[]? metrics = c.TryGetProperty("metrics", out JsonElement ms) ? ms.EnumerateArray().Select(e => e.GetDouble()).ToArray() : null;
            // Every case's optimizer rate is the text's lr header, or 1 for a factor text: the values compare as they are.
            for (int t = 0; t < rates.Length; t++)
            {
                AssertClose(rates[t], schedule.At(t), text + ": rate at t = " + t);
                if (momenta != null)
                {
                    Assert.True(schedule.Schedules(ScheduleChannel.Momentum), text + " cycles the momentum");
                    AssertClose(momenta[t], schedule.At(ScheduleChannel.Momentum, t), text + ": momentum at t = " + t);
                }

                if (metrics != null)
                {
                    ((IMetricSchedule)schedule).Observe(metrics[t]);
                }
            }

            if (momenta == null)
            {
                Assert.False(schedule.Schedules(ScheduleChannel.Momentum), text + " leaves the momentum alone, as PyTorch's case does");
            }
        }

        private static void AssertClose(double expected, double actual, string what) =>
            Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(1e-3, Math.Abs(expected)), what + ": PyTorch " + expected.ToString("R") + ", here " + actual.ToString("R"));
    }
}
