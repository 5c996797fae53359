using System;
using System.Globalization;
using System.Linq;
using Xunit;

namespace ScheduleDsl.Training.Tests
{
    /// <summary>The range test finds the descent where it is, not in the noise of the first steps, and refuses sweeps that say nothing.</summary>
    public sealed class RangeTestTests
    {
        [Fact]
        public void TheSteepestDescentOfAKnownCurveIsFoundPastTheNoisyStart()
        {
            // 200 rates from 1e-6 to 10; the loss falls along a logistic curve centred at 1e-2, bottoms out at 1e-1 and
            // blows up after; the first steps dip sharply (one lucky batch), as real sweeps do.
            double[] rates = Enumerable.Range(0, 200).Select(i => 1e-6 * Math.Pow(1e7, i / 199.0)).ToArray();
            double[] loss = rates.Select(r => 2 - 1.5 / (1 + Math.Exp(-3 * (Math.Log10(r) + 2))) + (r > 0.1 ? 5 * (Math.Log10(r) + 1) : 0)).ToArray();
            loss[1] -= 0.5;
            loss[2] -= 0.3;
            int? steepest = LearningRateRangeTest.Steepest(loss, rates);
            Assert.NotNull(steepest);
            double rate = rates[steepest!.Value];
            Assert.True(rate > 5e-3 && rate < 2e-2, "steepest at " + rate.ToString("G3", CultureInfo.InvariantCulture));
        }

        [Fact]
        public void ALossThatNeverFallsHasNoDescent()
        {
            double[] rates = Enumerable.Range(0, 100).Select(i => Math.Pow(10, -6 + i * 0.07)).ToArray();
            Assert.Null(LearningRateRangeTest.Steepest(rates.Select(r => 1.0 + r).ToArray(), rates));
        }

        [Fact]
        public void ASweepOnTheTutorialDataSuggestsSchedulesThatParse()
        {
            (float[,] x, int[] labels) = TutorialData.Create(1000, seed: 1);
            var model = new Sequential(new Dense(3, 9, Activation.Relu), new Dense(9, 3, Activation.Softmax));
            model.Compile(Loss.CategoricalCrossEntropy, new Sgd(0.01));
            RangeTestResult result = LearningRateRangeTest.Run(model, x, labels, new RangeTestSettings { BatchSize = 50, Seed = 1 });
            Assert.Equal(result.Rates.Count, result.SmoothedLoss.Count);
            Assert.Equal(1e-6, result.Rates[0], 12);
            Assert.InRange(result.SuggestedPeak, 1e-6, 10);
            Assert.True(result.SuggestedLow < result.SuggestedPeak);
            Assert.NotNull(Schedule.Parse(result.OneCycleText(10)));
            Assert.NotNull(Schedule.Parse(result.CyclicText()));
            Assert.StartsWith("Swept the rate from 1e-6 to ", result.Summary, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(0.0, 10.0, 200)]
        [InlineData(1e-3, 1e-4, 200)]
        [InlineData(1e-6, 10.0, 5)]
        public void SweepsOutOfRangeAreRefused(double start, double end, int steps)
        {
            var model = new Sequential(new Dense(3, 3, Activation.Softmax));
            model.Compile(Loss.CategoricalCrossEntropy, new Sgd(0.01));
            (float[,] x, int[] labels) = TutorialData.Create(100, seed: 1);
            Assert.Throws<ArgumentException>(() => LearningRateRangeTest.Run(model, x, labels, new RangeTestSettings { Start = start, End = end, Steps = steps }));
        }
    }
}
