using System;
using Xunit;

namespace ScheduleDsl.Training.Tests
{
    /// <summary>Sizes whose products do not fit an array are refused with their name, never wrapped into a short buffer.</summary>
    public class SizeLimitTests
    {
        [Theory]
        [InlineData(100_000, 100_000)]
        [InlineData(50_000, 50_000)]
        [InlineData(int.MaxValue, 2)]
        public void ALayerWithMoreWeightsThanAnArrayHoldsIsRefused(int inputs, int outputs)
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Dense(inputs, outputs));
            Assert.Contains("Parameter weight would hold", e.Message);
        }
    }
}
