using System;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ScheduleDsl.Training.Kernels
{
    /// <summary>The register tile that large products use; the packed tiles give identical bits (see <see cref="PackedTiles"/>), so the choice made at start-up never changes a result.</summary>
    internal enum GemmTile
    {
        /// <summary>No packing: the tiles read B where it lies (the scalar path, and hardware without SIMD).</summary>
        Unpacked,

        /// <summary>Packed panels, 6 rows × 2 <see cref="Vector{T}"/> (6×16 with AVX2, 6×8 with 128-bit vectors).</summary>
        VectorT,

        /// <summary>Packed panels, 8 rows × 2 <see cref="Vector512{T}"/> (8×32; 6×32 for six or seven last rows).</summary>
        Vector512,
    }

    /// <summary>
    /// Which tile this process uses. Only processors with 512-bit vectors have a choice, and whether the wide tile pays
    /// depends on how they execute it (full-width units on Intel and Zen 5; two 256-bit halves on Zen 4), which no
    /// feature flag says: so the first large product times both tiles on one product of the benchmark network's size
    /// and keeps the faster. <c>SCHEDULEDSL_GEMM_TILE=vector|vector512|unpacked</c> fixes the choice instead; any other
    /// value, or a tile the machine cannot run, makes the first product throw a <see cref="KernelSettingException"/>.
    /// </summary>
    internal static class GemmTileChoice
    {
        private static GemmTile? s_chosen;

        /// <summary>Set by tests to run one tile; null is the process's own choice.</summary>
        internal static GemmTile? Override { [MethodImpl(MethodImplOptions.AggressiveOptimization)] get; set; }

        public static GemmTile Current
        {
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            get
            {
                // Chosen even when the scalar kernels run, so that a bad SCHEDULEDSL_GEMM_TILE is reported there too.
                GemmTile chosen = s_chosen ??= Choose();
                return Simd.IsVectorized ? Override ?? chosen : GemmTile.Unpacked;
            }
        }

        /// <summary>The tiles this machine can run.</summary>
        public static GemmTile[] Available =>
            !Vector.IsHardwareAccelerated ? new[] { GemmTile.Unpacked }
            : Vector512.IsHardwareAccelerated ? new[] { GemmTile.Unpacked, GemmTile.VectorT, GemmTile.Vector512 }
            : new[] { GemmTile.Unpacked, GemmTile.VectorT };

        private static GemmTile Choose()
        {
            bool vectorized = Vector.IsHardwareAccelerated;
            GemmTile? requested = Requested(Environment.GetEnvironmentVariable(Variable), vectorized, Vector512.IsHardwareAccelerated);
            if (requested is GemmTile tile)
            {
                return tile;
            }

            if (!vectorized)
            {
                return GemmTile.Unpacked;
            }

            return Vector512.IsHardwareAccelerated ? Faster(GemmTile.VectorT, GemmTile.Vector512) : GemmTile.VectorT;
        }

        /// <summary>The environment variable that fixes the tile.</summary>
        internal const string Variable = "SCHEDULEDSL_GEMM_TILE";

        /// <summary>
        /// The tile <see cref="Variable"/> asks for; null when it is unset or empty. A value this machine cannot run, or
        /// one that is not a tile, is an error rather than silently replaced by the process's own choice.
        /// </summary>
        internal static GemmTile? Requested(string? value, bool vectorized, bool has512)
        {
            string name = value?.Trim().ToLowerInvariant() ?? "";
            GemmTile? tile = name switch
            {
                "" => null,
                "unpacked" => GemmTile.Unpacked,
                "vector" => GemmTile.VectorT,
                "vector512" => GemmTile.Vector512,
                _ => throw new KernelSettingException(
                    Variable + " is '" + value + "', which is not a tile: use vector, vector512 or unpacked, or unset it to let the process choose."),
            };
            if (tile is GemmTile.VectorT or GemmTile.Vector512 && !vectorized)
            {
                throw new KernelSettingException(Variable + " is '" + value + "', but this process runs without hardware SIMD: use unpacked, or unset it.");
            }

            if (tile == GemmTile.Vector512 && !has512)
            {
                throw new KernelSettingException(Variable + " is '" + value + "', but this processor has no 512-bit vectors (AVX-512): use vector or unpacked, or unset it.");
            }

            return tile;
        }

        /// <summary>
        /// Best of five single-threaded 96×256·256×256 products with each tile (about 5 ms in all). Optimized from its first
        /// call like the kernels it times: its loops filling the matrices otherwise ran unoptimized until the runtime
        /// replaced them mid-loop, a recompile the JIT log showed in every process that chose a tile (on an AMD Zen 5).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static unsafe GemmTile Faster(GemmTile first, GemmTile second)
        {
            const int m = 96, k = 256, n = 256;
            var a = new float[m * k];
            var b = new float[k * n];
            var c = new float[m * n];
            for (int i = 0; i < a.Length; i++)
            {
                a[i] = (i % 7) * 0.25f;
            }

            for (int i = 0; i < b.Length; i++)
            {
                b[i] = (i % 5) * 0.5f;
            }

            fixed (float* pa = a)
            fixed (float* pb = b)
            fixed (float* pc = c)
            {
                return Time(second, pa, pb, pc, m, k, n) < Time(first, pa, pb, pc, m, k, n) ? second : first;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static unsafe long Time(GemmTile tile, float* a, float* b, float* c, int m, int k, int n)
        {
            long best = long.MaxValue;
            for (int run = 0; run < 6; run++)
            {
                long start = Stopwatch.GetTimestamp();
                PackedGemm.Columns(tile, a, b, c, m, k, n, 0, n, accumulate: false);
                long elapsed = Stopwatch.GetTimestamp() - start;
                if (run > 0)
                {
                    best = Math.Min(best, elapsed);
                }
            }

            return best;
        }
    }
}
