using System;
using System.Runtime.CompilerServices;

namespace ScheduleDsl.Training.Kernels
{
    /// <summary>
    /// Single-precision matrix multiply <c>C[m×n] (+)= A[m×k] · B[k×n]</c>, all row-major: large products through packed
    /// panels of B (<see cref="PackedGemm"/>, split across the worker pool by rows, or by columns when too short), the
    /// rest with the tiles reading B where it lies (<see cref="GemmTiles"/>, split by rows when large enough). Which tile
    /// the packed path uses is chosen once per process (<see cref="GemmTileChoice"/>).
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

        /// <summary>A packed product, split by rows when it is tall enough, else by columns when it is wide enough.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void RunPacked(PackedJob job, int k, int n)
        {
            // Shallow products stay on one thread: the hand-off costs more than the second core gives. Otherwise split by
            // rows on tile boundaries: each worker reads only its own rows of A (in a step, the rows its own slice of the
            // optimizer update just wrote, still in its cache) and writes rows of C no other worker touches, where a
            // column split has both workers read all of A and share a cache line at each row's split (.NET arrays are
            // not 64-byte aligned). Each worker packs every panel of B itself, which costs less: on 2-vCPU Zen 3 and
            // Intel machines the whole 784→256→256→10 step ran a tenth to a half faster split by rows (docs/performance.md).
            int workers = WorkerPool.Shared.Workers;
            if (SplitsPackedByRows(job.M, k))
            {
                var rows = new PackedRowsJob(job);
                WorkerPool.Shared.Run(ref rows, workers);
            }
            else if (workers > 1 && k >= MinimumSplitDepth && n / PackedGemm.PanelWidth(job.Tile) >= workers)
            {
                WorkerPool.Shared.Run(ref job, workers);
            }
            else
            {
                job.Execute(0, 1);
            }
        }

        /// <summary>Whether a packed product of <paramref name="m"/> rows, <paramref name="k"/> deep, is split by rows across the workers.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static bool SplitsPackedByRows(int m, int k)
        {
            int workers = WorkerPool.Shared.Workers;
            return workers > 1 && k >= MinimumSplitDepth && m >= 2 * GemmTiles.RowsPerTile * workers;
        }

        /// <summary>
        /// Whether <see cref="Multiply"/> of these sizes runs packed and split by rows across the workers, each computing the
        /// rows <see cref="RowsOf"/> gives it: a caller may then run row-wise steps before and after the product in the
        /// same job (<see cref="PackedRows"/>), on the rows each worker's product writes.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static bool SplitsByRows(int m, int k, int n) => SplitsPackedByRows(m, k) && PackedGemm.Applies(GemmTileChoice.Current, m, k, n);

        /// <summary>As <see cref="SplitsByRows"/>, for <see cref="MultiplyByTransposed"/>: packed straight from Bᵀ and split by rows.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static bool SplitsByRowsTransposed(int m, int k, int n) => SplitsPackedByRows(m, k) && PackedGemm.CoversTransposed(GemmTileChoice.Current, m, k, n);

        /// <summary>The rows of an <paramref name="m"/>-row product that part <paramref name="part"/> of <paramref name="parts"/> computes when split by rows.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static (int Start, int End) RowsOf(int m, int part, int parts) => WorkerPool.Share(m, PackedGemm.RowsPerTile(GemmTileChoice.Current), part, parts);

        /// <summary>
        /// Rows <paramref name="start"/> to <paramref name="end"/> of a packed product (<paramref name="a"/> and
        /// <paramref name="c"/> at the matrices' first row), on the calling thread: one worker's part of a product that
        /// <see cref="SplitsByRows"/> or <see cref="SplitsByRowsTransposed"/> said splits by rows.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void PackedRows(float* a, float* b, float* c, int m, int k, int n, bool accumulate, bool bTransposed, int start, int end) =>
            new PackedJob(GemmTileChoice.Current, a, b, c, m, k, n, accumulate, bTransposed).ExecuteRows(start, end);

        /// <summary>A packed product split by rows across the worker pool.</summary>
        private readonly struct PackedRowsJob : IWorkerJob
        {
            private readonly PackedJob _job;

            public PackedRowsJob(PackedJob job) => _job = job;

            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            public void Execute(int part, int parts)
            {
                (int start, int end) = WorkerPool.Share(_job.M, PackedGemm.RowsPerTile(_job.Tile), part, parts);
                _job.ExecuteRows(start, end);
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
                (int start, int end) = WorkerPool.Share(_m, GemmTiles.RowsPerTile, part, parts);
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

            public int M => _m;

            /// <summary>Rows <paramref name="start"/> to <paramref name="end"/> of the product, on the calling thread.</summary>
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            public void ExecuteRows(int start, int end)
            {
                if (end <= start)
                {
                    return;
                }

                int fullEnd = PackedGemm.FullPanelsEnd(_tile, 0, _n);
                if (!_accumulate && fullEnd < _n)
                {
                    for (int i = start; i < end; i++)
                    {
                        new Span<float>(_c + (long)i * _n + fullEnd, _n - fullEnd).Clear();
                    }
                }

                PackedGemm.Columns(_tile, _a + (long)start * _k, _b, _c + (long)start * _n, end - start, _k, _n, 0, _n, _accumulate, _bTransposed);
            }

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
