using System;
using System.Linq;
using ScheduleDsl.Training.Kernels;
using Xunit;

namespace ScheduleDsl.Training.Tests
{
    /// <summary>The step's own element-wise kernels: exp and log within about one ulp of MathF, special values kept, tails as the body.</summary>
    public class VecTests
    {
        /// <summary>
        /// The run of these tests that CI makes with <c>DOTNET_MaxVectorTBitWidth=128</c> (the four-lane shape Arm64 runs)
        /// really runs four-lane kernels, and the default run the machine's 256-bit ones.
        /// </summary>
        [Fact]
        public void TheKernelsRunTheVectorWidthTheProcessAsksFor()
        {
            if (!System.Numerics.Vector.IsHardwareAccelerated)
            {
                return;
            }

            bool fourLanes = Environment.GetEnvironmentVariable("DOTNET_MaxVectorTBitWidth") == "128" || !System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated;
            Assert.Equal(fourLanes ? 4 : 8, System.Numerics.Vector<float>.Count);
        }

        [Fact]
        public void ExpIsWithinTwoUlpOfMathF()
        {
            float[] x = Enumerable.Range(0, 200_001).Select(i => -103f + i * (191.7f / 200_000)).ToArray();
            float[] y = new float[x.Length];
            Vec.Exp(x, y);
            for (int i = 0; i < x.Length; i++)
            {
                float expected = MathF.Exp(x[i]);
                float tolerance = expected < 1.2e-38f ? 1.5e-45f * 4 : 2 * Ulp(expected);
                Assert.True(Math.Abs(y[i] - expected) <= tolerance, "exp(" + x[i].ToString("R") + ") = " + y[i].ToString("R") + ", expected " + expected.ToString("R"));
            }
        }

        [Fact]
        public void LogIsWithinTwoUlpOfMathF()
        {
            float[] x = Enumerable.Range(0, 200_001).Select(i => MathF.Pow(10, -37.5f + i * (75.5f / 200_000))).ToArray();
            float[] y = new float[x.Length];
            Vec.Log(x, y);
            for (int i = 0; i < x.Length; i++)
            {
                float expected = MathF.Log(x[i]);
                Assert.True(Math.Abs(y[i] - expected) <= 2 * Ulp(expected) + 1e-9f, "log(" + x[i].ToString("R") + ") = " + y[i].ToString("R") + ", expected " + expected.ToString("R"));
            }
        }

        [Fact]
        public void SpecialValuesAreKept()
        {
            float[] x = { float.NaN, float.PositiveInfinity, float.NegativeInfinity, 0f, -0f, 1f, -1f, 200f, -200f };
            float[] exp = new float[x.Length];
            float[] log = new float[x.Length];
            Vec.Exp(x, exp);
            Vec.Log(x, log);
            Assert.Equal(new[] { float.NaN, float.PositiveInfinity, 0f, 1f, 1f, MathF.E, 1 / MathF.E, float.PositiveInfinity, 0f }, exp, new Close());
            Assert.Equal(new[] { float.NaN, float.PositiveInfinity, float.NaN, float.NegativeInfinity, float.NegativeInfinity, 0f, float.NaN, MathF.Log(200f), float.NaN }, log, new Close());
        }

        [Fact]
        public void TheTailIsComputedLikeTheBody()
        {
            int width = System.Numerics.Vector<float>.Count;
            float[] x = Enumerable.Range(0, 3 * width + 3).Select(i => 0.37f * (i % width) - 1).ToArray();
            float[] y = new float[x.Length];
            Vec.Exp(x, y);
            for (int i = 3 * width; i < x.Length; i++)
            {
                Assert.Equal(y[i - width], y[i]);
            }

            float[] max = new float[x.Length];
            Vec.Max(x, 0.5f, max);
            Assert.Equal(x.Select(v => Math.Max(v, 0.5f)), max);
            Assert.Equal(x.Sum(v => (double)v), Vec.Sum(x), 3);
        }

        private static float Ulp(float value) => MathF.BitIncrement(MathF.Abs(value)) - MathF.Abs(value);

        private sealed class Close : System.Collections.Generic.IEqualityComparer<float>
        {
            public bool Equals(float a, float b) => a.Equals(b) || Math.Abs(a - b) <= 2 * Ulp(b);

            public int GetHashCode(float value) => 0;
        }
    }
}
