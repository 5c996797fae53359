using System;
using System.Numerics;
using ScheduleDsl.Training.Kernels;
using Xunit;

namespace ScheduleDsl.Training.Tests
{
    /// <summary>The .NET 8 forms of fused multiply-add and rounding give exactly what .NET 9's Vector methods give.</summary>
    public class FusedTests
    {
        [Fact]
        public void TheNet8MultiplyAddIsTheNet9One()
        {
            var random = new Random(3);
            int w = Vector<float>.Count;
            var a = new float[w];
            var b = new float[w];
            var c = new float[w];
            for (int trial = 0; trial < 2000; trial++)
            {
                for (int i = 0; i < w; i++)
                {
                    a[i] = (float)(random.NextDouble() * 4 - 2);
                    b[i] = (float)(random.NextDouble() * 4 - 2);
                    c[i] = (float)(random.NextDouble() * 4 - 2);
                }

                var va = new Vector<float>(a);
                var vb = new Vector<float>(b);
                var vc = new Vector<float>(c);
                Assert.Equal(Vector.FusedMultiplyAdd(va, vb, vc), Fused.MultiplyAddIntrinsic(va, vb, vc));
            }
        }

        [Fact]
        public void TheNet8RoundIsTheNet9One()
        {
            float[] values = { 0.5f, 1.5f, 2.5f, -0.5f, -1.5f, -2.5f, 0.49999997f, 8388607.5f, 16777216f, 3e9f, -3e9f, 0f, -0f, 1.2345f, -7.77f, float.NaN, float.PositiveInfinity };
            int w = Vector<float>.Count;
            for (int start = 0; start < values.Length; start += w)
            {
                var chunk = new float[w];
                Array.Copy(values, start, chunk, 0, Math.Min(w, values.Length - start));
                var v = new Vector<float>(chunk);
                Vector<float> expected = Vector.Round(v);
                Vector<float> actual = Fused.RoundIntrinsic(v);
                for (int i = 0; i < w; i++)
                {
                    Assert.Equal(expected[i], actual[i]);
                }
            }
        }
    }
}
