using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace ScheduleDsl.Training.Kernels
{
    /// <summary>
    /// The product for large matrices: each depth block of B is first copied into panels of 2·W columns laid out one
    /// depth row after another, so the register tile (6×(2·W), or 8×32 with 512-bit vectors) reads B as one sequential
    /// stream (a strided walk down B's rows is what held the unpacked tiles to about half of the machine's peak on 128- to
    /// 784-wide products). Workers
    /// split the columns, so each packs only the panels it uses; columns past the last full panel are computed by
    /// <see cref="GemmTiles"/> from B itself. Every element of C is one chain of fused multiply-adds over the depth, in
    /// order, whichever tile runs (<see cref="PackedTiles"/>), so the tile chosen at start-up never changes a result.
    /// </summary>
    internal static unsafe class PackedGemm
    {
        /// <summary>Columns packed at once per worker: with a block up to 320 deep, at most 160 KB, which stays in a core's L2.</summary>
        private const int ChunkColumns = 128;

        [ThreadStatic]
        private static float[]? s_panels;

        /// <summary>Columns per panel: two vectors of the tile's width.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static int PanelWidth(GemmTile tile) => tile == GemmTile.Vector512 ? 32 : 2 * Vector<float>.Count;

        /// <summary>The deepest block packed at once (see <see cref="ChunkColumns"/>).</summary>
        private const int MaxDepthBlock = 320;

        /// <summary>
        /// Depth rows per packed block: the depth cut into as few blocks of at most <see cref="MaxDepthBlock"/> as it takes,
        /// as equal as multiples of eight allow — 784 runs as 264 + 264 + 256 instead of 256 + 256 + 256 + 16, whose last
        /// block loaded and stored every tile of C for sixteen multiply-adds (<c>--peak</c>: the 784→256→256→10 step about 5%
        /// faster). Blocks only cut each element's chain of multiply-adds where C is stored and loaded again, so they never
        /// change a result.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal static int DepthBlock(int k)
        {
            int blocks = (k + MaxDepthBlock - 1) / MaxDepthBlock;
            int depth = (k + blocks - 1) / blocks;
            return (depth + 7) & ~7;
        }

        /// <summary>Below this many multiply-adds packing costs more than it saves.</summary>
        public const long Threshold = 1 << 18;

        /// <summary>
        /// Whether a product this size is worth packing: a full row tile, a full <see cref="GemmTile.VectorT"/> panel and
        /// enough work. The same for both packed tiles, so that the choice between them never changes which columns are packed.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static bool Applies(GemmTile tile, int m, int k, int n) =>
            tile != GemmTile.Unpacked && m >= GemmTiles.RowsPerTile && n >= PanelWidth(GemmTile.VectorT) && (long)m * k * n >= Threshold;

        /// <summary>
        /// Computes columns <paramref name="columnStart"/> to <paramref name="columnEnd"/> of <paramref name="m"/> rows of
        /// C (the start a multiple of the panel width), onto C's values when <paramref name="accumulate"/>, else onto zero
        /// (the columns past the last full panel, which the unpacked tiles compute, must then hold zeros already).
        /// With <paramref name="bTransposed"/>, <paramref name="b"/> holds Bᵀ (<c>[n, k]</c>, row-major) and is transposed
        /// while it is packed; the columns must then all fall in full panels (<see cref="CoversTransposed"/>).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void Columns(GemmTile tile, float* a, float* b, float* c, int m, int k, int n, int columnStart, int columnEnd, bool accumulate, bool bTransposed = false)
        {
            // The wide tile leaves to the narrow one the columns the narrow one would pack past the last wide panel, and so
            // to the unpacked tiles exactly the columns they compute under the narrow tile: the same bits either way.
            if (tile == GemmTile.Vector512 && PanelWidth(GemmTile.VectorT) < PanelWidth(tile))
            {
                int wideEnd = FullPanelsEnd(tile, columnStart, columnEnd);
                if (columnEnd - wideEnd >= PanelWidth(GemmTile.VectorT))
                {
                    if (wideEnd > columnStart)
                    {
                        Columns(tile, a, b, c, m, k, n, columnStart, wideEnd, accumulate, bTransposed);
                    }

                    Columns(GemmTile.VectorT, a, b, c, m, k, n, wideEnd, columnEnd, accumulate, bTransposed);
                    return;
                }
            }

            int panelWidth = PanelWidth(tile);
            int fullEnd = FullPanelsEnd(tile, columnStart, columnEnd);
            int tileRows = RowsPerTile(tile);
            int fullRows = m / tileRows * tileRows;
            if (bTransposed && fullEnd < columnEnd)
            {
                throw new InvalidOperationException("A transposed B is packed only for columns in full panels.");
            }

            float* panels = Panels();
            int depthBlock = DepthBlock(k);
            for (int k0 = 0; k0 < k; k0 += depthBlock)
            {
                int depth = Math.Min(depthBlock, k - k0);
                bool load = accumulate || k0 > 0;
                float* bBlock = bTransposed ? b + k0 : b + (long)k0 * n;
                float* aBlock = a + k0;
                for (int j0 = columnStart; j0 < fullEnd; j0 += ChunkColumns)
                {
                    int chunk = Math.Min(ChunkColumns, fullEnd - j0);
                    if (bTransposed)
                    {
                        PackTransposed(bBlock, k, j0, chunk, depth, panelWidth, panels);
                    }
                    else
                    {
                        Pack(bBlock, n, j0, chunk, depth, panelWidth, panels);
                    }
                    for (int i = 0; i < fullRows; i += tileRows)
                    {
                        float* aRows = aBlock + (long)i * k;
                        float* cRows = c + (long)i * n + j0;
                        if (tile == GemmTile.Vector512)
                        {
                            for (int q = 0; q < chunk; q += panelWidth)
                            {
                                PackedTiles.Rows8Wide(aRows, k, panels + (long)q * depth, cRows + q, n, depth, load);
                            }
                        }
                        else
                        {
                            for (int q = 0; q < chunk; q += panelWidth)
                            {
                                PackedTiles.Rows6(aRows, k, panels + (long)q * depth, cRows + q, n, depth, load);
                            }
                        }
                    }

                    int done = fullRows;
                    if (tile == GemmTile.Vector512 && m - done >= 6)
                    {
                        for (int q = 0; q < chunk; q += panelWidth)
                        {
                            PackedTiles.Rows6Wide(aBlock + (long)done * k, k, panels + (long)q * depth, c + (long)done * n + j0 + q, n, depth, load);
                        }

                        done += 6;
                    }

                    if (done < m)
                    {
                        for (int q = 0; q < chunk; q += panelWidth)
                        {
                            PackedTiles.LastRows(aBlock + (long)done * k, k, panels + (long)q * depth, panelWidth, c + (long)done * n + j0 + q, n, depth, m - done, load);
                        }
                    }
                }

                if (fullEnd < columnEnd)
                {
                    GemmTiles.ColumnsFrom(aBlock, k, bBlock, n, c, depth, 0, m, fullEnd, columnEnd);
                }
            }
        }

        /// <summary>Rows of C per register tile: eight for the 512-bit tile, six for the others.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int RowsPerTile(GemmTile tile) => tile == GemmTile.Vector512 ? 8 : GemmTiles.RowsPerTile;

        /// <summary>The end of the full panels between two columns, the start a multiple of the panel width.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static int FullPanelsEnd(GemmTile tile, int columnStart, int columnEnd) =>
            columnStart + (columnEnd - columnStart) / PanelWidth(tile) * PanelWidth(tile);

        /// <summary>
        /// Copies columns <paramref name="j0"/> to <paramref name="j0"/> + <paramref name="columns"/> of a depth block of B
        /// into panels: panel q holds depth rows of <paramref name="panelWidth"/> floats, one after another.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Pack(float* b, int n, int j0, int columns, int depth, int panelWidth, float* panels)
        {
            int w = Vector<float>.Count;
            for (int q = 0; q < columns; q += panelWidth)
            {
                float* source = b + j0 + q;
                float* target = panels + (long)q * depth;
                for (int p = 0; p < depth; p++, source += n, target += panelWidth)
                {
                    for (int x = 0; x < panelWidth; x += w)
                    {
                        Store(Load(source + x), target + x);
                    }
                }
            }
        }

        /// <summary>
        /// Whether a product with Bᵀ given can be packed straight from it: it is packed (<see cref="Applies"/>) and its
        /// columns fill whole panels of the narrow tile, so no column is left to the unpacked tiles, which read B itself.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool CoversTransposed(GemmTile tile, int m, int k, int n) =>
            Applies(tile, m, k, n) && n % PanelWidth(GemmTile.VectorT) == 0;

        /// <summary>
        /// <see cref="Pack"/> from Bᵀ (<paramref name="bt"/> at the block's first depth, rows <paramref name="ldbt"/>
        /// apart): panel q's depth row p is Bᵀ's column p of the panel's rows, moved in 8×8 blocks through registers.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void PackTransposed(float* bt, int ldbt, int j0, int columns, int depth, int panelWidth, float* panels)
        {
            bool blocks = Transpose.HasBlocks;
            for (int q = 0; q < columns; q += panelWidth)
            {
                float* target = panels + (long)q * depth;
                for (int x = 0; x < panelWidth; x += 8)
                {
                    float* source = bt + (long)(j0 + q + x) * ldbt;
                    int p = 0;
                    if (blocks)
                    {
                        for (; p + 8 <= depth; p += 8)
                        {
                            Transpose.Block8(source + p, ldbt, target + (long)p * panelWidth + x, panelWidth);
                        }
                    }

                    for (; p < depth; p++)
                    {
                        for (int r = 0; r < 8; r++)
                        {
                            target[(long)p * panelWidth + x + r] = source[(long)r * ldbt + p];
                        }
                    }
                }
            }
        }

        /// <summary>
        /// This thread's panel buffer, allocated once per thread (pinned, so its address holds) and aligned to 64 bytes so
        /// no vector load of a panel straddles a cache line.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static float* Panels()
        {
            float[] buffer = s_panels ??= GC.AllocateUninitializedArray<float>(MaxDepthBlock * ChunkColumns + 16, pinned: true);
            float* start = (float*)Unsafe.AsPointer(ref buffer[0]);
            return (float*)(((nint)start + 63) & ~(nint)63);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<float> Load(float* p) => Unsafe.ReadUnaligned<Vector<float>>(p);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Store(Vector<float> v, float* p) => Unsafe.WriteUnaligned(p, v);
    }
}
