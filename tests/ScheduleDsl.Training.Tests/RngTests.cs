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

        /// <summary>The generator is xoshiro256** as published (Blackman and Vigna), continued from any saved state.</summary>
        [Fact]
        public void NextUInt64IsXoshiro256StarStar()
        {
            var rng = new Rng(7);
            ulong[] s = rng.State;
            for (int i = 0; i < 1000; i++)
            {
                ulong expected = RotateLeft(s[1] * 5, 7) * 9;
                ulong t = s[1] << 17;
                s[2] ^= s[0];
                s[3] ^= s[1];
                s[1] ^= s[2];
                s[0] ^= s[3];
                s[2] ^= t;
                s[3] = RotateLeft(s[3], 45);
                Assert.Equal(expected, rng.NextUInt64());
            }

            Assert.Equal(s, rng.State);
        }

        /// <summary>
        /// <see cref="Rng.Shuffle"/> keeps the generator in registers for the whole shuffle: the permutation, and the state it
        /// leaves, must be exactly those of Fisher–Yates drawing each index with <see cref="Rng.NextInt"/>.
        /// </summary>
        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(1000)]
        [InlineData(65_537)]
        public void ShuffleIsFisherYatesWithNextInt(int length)
        {
            var rng = new Rng(99);
            Rng reference = Rng.FromState(rng.State);
            int[] items = new int[length], expected = new int[length];
            for (int i = 0; i < length; i++)
            {
                items[i] = expected[i] = i;
            }

            rng.Shuffle(items);
            for (int i = length - 1; i > 0; i--)
            {
                int j = reference.NextInt(i + 1);
                (expected[i], expected[j]) = (expected[j], expected[i]);
            }

            Assert.Equal(expected, items);
            Assert.Equal(reference.State, rng.State);
        }

        private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

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
