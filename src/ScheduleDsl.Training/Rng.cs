using System;
using System.Runtime.CompilerServices;

namespace ScheduleDsl.Training
{
    /// <summary>
    /// xoshiro256** seeded through SplitMix64: fast, good quality, and — unlike <see cref="Random"/> — its whole state is
    /// four numbers that a checkpoint can save, so a resumed run shuffles exactly as an uninterrupted one.
    /// </summary>
    public sealed class Rng
    {
        private ulong _s0, _s1, _s2, _s3;

        /// <summary>A xoshiro256** generator seeded from <paramref name="seed"/> through SplitMix64.</summary>
        public Rng(ulong seed)
        {
            ulong x = seed;
            _s0 = SplitMix(ref x);
            _s1 = SplitMix(ref x);
            _s2 = SplitMix(ref x);
            _s3 = SplitMix(ref x);
        }

        private Rng()
        {
        }

        /// <summary>The state, to save.</summary>
        public ulong[] State => new[] { _s0, _s1, _s2, _s3 };

        /// <summary>A generator continuing from a saved <see cref="State"/>.</summary>
        public static Rng FromState(ulong[] state)
        {
            if (state == null || state.Length != 4 || (state[0] | state[1] | state[2] | state[3]) == 0)
            {
                throw new ArgumentException("An Rng state is four numbers, not all zero.", nameof(state));
            }

            return new Rng { _s0 = state[0], _s1 = state[1], _s2 = state[2], _s3 = state[3] };
        }

        /// <summary>64 random bits.</summary>

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public ulong NextUInt64()
        {
            ulong result = RotateLeft(_s1 * 5, 7) * 9;
            ulong t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = RotateLeft(_s3, 45);
            return result;
        }

        /// <summary>A double in [0, 1) with 53 random bits.</summary>
        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

        /// <summary>A float in [0, 1) with 24 random bits.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1 << 24));

        /// <summary>An integer in [0, <paramref name="bound"/>), unbiased (Lemire's method).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int NextInt(int bound)
        {
            if (bound <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(bound), bound, "The bound must be positive.");
            }

            // A draw is taken when its product's low half is at least (2³² − bound) mod bound, which is below the bound: so
            // a low half of at least the bound is taken without computing it (the division is needed about once in
            // 2³² / bound draws). The same draws are taken or refused as with the threshold computed every time.
            ulong product = (NextUInt64() >> 32) * (uint)bound;
            if ((uint)product < (uint)bound)
            {
                uint threshold = unchecked((uint)-bound) % (uint)bound;
                while ((uint)product < threshold)
                {
                    product = (NextUInt64() >> 32) * (uint)bound;
                }
            }

            return (int)(product >> 32);
        }

        /// <summary>Fisher–Yates shuffle in place.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Shuffle(Span<int> items)
        {
            for (int i = items.Length - 1; i > 0; i--)
            {
                int j = NextInt(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static ulong SplitMix(ref ulong x)
        {
            ulong z = x += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
    }
}
