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

        /// <summary>
        /// A span ends in a whole vector that overlaps the one before it (or, shorter than a vector, goes through a stack
        /// copy): every element must come out as it does computed alone, in place as well as into another buffer, at every
        /// length around the vector width.
        /// </summary>
        [Fact]
        public void EveryLengthGivesEachElementsOwnResult()
        {
            int width = System.Numerics.Vector<float>.Count;
            for (int n = 1; n <= 3 * width + 1; n++)
            {
                float[] x = Enumerable.Range(0, n).Select(i => 0.731f * i - 2.5f).ToArray();
                float[] y = Enumerable.Range(0, n).Select(i => 1.25f - 0.317f * i).ToArray();
                float[] z = Enumerable.Range(0, n).Select(i => 0.1f * (i % 5) + 0.05f).ToArray();
                var ops = new (string Name, Action<float[], float[], float[], float[]> Run)[]
                {
                    ("exp", (a, b, c, d) => Vec.Exp(a, d)),
                    ("max", (a, b, c, d) => Vec.Max(a, b, d)),
                    ("divide", (a, b, c, d) => Vec.Divide(a, b, d)),
                    ("subtract", (a, b, c, d) => Vec.Subtract(b, a, d)),
                    ("multiply-add", (a, b, c, d) => Vec.MultiplyAdd(a, b, c, d)),
                };
                foreach (var (name, run) in ops)
                {
                    float[] alone = new float[n];
                    for (int i = 0; i < n; i++)
                    {
                        float[] one = new float[1];
                        run(new[] { x[i] }, new[] { y[i] }, new[] { z[i] }, one);
                        alone[i] = one[0];
                    }

                    float[] into = new float[n];
                    run(x, y, z, into);
                    Assert.True(alone.SequenceEqual(into), name + " of " + n + " values into another buffer");

                    float[] inPlace = (float[])x.Clone();
                    run(inPlace, y, z, inPlace);
                    Assert.True(alone.SequenceEqual(inPlace), name + " of " + n + " values in place");
                }
            }
        }

        /// <summary>Softmax a vector of columns at a time, the last columns through a stack copy or, for many rows, row by row: the bits of the row-by-row passes.</summary>
        [Theory]
        [InlineData(3, 50)]
        [InlineData(3, 5)]
        [InlineData(3, 16)]
        [InlineData(1, 13)]
        [InlineData(10, 129)]
        [InlineData(300, 37)]
        public void SoftmaxGivesTheBitsOfTheRowByRowPasses(int rows, int batch)
        {
            var random = new Random(rows * 1000 + batch);
            float[] values = Enumerable.Range(0, rows * batch).Select(_ => (float)(random.NextDouble() * 40 - 20)).ToArray();
            values[0] = float.NaN;
            float[] expected = (float[])values.Clone();
            float[] actual = (float[])values.Clone();
            Elementwise.SoftmaxByRows(expected, rows, batch, 0, batch, new float[2 * batch]);
            Elementwise.Softmax(actual, rows, batch, new float[2 * batch]);
            Assert.True(expected.SequenceEqual(actual));
            for (int j = 1; j < batch; j++)
            {
                Assert.Equal(1.0, Enumerable.Range(0, rows).Sum(r => (double)actual[r * batch + j]), 5);
            }
        }

        [Theory]
        [InlineData(9, 50)]
        [InlineData(3, 5)]
        [InlineData(4, 16)]
        public void FillRowsSetsEveryValueOfEachRow(int rows, int batch)
        {
            float[] rowValues = Enumerable.Range(0, rows).Select(r => r * 1.5f - 2).ToArray();
            float[] values = Enumerable.Repeat(float.NaN, rows * batch + 3).ToArray();
            Elementwise.FillRows(values, rowValues, batch);
            for (int i = 0; i < rows * batch; i++)
            {
                Assert.Equal(rowValues[i / batch], values[i]);
            }

            Assert.All(values.Skip(rows * batch), v => Assert.True(float.IsNaN(v)));
        }

        private static float Ulp(float value) => MathF.BitIncrement(MathF.Abs(value)) - MathF.Abs(value);

        private sealed class Close : System.Collections.Generic.IEqualityComparer<float>
        {
            public bool Equals(float a, float b) => a.Equals(b) || Math.Abs(a - b) <= 2 * Ulp(b);

            public int GetHashCode(float value) => 0;
        }
    }
}
