using System;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Threading;

namespace ScheduleDsl.Benchmarks
{
    /// <summary>
    /// This machine's own fp32 multiply-add peak: every core runs twelve independent chains of fused multiply-adds on
    /// the widest vectors the runtime accelerates, for about a second; the best of five runs is the peak. Reported
    /// beside the trainer's figures so they read as a share of what this machine can do, not of a datasheet.
    /// </summary>
    public static class FmaPeak
    {
        public static void Run()
        {
            int threads = Environment.ProcessorCount;
            int width = Vector512.IsHardwareAccelerated ? 16 : Vector256.IsHardwareAccelerated ? 8 : Vector128.IsHardwareAccelerated ? 4 : 1;
            double best = 0;
            for (int run = 0; run < 5; run++)
            {
                const long iterations = 40_000_000;
                var workers = new Thread[threads];
                var stopwatch = Stopwatch.StartNew();
                for (int t = 0; t < threads; t++)
                {
                    workers[t] = new Thread(() => Sink = width == 16 ? Chains512(iterations / 2) : Chains256(iterations));
                    workers[t].Start();
                }

                foreach (Thread worker in workers)
                {
                    worker.Join();
                }

                double seconds = stopwatch.Elapsed.TotalSeconds;
                long flops = (long)threads * (width == 16 ? iterations / 2 * 16 : iterations * 8) * 12 * 2;
                best = Math.Max(best, flops / seconds / 1e9);
            }

            Console.WriteLine("fp32 FMA peak: " + best.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " GFLOP/s on " + threads + " threads, "
                + (width * 32) + "-bit vectors (" + System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture + ", " + (System.Runtime.Intrinsics.X86.Fma.IsSupported ? "FMA" : "no x86 FMA") + ")");

            // The eight products of one 784→256→256→10 step at batch 128 (GemmBenchmarks' shapes), best of five 1 s runs.
            var products = new GemmBenchmarks();
            products.Setup();
            double flopsPerStep = 2.0 * (256 * 784 * 128 + 256 * 256 * 128 + 10 * 256 * 128 + 256 * 128 * 784 + 256 * 128 * 256 + 10 * 128 * 256 + 256 * 256 * 128 + 256 * 10 * 128);
            double bestProducts = 0;
            for (int run = 0; run < 6; run++)
            {
                var stopwatch = Stopwatch.StartNew();
                int steps = 0;
                while (stopwatch.Elapsed.TotalSeconds < 1)
                {
                    products.ProductsOfOneStep();
                    steps++;
                }

                if (run > 0)
                {
                    bestProducts = Math.Max(bestProducts, steps * flopsPerStep / stopwatch.Elapsed.TotalSeconds / 1e9);
                }
            }

            Console.WriteLine("products of one 784→256→256→10 step: " + bestProducts.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " GFLOP/s = "
                + (100 * bestProducts / best).ToString("F0", System.Globalization.CultureInfo.InvariantCulture) + "% of the peak (kernels: " + ScheduleDsl.Training.Kernels.Simd.Describe() + ")");

            foreach ((int m, int k, int n, double gflops) in products.EachProduct(0.3))
            {
                Console.WriteLine("  " + m + "×" + k + " · " + k + "×" + n + ": " + gflops.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " GFLOP/s = "
                    + (100 * gflops / best).ToString("F0", System.Globalization.CultureInfo.InvariantCulture) + "%");
            }

            // The whole step (gather, forward, loss, backward, update) of the same network with SGD-momentum, 1.21 MFLOP per sample.
            var trainer = new TrainerBenchmarks();
            trainer.Setup();
            double bestStep = double.MaxValue;
            for (int run = 0; run < 6; run++)
            {
                var stopwatch = Stopwatch.StartNew();
                int steps = 0;
                while (stopwatch.Elapsed.TotalSeconds < 1)
                {
                    trainer.WideStepBatch128SgdMomentum();
                    steps++;
                }

                if (run > 0)
                {
                    bestStep = Math.Min(bestStep, stopwatch.Elapsed.TotalSeconds / steps);
                }
            }

            double stepFlops = 128 * 2.0 * 605_696 / bestStep / 1e9;
            Console.WriteLine("whole 784→256→256→10 SGD-momentum step: " + (bestStep * 1e6).ToString("F0", System.Globalization.CultureInfo.InvariantCulture) + " µs = "
                + stepFlops.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " GFLOP/s = " + (100 * stepFlops / best).ToString("F0", System.Globalization.CultureInfo.InvariantCulture) + "% of the peak; products alone "
                + (flopsPerStep / bestProducts / 1e3).ToString("F0", System.Globalization.CultureInfo.InvariantCulture) + " µs");
        }

        public static float Sink { get; private set; }

        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        private static float Chains256(long iterations)
        {
            Vector256<float> m = Vector256.Create(0.999999f), a = Vector256.Create(1e-7f);
            Vector256<float> c0 = Vector256.Create(1f), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0;
            for (long i = 0; i < iterations; i++)
            {
                c0 = Vector256.FusedMultiplyAdd(c0, m, a); c1 = Vector256.FusedMultiplyAdd(c1, m, a); c2 = Vector256.FusedMultiplyAdd(c2, m, a);
                c3 = Vector256.FusedMultiplyAdd(c3, m, a); c4 = Vector256.FusedMultiplyAdd(c4, m, a); c5 = Vector256.FusedMultiplyAdd(c5, m, a);
                c6 = Vector256.FusedMultiplyAdd(c6, m, a); c7 = Vector256.FusedMultiplyAdd(c7, m, a); c8 = Vector256.FusedMultiplyAdd(c8, m, a);
                c9 = Vector256.FusedMultiplyAdd(c9, m, a); c10 = Vector256.FusedMultiplyAdd(c10, m, a); c11 = Vector256.FusedMultiplyAdd(c11, m, a);
            }

            return Vector256.Sum(c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11);
        }

        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        private static float Chains512(long iterations)
        {
            Vector512<float> m = Vector512.Create(0.999999f), a = Vector512.Create(1e-7f);
            Vector512<float> c0 = Vector512.Create(1f), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0;
            for (long i = 0; i < iterations; i++)
            {
                c0 = Vector512.FusedMultiplyAdd(c0, m, a); c1 = Vector512.FusedMultiplyAdd(c1, m, a); c2 = Vector512.FusedMultiplyAdd(c2, m, a);
                c3 = Vector512.FusedMultiplyAdd(c3, m, a); c4 = Vector512.FusedMultiplyAdd(c4, m, a); c5 = Vector512.FusedMultiplyAdd(c5, m, a);
                c6 = Vector512.FusedMultiplyAdd(c6, m, a); c7 = Vector512.FusedMultiplyAdd(c7, m, a); c8 = Vector512.FusedMultiplyAdd(c8, m, a);
                c9 = Vector512.FusedMultiplyAdd(c9, m, a); c10 = Vector512.FusedMultiplyAdd(c10, m, a); c11 = Vector512.FusedMultiplyAdd(c11, m, a);
            }

            return Vector512.Sum(c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11);
        }
    }
}
