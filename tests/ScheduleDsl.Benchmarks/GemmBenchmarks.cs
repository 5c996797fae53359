using System;
using BenchmarkDotNet.Attributes;
using ScheduleDsl.Training.Kernels;

namespace ScheduleDsl.Benchmarks
{
    /// <summary>The eight products of one 784→256→256→10 training step at batch 128, alone: how much of the step they are.</summary>
    [SimpleJob(warmupCount: 3, iterationCount: 10)]
    public class GemmBenchmarks
    {
        private static readonly (int M, int K, int N)[] Shapes =
        {
            (256, 784, 128), (256, 256, 128), (10, 256, 128),   // forward
            (256, 128, 784), (256, 128, 256), (10, 128, 256),   // weight gradients
            (256, 256, 128), (256, 10, 128),                    // input gradients of layers 2 and 3
        };

        private float[][] _a = null!;
        private float[][] _b = null!;
        private float[][] _c = null!;

        [GlobalSetup]
        public void Setup()
        {
            var random = new Random(1);
            _a = new float[Shapes.Length][];
            _b = new float[Shapes.Length][];
            _c = new float[Shapes.Length][];
            for (int i = 0; i < Shapes.Length; i++)
            {
                (int m, int k, int n) = Shapes[i];
                _a[i] = Fill(random, m * k);
                _b[i] = Fill(random, k * n);
                _c[i] = new float[m * n];
            }
        }

        private static float[] Fill(Random random, int count)
        {
            var values = new float[count];
            for (int i = 0; i < count; i++)
            {
                values[i] = (float)random.NextDouble();
            }

            return values;
        }

        /// <summary>Each product alone, run for about <paramref name="seconds"/>, best of three: which shapes hold the step back.</summary>
        public System.Collections.Generic.IEnumerable<(int M, int K, int N, double Gflops)> EachProduct(double seconds)
        {
            for (int i = 0; i < Shapes.Length; i++)
            {
                (int m, int k, int n) = Shapes[i];
                double best = 0;
                for (int run = 0; run < 4; run++)
                {
                    var stopwatch = System.Diagnostics.Stopwatch.StartNew();
                    long calls = 0;
                    while (stopwatch.Elapsed.TotalSeconds < seconds)
                    {
                        Gemm.Multiply(_a[i], _b[i], _c[i], m, k, n, accumulate: false);
                        calls++;
                    }

                    if (run > 0)
                    {
                        best = Math.Max(best, 2.0 * m * k * n * calls / stopwatch.Elapsed.TotalSeconds / 1e9);
                    }
                }

                yield return (m, k, n, best);
            }
        }

        [Benchmark]
        public void ProductsOfOneStep()
        {
            for (int i = 0; i < Shapes.Length; i++)
            {
                (int m, int k, int n) = Shapes[i];
                Gemm.Multiply(_a[i], _b[i], _c[i], m, k, n, accumulate: false);
            }
        }
    }
}
