using Xunit;

namespace ScheduleDsl.Training.Tests
{
    /// <summary>The trainer's random numbers: shuffles and initial weights depend on them, so their sequence is part of every result.</summary>
    public class RngTests
    {
        /// <summary>
        /// <see cref="Rng.NextInt"/> computes its rejection threshold only when a draw could fall below it: the integers,
        /// and the draws taken from the generator, must be those of computing it for every draw (Lemire's method as
        /// first written), for small bounds and for bounds near 2³¹ where draws are refused often.
        /// </summary>
        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        [InlineData(1000)]
        [InlineData(65_537)]
        [InlineData(1_610_612_736)]
        [InlineData(int.MaxValue)]
        public void NextIntTakesAndRefusesTheDrawsOfTheThresholdEveryTime(int bound)
        {
            var rng = new Rng(42);
            var reference = new Rng(42);
            for (int i = 0; i < 20_000; i++)
            {
                Assert.Equal(ReferenceNextInt(reference, bound), rng.NextInt(bound));
            }

            Assert.Equal(reference.NextUInt64(), rng.NextUInt64());
        }

        private static int ReferenceNextInt(Rng rng, int bound)
        {
            uint threshold = unchecked((uint)-bound) % (uint)bound;
            while (true)
            {
                ulong product = (rng.NextUInt64() >> 32) * (uint)bound;
                if ((uint)product >= threshold)
                {
                    return (int)(product >> 32);
                }
            }
        }
    }
}
