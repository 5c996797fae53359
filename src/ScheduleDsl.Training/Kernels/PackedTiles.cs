using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ScheduleDsl.Training.Kernels
{
    /// <summary>
    /// The register tiles of <see cref="PackedGemm"/>: rows of A (row-major, stride <c>lda</c>) times one packed panel of
    /// B (its depth rows one after another) onto C. Every element of C is one chain of fused multiply-adds over the depth,
    /// in order, in every tile, so any tile and any split of the rows gives the same bits.
    /// </summary>
    internal static unsafe class PackedTiles
    {
        /// <summary>Six rows by one panel of C: twelve accumulators, each depth step one sequential read of the panel and six broadcasts of A; <paramref name="load"/> false starts from zero instead of C.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void Rows6(float* a, int lda, float* panel, float* c, int ldc, int depth, bool load)
        {
            int w = Vector<float>.Count;
            float* c0 = c;
            float* c1 = c0 + ldc;
            float* c2 = c1 + ldc;
            float* c3 = c2 + ldc;
            float* c4 = c3 + ldc;
            float* c5 = c4 + ldc;
            Vector<float> r00 = load ? Load(c0) : default, r01 = load ? Load(c0 + w) : default;
            Vector<float> r10 = load ? Load(c1) : default, r11 = load ? Load(c1 + w) : default;
            Vector<float> r20 = load ? Load(c2) : default, r21 = load ? Load(c2 + w) : default;
            Vector<float> r30 = load ? Load(c3) : default, r31 = load ? Load(c3 + w) : default;
            Vector<float> r40 = load ? Load(c4) : default, r41 = load ? Load(c4 + w) : default;
            Vector<float> r50 = load ? Load(c5) : default, r51 = load ? Load(c5 + w) : default;
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
        public static void Rows6Wide(float* a, int lda, float* panel, float* c, int ldc, int depth, bool load)
        {
            float* c0 = c;
            float* c1 = c0 + ldc;
            float* c2 = c1 + ldc;
            float* c3 = c2 + ldc;
            float* c4 = c3 + ldc;
            float* c5 = c4 + ldc;
            Vector512<float> r00 = load ? Vector512.Load(c0) : default, r01 = load ? Vector512.Load(c0 + 16) : default;
            Vector512<float> r10 = load ? Vector512.Load(c1) : default, r11 = load ? Vector512.Load(c1 + 16) : default;
            Vector512<float> r20 = load ? Vector512.Load(c2) : default, r21 = load ? Vector512.Load(c2 + 16) : default;
            Vector512<float> r30 = load ? Vector512.Load(c3) : default, r31 = load ? Vector512.Load(c3 + 16) : default;
            Vector512<float> r40 = load ? Vector512.Load(c4) : default, r41 = load ? Vector512.Load(c4 + 16) : default;
            Vector512<float> r50 = load ? Vector512.Load(c5) : default, r51 = load ? Vector512.Load(c5 + 16) : default;
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
        /// Eight rows by 32 columns with 512-bit vectors: sixteen accumulators, each depth step two loads of the panel and
        /// eight broadcasts of A for sixteen multiply-adds. A 256-row layer is 32 of these tiles, so two workers get sixteen
        /// each, where six-row tiles left one worker four more rows on the half-width last-row tiles.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void Rows8Wide(float* a, int lda, float* panel, float* c, int ldc, int depth, bool load)
        {
            float* c0 = c;
            float* c1 = c0 + ldc;
            float* c2 = c1 + ldc;
            float* c3 = c2 + ldc;
            float* c4 = c3 + ldc;
            float* c5 = c4 + ldc;
            float* c6 = c5 + ldc;
            float* c7 = c6 + ldc;
            Vector512<float> r00 = load ? Vector512.Load(c0) : default, r01 = load ? Vector512.Load(c0 + 16) : default;
            Vector512<float> r10 = load ? Vector512.Load(c1) : default, r11 = load ? Vector512.Load(c1 + 16) : default;
            Vector512<float> r20 = load ? Vector512.Load(c2) : default, r21 = load ? Vector512.Load(c2 + 16) : default;
            Vector512<float> r30 = load ? Vector512.Load(c3) : default, r31 = load ? Vector512.Load(c3 + 16) : default;
            Vector512<float> r40 = load ? Vector512.Load(c4) : default, r41 = load ? Vector512.Load(c4 + 16) : default;
            Vector512<float> r50 = load ? Vector512.Load(c5) : default, r51 = load ? Vector512.Load(c5 + 16) : default;
            Vector512<float> r60 = load ? Vector512.Load(c6) : default, r61 = load ? Vector512.Load(c6 + 16) : default;
            Vector512<float> r70 = load ? Vector512.Load(c7) : default, r71 = load ? Vector512.Load(c7 + 16) : default;
            float* a0 = a, a1 = a + lda, a2 = a1 + lda, a3 = a2 + lda, a4 = a3 + lda, a5 = a4 + lda, a6 = a5 + lda, a7 = a6 + lda;
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
                x = Vector512.Create(a6[p]);
                r60 = Fused.MultiplyAdd(x, b0, r60);
                r61 = Fused.MultiplyAdd(x, b1, r61);
                x = Vector512.Create(a7[p]);
                r70 = Fused.MultiplyAdd(x, b0, r70);
                r71 = Fused.MultiplyAdd(x, b1, r71);
            }

            r00.Store(c0); r01.Store(c0 + 16);
            r10.Store(c1); r11.Store(c1 + 16);
            r20.Store(c2); r21.Store(c2 + 16);
            r30.Store(c3); r31.Store(c3 + 16);
            r40.Store(c4); r41.Store(c4 + 16);
            r50.Store(c5); r51.Store(c5 + 16);
            r60.Store(c6); r61.Store(c6 + 16);
            r70.Store(c7); r71.Store(c7 + 16);
        }

        /// <summary>
        /// Fewer than six rows (one to five: four, two and one at a time) by one panel of <paramref name="panelWidth"/>
        /// columns, 2·W columns at a time: the same chains as the six-row tiles, so the last rows of a product cost no more
        /// per multiply-add than the rest and give the bits every packed tile gives.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void LastRows(float* a, int lda, float* panel, int panelWidth, float* c, int ldc, int depth, int rows, bool load)
        {
            int w = Vector<float>.Count;
            for (int g = 0; g < panelWidth; g += 2 * w)
            {
                int i = 0;
                if (rows - i >= 4)
                {
                    Rows4(a, lda, panel + g, panelWidth, c + g, ldc, depth, load);
                    i += 4;
                }

                if (rows - i >= 2)
                {
                    Rows2(a + (long)i * lda, lda, panel + g, panelWidth, c + (long)i * ldc + g, ldc, depth, load);
                    i += 2;
                }

                if (rows - i >= 1)
                {
                    Rows1(a + (long)i * lda, panel + g, panelWidth, c + (long)i * ldc + g, depth, load);
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Rows4(float* a, int lda, float* panel, int stride, float* c, int ldc, int depth, bool load)
        {
            int w = Vector<float>.Count;
            float* c0 = c, c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
            Vector<float> r00 = load ? Load(c0) : default, r01 = load ? Load(c0 + w) : default;
            Vector<float> r10 = load ? Load(c1) : default, r11 = load ? Load(c1 + w) : default;
            Vector<float> r20 = load ? Load(c2) : default, r21 = load ? Load(c2 + w) : default;
            Vector<float> r30 = load ? Load(c3) : default, r31 = load ? Load(c3 + w) : default;
            float* a0 = a, a1 = a + lda, a2 = a1 + lda, a3 = a2 + lda;
            float* bp = panel;
            for (int p = 0; p < depth; p++, bp += stride)
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
            }

            Store(r00, c0); Store(r01, c0 + w);
            Store(r10, c1); Store(r11, c1 + w);
            Store(r20, c2); Store(r21, c2 + w);
            Store(r30, c3); Store(r31, c3 + w);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Rows2(float* a, int lda, float* panel, int stride, float* c, int ldc, int depth, bool load)
        {
            int w = Vector<float>.Count;
            float* c0 = c, c1 = c0 + ldc;
            Vector<float> r00 = load ? Load(c0) : default, r01 = load ? Load(c0 + w) : default;
            Vector<float> r10 = load ? Load(c1) : default, r11 = load ? Load(c1 + w) : default;
            float* a0 = a, a1 = a + lda;
            float* bp = panel;
            for (int p = 0; p < depth; p++, bp += stride)
            {
                Vector<float> b0 = Load(bp);
                Vector<float> b1 = Load(bp + w);
                Vector<float> x = new Vector<float>(a0[p]);
                r00 = Fused.MultiplyAdd(x, b0, r00);
                r01 = Fused.MultiplyAdd(x, b1, r01);
                x = new Vector<float>(a1[p]);
                r10 = Fused.MultiplyAdd(x, b0, r10);
                r11 = Fused.MultiplyAdd(x, b1, r11);
            }

            Store(r00, c0); Store(r01, c0 + w);
            Store(r10, c1); Store(r11, c1 + w);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Rows1(float* a, float* panel, int stride, float* c, int depth, bool load)
        {
            int w = Vector<float>.Count;
            Vector<float> r0 = load ? Load(c) : default, r1 = load ? Load(c + w) : default;
            float* bp = panel;
            for (int p = 0; p < depth; p++, bp += stride)
            {
                var x = new Vector<float>(a[p]);
                r0 = Fused.MultiplyAdd(x, Load(bp), r0);
                r1 = Fused.MultiplyAdd(x, Load(bp + w), r1);
            }

            Store(r0, c); Store(r1, c + w);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<float> Load(float* p) => Unsafe.ReadUnaligned<Vector<float>>(p);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Store(Vector<float> v, float* p) => Unsafe.WriteUnaligned(p, v);
    }
}
