using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ScheduleDsl.Training.Kernels
{
    /// <summary>
    /// The register tiles of <see cref="Gemm"/> reading B where it lies (row-major, stride n): a 6×(2·W) tile of C stays in
    /// 12 vector registers while k runs, each step one broadcast of A per row and two loads of B feeding 12 fused
    /// multiply-adds; the last columns and rows of a product in narrower forms. Small products run here whole; large
    /// ones go through <see cref="PackedGemm"/>, which uses these for its edges.
    /// </summary>
    internal static unsafe class GemmTiles
    {
        public const int RowsPerTile = 6;

        /// <summary>Depth rows of B per block, so the part of B in use stays in cache.</summary>
        public const int DepthBlock = 256;

        /// <summary>Computes rows <paramref name="rowStart"/> to <paramref name="rowEnd"/> of C.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void Rows(float* a, float* b, float* c, int k, int n, bool accumulate, int rowStart, int rowEnd)
        {
            if (!accumulate)
            {
                new Span<float>(c + (long)rowStart * n, (rowEnd - rowStart) * n).Clear();
            }

            if (!Simd.IsVectorized)
            {
                ScalarRows(a, b, c, k, n, rowStart, rowEnd);
                return;
            }

            for (int k0 = 0; k0 < k; k0 += DepthBlock)
            {
                int depth = Math.Min(DepthBlock, k - k0);
                int i = rowStart;
                for (; i + RowsPerTile <= rowEnd; i += RowsPerTile)
                {
                    int j = Vector512.IsHardwareAccelerated ? Tile6x32(a + (long)i * k + k0, k, b + (long)k0 * n, n, c + (long)i * n, depth) : 0;
                    Tile6(a + (long)i * k + k0, k, b + (long)k0 * n, n, c + (long)i * n, depth, j, n);
                }

                LastRows(a + k0, k, b + (long)k0 * n, n, c, depth, i, rowEnd, 0, n);
            }
        }

        /// <summary>
        /// Six rows of C in 6×32 tiles of 512-bit vectors (twelve accumulators), where the hardware has them; returns the
        /// first column it did not cover.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static int Tile6x32(float* a, int lda, float* b, int n, float* c, int depth)
        {
            int j = 0;
            for (; j + 32 <= n; j += 32)
            {
                float* c0 = c + j;
                float* c1 = c0 + n;
                float* c2 = c1 + n;
                float* c3 = c2 + n;
                float* c4 = c3 + n;
                float* c5 = c4 + n;
                Vector512<float> r00 = Vector512.Load(c0), r01 = Vector512.Load(c0 + 16);
                Vector512<float> r10 = Vector512.Load(c1), r11 = Vector512.Load(c1 + 16);
                Vector512<float> r20 = Vector512.Load(c2), r21 = Vector512.Load(c2 + 16);
                Vector512<float> r30 = Vector512.Load(c3), r31 = Vector512.Load(c3 + 16);
                Vector512<float> r40 = Vector512.Load(c4), r41 = Vector512.Load(c4 + 16);
                Vector512<float> r50 = Vector512.Load(c5), r51 = Vector512.Load(c5 + 16);
                float* bp = b + j;
                float* ap = a;
                for (int p = 0; p < depth; p++, bp += n, ap++)
                {
                    Vector512<float> b0 = Vector512.Load(bp);
                    Vector512<float> b1 = Vector512.Load(bp + 16);
                    Vector512<float> x = Vector512.Create(ap[0]);
                    r00 = Fused.MultiplyAdd(x, b0, r00);
                    r01 = Fused.MultiplyAdd(x, b1, r01);
                    x = Vector512.Create(ap[lda]);
                    r10 = Fused.MultiplyAdd(x, b0, r10);
                    r11 = Fused.MultiplyAdd(x, b1, r11);
                    x = Vector512.Create(ap[2 * lda]);
                    r20 = Fused.MultiplyAdd(x, b0, r20);
                    r21 = Fused.MultiplyAdd(x, b1, r21);
                    x = Vector512.Create(ap[3 * lda]);
                    r30 = Fused.MultiplyAdd(x, b0, r30);
                    r31 = Fused.MultiplyAdd(x, b1, r31);
                    x = Vector512.Create(ap[4 * lda]);
                    r40 = Fused.MultiplyAdd(x, b0, r40);
                    r41 = Fused.MultiplyAdd(x, b1, r41);
                    x = Vector512.Create(ap[5 * lda]);
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

            return j;
        }

        /// <summary>Six rows of C from column <paramref name="j"/> to <paramref name="jEnd"/>: full 2·W-wide tiles, then one vector, then scalars.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Tile6(float* a, int lda, float* b, int n, float* c, int depth, int j, int jEnd)
        {
            int w = Vector<float>.Count;
            for (; j + 2 * w <= jEnd; j += 2 * w)
            {
                float* c0 = c + j;
                float* c1 = c0 + n;
                float* c2 = c1 + n;
                float* c3 = c2 + n;
                float* c4 = c3 + n;
                float* c5 = c4 + n;
                Vector<float> r00 = Load(c0), r01 = Load(c0 + w);
                Vector<float> r10 = Load(c1), r11 = Load(c1 + w);
                Vector<float> r20 = Load(c2), r21 = Load(c2 + w);
                Vector<float> r30 = Load(c3), r31 = Load(c3 + w);
                Vector<float> r40 = Load(c4), r41 = Load(c4 + w);
                Vector<float> r50 = Load(c5), r51 = Load(c5 + w);
                float* bp = b + j;
                float* ap = a;
                for (int p = 0; p < depth; p++, bp += n, ap++)
                {
                    Vector<float> b0 = Load(bp);
                    Vector<float> b1 = Load(bp + w);
                    Vector<float> x = new Vector<float>(ap[0]);
                    r00 = Fused.MultiplyAdd(x, b0, r00);
                    r01 = Fused.MultiplyAdd(x, b1, r01);
                    x = new Vector<float>(ap[lda]);
                    r10 = Fused.MultiplyAdd(x, b0, r10);
                    r11 = Fused.MultiplyAdd(x, b1, r11);
                    x = new Vector<float>(ap[2 * lda]);
                    r20 = Fused.MultiplyAdd(x, b0, r20);
                    r21 = Fused.MultiplyAdd(x, b1, r21);
                    x = new Vector<float>(ap[3 * lda]);
                    r30 = Fused.MultiplyAdd(x, b0, r30);
                    r31 = Fused.MultiplyAdd(x, b1, r31);
                    x = new Vector<float>(ap[4 * lda]);
                    r40 = Fused.MultiplyAdd(x, b0, r40);
                    r41 = Fused.MultiplyAdd(x, b1, r41);
                    x = new Vector<float>(ap[5 * lda]);
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

            Edge6(a, lda, b, n, c, depth, j, jEnd);
        }

        /// <summary>
        /// The last columns of six rows, from <paramref name="j"/> on: one vector, then single columns, with the six rows
        /// sharing each load of B and running as six independent chains — narrow layers are nearly all edge.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Edge6(float* a, int lda, float* b, int n, float* c, int depth, int j, int jEnd)
        {
            int w = Vector<float>.Count;
            float* a0 = a, a1 = a + lda, a2 = a + 2 * lda, a3 = a + 3 * lda, a4 = a + 4 * lda, a5 = a + 5 * lda;
            for (; j + w <= jEnd; j += w)
            {
                float* c0 = c + j;
                Vector<float> s0 = Load(c0), s1 = Load(c0 + n), s2 = Load(c0 + 2 * n), s3 = Load(c0 + 3 * n), s4 = Load(c0 + 4 * n), s5 = Load(c0 + 5 * n);
                float* bp = b + j;
                for (int p = 0; p < depth; p++, bp += n)
                {
                    Vector<float> bv = Load(bp);
                    s0 = Fused.MultiplyAdd(new Vector<float>(a0[p]), bv, s0);
                    s1 = Fused.MultiplyAdd(new Vector<float>(a1[p]), bv, s1);
                    s2 = Fused.MultiplyAdd(new Vector<float>(a2[p]), bv, s2);
                    s3 = Fused.MultiplyAdd(new Vector<float>(a3[p]), bv, s3);
                    s4 = Fused.MultiplyAdd(new Vector<float>(a4[p]), bv, s4);
                    s5 = Fused.MultiplyAdd(new Vector<float>(a5[p]), bv, s5);
                }

                Store(s0, c0); Store(s1, c0 + n); Store(s2, c0 + 2 * n); Store(s3, c0 + 3 * n); Store(s4, c0 + 4 * n); Store(s5, c0 + 5 * n);
            }

            for (; j < jEnd; j++)
            {
                float* c0 = c + j;
                float s0 = c0[0], s1 = c0[n], s2 = c0[2 * n], s3 = c0[3 * n], s4 = c0[4 * n], s5 = c0[5 * n];
                float* bp = b + j;
                for (int p = 0; p < depth; p++, bp += n)
                {
                    float bv = *bp;
                    s0 = MathF.FusedMultiplyAdd(a0[p], bv, s0);
                    s1 = MathF.FusedMultiplyAdd(a1[p], bv, s1);
                    s2 = MathF.FusedMultiplyAdd(a2[p], bv, s2);
                    s3 = MathF.FusedMultiplyAdd(a3[p], bv, s3);
                    s4 = MathF.FusedMultiplyAdd(a4[p], bv, s4);
                    s5 = MathF.FusedMultiplyAdd(a5[p], bv, s5);
                }

                c0[0] = s0; c0[n] = s1; c0[2 * n] = s2; c0[3 * n] = s3; c0[4 * n] = s4; c0[5 * n] = s5;
            }
        }

        /// <summary>Three rows of C (what is left after the six-row tiles of a 9- or 3-row layer): two vectors of columns at a time, then one, then single columns, the rows sharing each load of B.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Rows3(float* a, int lda, float* b, int n, float* c, int depth, int j, int jEnd)
        {
            int w = Vector<float>.Count;
            float* a0 = a, a1 = a + lda, a2 = a + 2 * lda;

            // Two vectors of columns at a time: six independent chains, where three waited on the latency of their
            // multiply-adds (a narrow layer's depth is only 3 to 9). Each element's chain is the same either way.
            for (; j + 2 * w <= jEnd; j += 2 * w)
            {
                float* c0 = c + j;
                Vector<float> s0 = Load(c0), s1 = Load(c0 + n), s2 = Load(c0 + 2 * n);
                Vector<float> t0 = Load(c0 + w), t1 = Load(c0 + n + w), t2 = Load(c0 + 2 * n + w);
                float* bp = b + j;
                for (int p = 0; p < depth; p++, bp += n)
                {
                    Vector<float> bv = Load(bp);
                    Vector<float> bw = Load(bp + w);
                    Vector<float> x0 = new Vector<float>(a0[p]), x1 = new Vector<float>(a1[p]), x2 = new Vector<float>(a2[p]);
                    s0 = Fused.MultiplyAdd(x0, bv, s0);
                    s1 = Fused.MultiplyAdd(x1, bv, s1);
                    s2 = Fused.MultiplyAdd(x2, bv, s2);
                    t0 = Fused.MultiplyAdd(x0, bw, t0);
                    t1 = Fused.MultiplyAdd(x1, bw, t1);
                    t2 = Fused.MultiplyAdd(x2, bw, t2);
                }

                Store(s0, c0); Store(s1, c0 + n); Store(s2, c0 + 2 * n);
                Store(t0, c0 + w); Store(t1, c0 + n + w); Store(t2, c0 + 2 * n + w);
            }

            for (; j + w <= jEnd; j += w)
            {
                float* c0 = c + j;
                Vector<float> s0 = Load(c0), s1 = Load(c0 + n), s2 = Load(c0 + 2 * n);
                float* bp = b + j;
                for (int p = 0; p < depth; p++, bp += n)
                {
                    Vector<float> bv = Load(bp);
                    s0 = Fused.MultiplyAdd(new Vector<float>(a0[p]), bv, s0);
                    s1 = Fused.MultiplyAdd(new Vector<float>(a1[p]), bv, s1);
                    s2 = Fused.MultiplyAdd(new Vector<float>(a2[p]), bv, s2);
                }

                Store(s0, c0); Store(s1, c0 + n); Store(s2, c0 + 2 * n);
            }

            for (; j < jEnd; j++)
            {
                float* c0 = c + j;
                float s0 = c0[0], s1 = c0[n], s2 = c0[2 * n];
                float* bp = b + j;
                for (int p = 0; p < depth; p++, bp += n)
                {
                    float bv = *bp;
                    s0 = MathF.FusedMultiplyAdd(a0[p], bv, s0);
                    s1 = MathF.FusedMultiplyAdd(a1[p], bv, s1);
                    s2 = MathF.FusedMultiplyAdd(a2[p], bv, s2);
                }

                c0[0] = s0; c0[n] = s1; c0[2 * n] = s2;
            }
        }

        /// <summary>
        /// Columns from <paramref name="j"/> on of one row: four vectors at a time, then one, then single columns four at
        /// a time, then one. Each element is one chain of multiply-adds over the depth, in order, as in every other tile, so
        /// which rows of a product fall to this edge (that depends on how the rows are split) never changes a result;
        /// taking several columns at once keeps independent chains in flight instead.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Tail(float* a, float* b, int n, float* c, int depth, int j, int jEnd)
        {
            int w = Vector<float>.Count;
            for (; j + 4 * w <= jEnd; j += 4 * w)
            {
                float* c0 = c + j;
                Vector<float> s0 = Load(c0), s1 = Load(c0 + w), s2 = Load(c0 + 2 * w), s3 = Load(c0 + 3 * w);
                float* bp = b + j;
                for (int p = 0; p < depth; p++, bp += n)
                {
                    var x = new Vector<float>(a[p]);
                    s0 = Fused.MultiplyAdd(x, Load(bp), s0);
                    s1 = Fused.MultiplyAdd(x, Load(bp + w), s1);
                    s2 = Fused.MultiplyAdd(x, Load(bp + 2 * w), s2);
                    s3 = Fused.MultiplyAdd(x, Load(bp + 3 * w), s3);
                }

                Store(s0, c0); Store(s1, c0 + w); Store(s2, c0 + 2 * w); Store(s3, c0 + 3 * w);
            }

            for (; j + w <= jEnd; j += w)
            {
                Vector<float> s = Load(c + j);
                float* bp = b + j;
                for (int p = 0; p < depth; p++, bp += n)
                {
                    s = Fused.MultiplyAdd(new Vector<float>(a[p]), Load(bp), s);
                }

                Store(s, c + j);
            }

            for (; j + 4 <= jEnd; j += 4)
            {
                float* c0 = c + j;
                float s0 = c0[0], s1 = c0[1], s2 = c0[2], s3 = c0[3];
                float* bp = b + j;
                for (int p = 0; p < depth; p++, bp += n)
                {
                    float x = a[p];
                    s0 = MathF.FusedMultiplyAdd(x, bp[0], s0);
                    s1 = MathF.FusedMultiplyAdd(x, bp[1], s1);
                    s2 = MathF.FusedMultiplyAdd(x, bp[2], s2);
                    s3 = MathF.FusedMultiplyAdd(x, bp[3], s3);
                }

                c0[0] = s0; c0[1] = s1; c0[2] = s2; c0[3] = s3;
            }

            for (; j < jEnd; j++)
            {
                float s = c[j];
                float* bp = b + j;
                for (int p = 0; p < depth; p++, bp += n)
                {
                    s = MathF.FusedMultiplyAdd(a[p], *bp, s);
                }

                c[j] = s;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void ScalarRows(float* a, float* b, float* c, int k, int n, int rowStart, int rowEnd)
        {
            for (int i = rowStart; i < rowEnd; i++)
            {
                float* ci = c + (long)i * n;
                float* ai = a + (long)i * k;
                for (int p = 0; p < k; p++)
                {
                    float x = ai[p];
                    float* bp = b + (long)p * n;
                    for (int j = 0; j < n; j++)
                    {
                        ci[j] += x * bp[j];
                    }
                }
            }
        }

        /// <summary>
        /// Rows <paramref name="rowStart"/> to <paramref name="rowEnd"/> (fewer than six) of a depth block, columns
        /// <paramref name="jStart"/> to <paramref name="jEnd"/>: three rows sharing each load of B, then one row at a time.
        /// <paramref name="a"/>, <paramref name="b"/> and <paramref name="c"/> point at the block's first row and column.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void LastRows(float* a, int lda, float* b, int n, float* c, int depth, int rowStart, int rowEnd, int jStart, int jEnd)
        {
            int i = rowStart;
            if (i + 3 <= rowEnd)
            {
                Rows3(a + (long)i * lda, lda, b, n, c + (long)i * n, depth, jStart, jEnd);
                i += 3;
            }

            for (; i < rowEnd; i++)
            {
                Tail(a + (long)i * lda, b, n, c + (long)i * n, depth, jStart, jEnd);
            }
        }

        /// <summary>Rows <paramref name="rowStart"/> to <paramref name="rowEnd"/> of a depth block, columns <paramref name="jStart"/> to <paramref name="jEnd"/>, from B itself.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void ColumnsFrom(float* a, int lda, float* b, int n, float* c, int depth, int rowStart, int rowEnd, int jStart, int jEnd)
        {
            int i = rowStart;
            for (; i + RowsPerTile <= rowEnd; i += RowsPerTile)
            {
                Tile6(a + (long)i * lda, lda, b, n, c + (long)i * n, depth, jStart, jEnd);
            }

            LastRows(a, lda, b, n, c, depth, i, rowEnd, jStart, jEnd);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<float> Load(float* p) => Unsafe.ReadUnaligned<Vector<float>>(p);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Store(Vector<float> v, float* p) => Unsafe.WriteUnaligned(p, v);
    }
}
