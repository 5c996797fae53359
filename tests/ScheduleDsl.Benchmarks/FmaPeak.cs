using System;
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Threading;

namespace ScheduleDsl.Benchmarks
{
    /// <summary>
    /// This machine's own fp32 multiply-add peak: every core runs twelve independent chains of fused multiply-adds on
    /// the widest vectors the runtime accelerates. Reported beside the products and the whole training step, measured in
    /// the same rounds, so they read as a share of what this machine can do, not of a datasheet.
    /// </summary>
    public static class FmaPeak
    {
        public static void Run()
        {
            // The machine is shared: a neighbour can halve any one measurement. So the peak, the products and the whole step
            // are measured in turns, eight rounds of each, and each keeps its best round: all three see the same quiet moments.
            int threads = Environment.ProcessorCount;
            int width = Vector512.IsHardwareAccelerated ? 16 : Vector256.IsHardwareAccelerated ? 8 : Vector128.IsHardwareAccelerated ? 4 : 1;
            var products = new GemmBenchmarks();
            products.Setup();
            double flopsPerStep = 2.0 * (256 * 784 * 128 + 256 * 256 * 128 + 10 * 256 * 128 + 256 * 128 * 784 + 256 * 128 * 256 + 10 * 128 * 256 + 256 * 256 * 128 + 256 * 10 * 128);
            var trainer = new TrainerBenchmarks();
            trainer.Setup();
            double peak = 0, bestProducts = 0, bestStep = double.MaxValue;
            for (int round = 0; round < 9; round++)
            {
                double roundPeak = Peak(threads, width);
                double roundProducts = steps(products.ProductsOfOneStep) * flopsPerStep / 1e9;
                double roundStep = 1 / steps(() => trainer.WideStepBatch128SgdMomentum());
                if (round > 0)
                {
                    peak = Math.Max(peak, roundPeak);
                    bestProducts = Math.Max(bestProducts, roundProducts);
                    bestStep = Math.Min(bestStep, roundStep);
                }
            }

            Console.WriteLine("fp32 FMA peak: " + F(peak) + " GFLOP/s on " + threads + " threads, "
                + (width * 32) + "-bit vectors (" + System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture + ", " + (System.Runtime.Intrinsics.X86.Fma.IsSupported ? "FMA" : "no x86 FMA") + "), best of 8 rounds");
            Console.WriteLine("products of one 784→256→256→10 step: " + F(bestProducts) + " GFLOP/s = " + Percent(bestProducts, peak) + " of the peak (kernels: "
                + ScheduleDsl.Training.Kernels.Simd.Describe() + ", tile " + ScheduleDsl.Training.Kernels.GemmTileChoice.Current + ")");
            foreach ((int m, int k, int n, double gflops) in products.EachProduct(0.3))
            {
                Console.WriteLine("  " + m + "×" + k + " · " + k + "×" + n + ": " + F(gflops) + " GFLOP/s = " + Percent(gflops, peak));
            }

            // The whole step (gather, forward, loss, backward, update) with SGD-momentum: 1.21 MFLOP per sample.
            double stepFlops = 128 * 2.0 * 605_696 / bestStep / 1e9;
            Console.WriteLine("whole 784→256→256→10 SGD-momentum step: " + (bestStep * 1e6).ToString("F0", CultureInfo.InvariantCulture) + " µs = "
                + F(stepFlops) + " GFLOP/s = " + Percent(stepFlops, peak) + " of the peak; products alone "
                + (flopsPerStep / bestProducts / 1e3).ToString("F0", CultureInfo.InvariantCulture) + " µs");

            static double steps(Action step)
            {
                var stopwatch = Stopwatch.StartNew();
                int count = 0;
                while (stopwatch.Elapsed.TotalSeconds < 0.4)
                {
                    step();
                    count++;
                }

                return count / stopwatch.Elapsed.TotalSeconds;
            }
        }

        /// <summary>Every core runs twelve independent FMA chains for about 0.4 s; GFLOP/s.</summary>
        private static double Peak(int threads, int width)
        {
            const long iterations = 16_000_000;
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
            return flops / seconds / 1e9;
        }

        private static string F(double value) => value.ToString("F1", CultureInfo.InvariantCulture);

        private static string Percent(double part, double whole) => (100 * part / whole).ToString("F0", CultureInfo.InvariantCulture) + "%";

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
