using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ScheduleDsl.Training.Kernels
{
    /// <summary>
    /// The product for large matrices: each depth block of B is first copied into panels of 2·W columns laid out one
    /// depth row after another, so the 6×(2·W) register tile reads B as one sequential stream (a strided walk down B's
    /// rows is what held the unpacked tiles to about half of the machine's peak on 128- to 784-wide products). Workers
    /// split the columns, so each packs only the panels it uses; rows past the last full six-row tile and columns past the
    /// last full panel are computed by <see cref="GemmTiles"/> from B itself. Every element of C is the same chain of
    /// fused multiply-adds, in the same order, as in the unpacked tiles, so the two give identical bits.
    /// </summary>
    internal static unsafe class PackedGemm
    {
        /// <summary>Columns packed at once per worker: 256 deep × 128 wide is 128 KB, which stays in a core's L2.</summary>
        private const int ChunkColumns = 128;

        [ThreadStatic]
        private static float[]? s_panels;

        /// <summary>Columns per panel: two vectors of the tile's width.</summary>
        public static int PanelWidth(GemmTile tile) => tile == GemmTile.Vector512 ? 32 : 2 * Vector<float>.Count;

        /// <summary>Whether a product this size is worth packing: at least two row tiles and one full panel.</summary>
        public static bool Applies(GemmTile tile, int m, int k, int n) =>
            tile != GemmTile.Unpacked && m >= 2 * GemmTiles.RowsPerTile && n >= PanelWidth(tile) && (long)m * k * n >= 1 << 18;

        /// <summary>
        /// Computes columns <paramref name="columnStart"/> to <paramref name="columnEnd"/> of <paramref name="m"/> rows of
        /// C (the start a multiple of the panel width); C must already hold its starting values.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void Columns(GemmTile tile, float* a, float* b, float* c, int m, int k, int n, int columnStart, int columnEnd)
        {
            int panelWidth = PanelWidth(tile);
            int fullEnd = columnStart + (columnEnd - columnStart) / panelWidth * panelWidth;
            float* panels = Panels();
            for (int k0 = 0; k0 < k; k0 += GemmTiles.DepthBlock)
            {
                int depth = Math.Min(GemmTiles.DepthBlock, k - k0);
                float* bBlock = b + (long)k0 * n;
                float* aBlock = a + k0;
                for (int j0 = columnStart; j0 < fullEnd; j0 += ChunkColumns)
                {
                    int chunk = Math.Min(ChunkColumns, fullEnd - j0);
                    Pack(bBlock, n, j0, chunk, depth, panelWidth, panels);
                    int i = 0;
                    for (; i + GemmTiles.RowsPerTile <= m; i += GemmTiles.RowsPerTile)
                    {
                        float* aRows = aBlock + (long)i * k;
                        float* cRows = c + (long)i * n + j0;
                        if (tile == GemmTile.Vector512)
                        {
                            for (int q = 0; q < chunk; q += panelWidth)
                            {
                                Tile512(aRows, k, panels + (long)q * depth, cRows + q, n, depth);
                            }
                        }
                        else
                        {
                            for (int q = 0; q < chunk; q += panelWidth)
                            {
                                Tile(aRows, k, panels + (long)q * depth, cRows + q, n, depth);
                            }
                        }
                    }

                    GemmTiles.LastRows(aBlock, k, bBlock, n, c, depth, i, m, j0, j0 + chunk);
                }

                if (fullEnd < columnEnd)
                {
                    GemmTiles.ColumnsFrom(aBlock, k, bBlock, n, c, depth, 0, m, fullEnd, columnEnd);
                }
            }
        }

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

        /// <summary>Six rows by one panel of C: twelve accumulators, each depth step one sequential read of the panel and six broadcasts of A.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Tile(float* a, int lda, float* panel, float* c, int ldc, int depth)
        {
            int w = Vector<float>.Count;
            float* c0 = c;
            float* c1 = c0 + ldc;
            float* c2 = c1 + ldc;
            float* c3 = c2 + ldc;
            float* c4 = c3 + ldc;
            float* c5 = c4 + ldc;
            Vector<float> r00 = Load(c0), r01 = Load(c0 + w);
            Vector<float> r10 = Load(c1), r11 = Load(c1 + w);
            Vector<float> r20 = Load(c2), r21 = Load(c2 + w);
            Vector<float> r30 = Load(c3), r31 = Load(c3 + w);
            Vector<float> r40 = Load(c4), r41 = Load(c4 + w);
            Vector<float> r50 = Load(c5), r51 = Load(c5 + w);
            float* a0 = a, a1 = a + lda, a2 = a1 + lda, a3 = a2 + lda, a4 = a3 + lda, a5 = a4 + lda;
            float* bp = panel;
            for (int p = 0; p < depth; p++, bp += 2 * w)
            {
                Vector<float> b0 = Load(bp);
                Vector<float> b1 = Load(bp + w);
                Vector<float> x = new Vector<float>(a0[p]);
                r00 = Fused.MultiplyAdd(x, b0, r00);
                r01 = Fused.MultiplyAdd(x, b1, r01);
                x = new Vector<float>(a1[p]);
                r10 = Fused.MultiplyAdd(x, b0, r10);
                r11 = Fused.MultiplyAdd(x, b1, r11);
                x = new Vector<float>(a2[p]);
                r20 = Fused.MultiplyAdd(x, b0, r20);
                r21 = Fused.MultiplyAdd(x, b1, r21);
                x = new Vector<float>(a3[p]);
                r30 = Fused.MultiplyAdd(x, b0, r30);
                r31 = Fused.MultiplyAdd(x, b1, r31);
                x = new Vector<float>(a4[p]);
                r40 = Fused.MultiplyAdd(x, b0, r40);
                r41 = Fused.MultiplyAdd(x, b1, r41);
                x = new Vector<float>(a5[p]);
                r50 = Fused.MultiplyAdd(x, b0, r50);
                r51 = Fused.MultiplyAdd(x, b1, r51);
            }

            Store(r00, c0); Store(r01, c0 + w);
            Store(r10, c1); Store(r11, c1 + w);
            Store(r20, c2); Store(r21, c2 + w);
            Store(r30, c3); Store(r31, c3 + w);
            Store(r40, c4); Store(r41, c4 + w);
            Store(r50, c5); Store(r51, c5 + w);
        }

        /// <summary>The same tile with 512-bit vectors (six rows by 32 columns), for processors that have them.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Tile512(float* a, int lda, float* panel, float* c, int ldc, int depth)
        {
            float* c0 = c;
            float* c1 = c0 + ldc;
            float* c2 = c1 + ldc;
            float* c3 = c2 + ldc;
            float* c4 = c3 + ldc;
            float* c5 = c4 + ldc;
            Vector512<float> r00 = Vector512.Load(c0), r01 = Vector512.Load(c0 + 16);
            Vector512<float> r10 = Vector512.Load(c1), r11 = Vector512.Load(c1 + 16);
            Vector512<float> r20 = Vector512.Load(c2), r21 = Vector512.Load(c2 + 16);
            Vector512<float> r30 = Vector512.Load(c3), r31 = Vector512.Load(c3 + 16);
            Vector512<float> r40 = Vector512.Load(c4), r41 = Vector512.Load(c4 + 16);
            Vector512<float> r50 = Vector512.Load(c5), r51 = Vector512.Load(c5 + 16);
            float* a0 = a, a1 = a + lda, a2 = a1 + lda, a3 = a2 + lda, a4 = a3 + lda, a5 = a4 + lda;
            float* bp = panel;
            for (int p = 0; p < depth; p++, bp += 32)
            {
                Vector512<float> b0 = Vector512.Load(bp);
                Vector512<float> b1 = Vector512.Load(bp + 16);
                Vector512<float> x = Vector512.Create(a0[p]);
                r00 = Fused.MultiplyAdd(x, b0, r00);
                r01 = Fused.MultiplyAdd(x, b1, r01);
                x = Vector512.Create(a1[p]);
                r10 = Fused.MultiplyAdd(x, b0, r10);
                r11 = Fused.MultiplyAdd(x, b1, r11);
                x = Vector512.Create(a2[p]);
                r20 = Fused.MultiplyAdd(x, b0, r20);
                r21 = Fused.MultiplyAdd(x, b1, r21);
                x = Vector512.Create(a3[p]);
                r30 = Fused.MultiplyAdd(x, b0, r30);
                r31 = Fused.MultiplyAdd(x, b1, r31);
                x = Vector512.Create(a4[p]);
                r40 = Fused.MultiplyAdd(x, b0, r40);
                r41 = Fused.MultiplyAdd(x, b1, r41);
                x = Vector512.Create(a5[p]);
                r50 = Fused.MultiplyAdd(x, b0, r50);
                r51 = Fused.MultiplyAdd(x, b1, r51);
            }

            r00.Store(c0); r01.Store(c0 + 16);
            r10.Store(c1); r11.Store(c1 + 16);
            r20.Store(c2); r21.Store(c2 + 16);
            r30.Store(c3); r31.Store(c3 + 16);
            r40.Store(c4); r41.Store(c4 + 16);
            r50.Store(c5); r51.Store(c5 + 16);
        }

        /// <summary>
        /// This thread's panel buffer, allocated once per thread (pinned, so its address holds) and aligned to 64 bytes so
        /// no vector load of a panel straddles a cache line.
        /// </summary>
        private static float* Panels()
        {
            float[] buffer = s_panels ??= GC.AllocateUninitializedArray<float>(GemmTiles.DepthBlock * ChunkColumns + 16, pinned: true);
            float* start = (float*)Unsafe.AsPointer(ref buffer[0]);
            return (float*)(((nint)start + 63) & ~(nint)63);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<float> Load(float* p) => Unsafe.ReadUnaligned<Vector<float>>(p);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Store(Vector<float> v, float* p) => Unsafe.WriteUnaligned(p, v);
    }
}
