using System;
using System.Runtime.CompilerServices;

namespace ScheduleDsl.Training.Kernels
{
    /// <summary>
    /// Single-precision matrix multiply <c>C[m×n] (+)= A[m×k] · B[k×n]</c>, all row-major: large products through packed
    /// panels of B (<see cref="PackedGemm"/>, split by columns across the worker pool), the rest with the tiles reading B
    /// where it lies (<see cref="GemmTiles"/>, split by rows when large enough). Which tile the packed path uses is
    /// chosen once per process (<see cref="GemmTileChoice"/>).
    /// </summary>
    internal static unsafe class Gemm
    {
        /// <summary>Below this many multiply-adds a product runs on the calling thread alone.</summary>
        private const long ParallelThreshold = 1 << 20;

        /// <summary>Packed products at least this deep split across the workers.</summary>
        private const int MinimumSplitDepth = 64;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, bool accumulate)
        {
            if (a.Length < m * k || b.Length < k * n || c.Length < m * n)
            {
                throw new ArgumentException("The spans are smaller than the matrix sizes.");
            }

            GemmTile tile = GemmTileChoice.Current;
            fixed (float* pa = a)
            fixed (float* pb = b)
            fixed (float* pc = c)
            {
                if (PackedGemm.Applies(tile, m, k, n))
                {
                    RunPacked(new PackedJob(tile, pa, pb, pc, m, k, n, accumulate, bTransposed: false), k, n);
                }
                else if ((long)m * k * n >= ParallelThreshold && m >= 2 * GemmTiles.RowsPerTile && WorkerPool.Shared.Workers > 1)
                {
                    var job = new RowsJob(pa, pb, pc, m, k, n, accumulate);
                    WorkerPool.Shared.Run(ref job, m);
                }
                else
                {
                    GemmTiles.Rows(pa, pb, pc, k, n, accumulate, 0, m);
                }
            }
        }

        /// <summary>
        /// <c>C[m×n] (+)= A[m×k] · B</c> given <paramref name="bTransposed"/> = Bᵀ (<c>[n×k]</c>): packed straight from Bᵀ when
        /// the product is packed and its columns fill whole panels, else transposed into <paramref name="scratch"/> and
        /// multiplied as usual. The same bits either way (the panels hold the same values).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void MultiplyByTransposed(ReadOnlySpan<float> a, ReadOnlySpan<float> bTransposed, Span<float> c, int m, int k, int n, bool accumulate, Span<float> scratch)
        {
            if (a.Length < m * k || bTransposed.Length < k * n || c.Length < m * n)
            {
                throw new ArgumentException("The spans are smaller than the matrix sizes.");
            }

            GemmTile tile = GemmTileChoice.Current;
            if (!PackedGemm.CoversTransposed(tile, m, k, n))
            {
                Transpose.Run(bTransposed, scratch, n, k);
                Multiply(a, scratch, c, m, k, n, accumulate);
                return;
            }

            fixed (float* pa = a)
            fixed (float* pb = bTransposed)
            fixed (float* pc = c)
            {
                RunPacked(new PackedJob(tile, pa, pb, pc, m, k, n, accumulate, bTransposed: true), k, n);
            }
        }

        /// <summary>A packed product, split by columns when it is deep and wide enough.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void RunPacked(PackedJob job, int k, int n)
        {
            // Split by columns, each worker packing its own panels: worth it for any product worth packing unless it is
            // shallow, where the workers' shared cache line at each row's split costs more than the second core gives.
            if (WorkerPool.Shared.Workers > 1 && k >= MinimumSplitDepth && n / PackedGemm.PanelWidth(job.Tile) >= WorkerPool.Shared.Workers)
            {
                WorkerPool.Shared.Run(ref job, WorkerPool.Shared.Workers);
            }
            else
            {
                job.Execute(0, 1);
            }
        }

        /// <summary>A product split by rows across the worker pool, unpacked.</summary>
        private readonly struct RowsJob : IWorkerJob
        {
            private readonly float* _a;
            private readonly float* _b;
            private readonly float* _c;
            private readonly int _k;
            private readonly int _n;
            private readonly bool _accumulate;
            private readonly int _m;

            public RowsJob(float* a, float* b, float* c, int m, int k, int n, bool accumulate)
            {
                _a = a;
                _b = b;
                _c = c;
                _m = m;
                _k = k;
                _n = n;
                _accumulate = accumulate;
            }

            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            public void Execute(int part, int parts)
            {
                // Split on tile boundaries so every worker runs full 6-row tiles.
                int tiles = (_m + GemmTiles.RowsPerTile - 1) / GemmTiles.RowsPerTile;
                int start = Math.Min(_m, tiles * part / parts * GemmTiles.RowsPerTile);
                int end = part == parts - 1 ? _m : Math.Min(_m, tiles * (part + 1) / parts * GemmTiles.RowsPerTile);
                if (end > start)
                {
                    GemmTiles.Rows(_a, _b, _c, _k, _n, _accumulate, start, end);
                }
            }
        }

        /// <summary>
        /// A packed product split by columns, on panel boundaries, so each worker packs only the panels it multiplies; the
        /// last worker also takes the columns past the last full panel.
        /// </summary>
        private readonly struct PackedJob : IWorkerJob
        {
            private readonly GemmTile _tile;
            private readonly float* _a;
            private readonly float* _b;
            private readonly float* _c;
            private readonly int _m;
            private readonly int _k;
            private readonly int _n;
            private readonly bool _accumulate;
            private readonly bool _bTransposed;

            public PackedJob(GemmTile tile, float* a, float* b, float* c, int m, int k, int n, bool accumulate, bool bTransposed)
            {
                _tile = tile;
                _a = a;
                _b = b;
                _c = c;
                _m = m;
                _k = k;
                _n = n;
                _accumulate = accumulate;
                _bTransposed = bTransposed;
            }

            public GemmTile Tile => _tile;

            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            public void Execute(int part, int parts)
            {
                int panelWidth = PackedGemm.PanelWidth(_tile);
                int panels = _n / panelWidth;
                int start = panels * part / parts * panelWidth;
                int end = part == parts - 1 ? _n : panels * (part + 1) / parts * panelWidth;
                if (end <= start)
                {
                    return;
                }

                // The packed tiles start from zero themselves; only the columns the unpacked tiles compute need clearing.
                int fullEnd = PackedGemm.FullPanelsEnd(_tile, start, end);
                if (!_accumulate && fullEnd < end)
                {
                    for (int i = 0; i < _m; i++)
                    {
                        new Span<float>(_c + (long)i * _n + fullEnd, end - fullEnd).Clear();
                    }
                }

                PackedGemm.Columns(_tile, _a, _b, _c, _m, _k, _n, start, end, _accumulate, _bTransposed);
            }
        }
    }
}
