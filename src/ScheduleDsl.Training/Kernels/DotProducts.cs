using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ScheduleDsl.Training.Kernels
{
    /// <summary>
    /// <c>C[m×n] = A[m×k] · B[n×k]ᵀ</c>, each element the dot product of a row of A and a row of B, both contiguous. For the
    /// weight gradients of narrow layers (<c>dZ · Xᵀ</c> with a handful of inputs) this beats transposing X for the tiled
    /// product, whose work would all be in its edges: 3×3 blocks of dot products keep nine accumulators in registers
    /// and share every load between three of them.
    /// </summary>
    internal static unsafe class DotProducts
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void MultiplyByTransposed(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n)
        {
            if (a.Length < m * k || b.Length < n * k || c.Length < m * n)
            {
                throw new ArgumentException("The spans are smaller than the matrix sizes.");
            }

            fixed (float* pa = a)
            fixed (float* pb = b)
            fixed (float* pc = c)
            {
                int i = 0;
                if (Simd.IsVectorized)
                {
                    for (; i + 3 <= m; i += 3)
                    {
                        int j = 0;
                        for (; j + 3 <= n; j += 3)
                        {
                            Block3x3(pa + (long)i * k, pb + (long)j * k, pc + (long)i * n + j, k, n);
                        }

                        for (int r = i; r < i + 3; r++)
                        {
                            for (int jj = j; jj < n; jj++)
                            {
                                pc[(long)r * n + jj] = Dot(pa + (long)r * k, pb + (long)jj * k, k);
                            }
                        }
                    }
                }

                for (; i < m; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        pc[(long)i * n + j] = Dot(pa + (long)i * k, pb + (long)j * k, k);
                    }
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Block3x3(float* a, float* b, float* c, int k, int n)
        {
            int w = Vector<float>.Count;
            float* a0 = a, a1 = a + k, a2 = a + 2 * k;
            float* b0 = b, b1 = b + k, b2 = b + 2 * k;
            Vector<float> s00 = Vector<float>.Zero, s01 = Vector<float>.Zero, s02 = Vector<float>.Zero;
            Vector<float> s10 = Vector<float>.Zero, s11 = Vector<float>.Zero, s12 = Vector<float>.Zero;
            Vector<float> s20 = Vector<float>.Zero, s21 = Vector<float>.Zero, s22 = Vector<float>.Zero;
            int p = 0;
            for (; p + w <= k; p += w)
            {
                Vector<float> x0 = Load(a0 + p), x1 = Load(a1 + p), x2 = Load(a2 + p);
                Vector<float> y = Load(b0 + p);
                s00 = Fused.MultiplyAdd(x0, y, s00);
                s10 = Fused.MultiplyAdd(x1, y, s10);
                s20 = Fused.MultiplyAdd(x2, y, s20);
                y = Load(b1 + p);
                s01 = Fused.MultiplyAdd(x0, y, s01);
                s11 = Fused.MultiplyAdd(x1, y, s11);
                s21 = Fused.MultiplyAdd(x2, y, s21);
                y = Load(b2 + p);
                s02 = Fused.MultiplyAdd(x0, y, s02);
                s12 = Fused.MultiplyAdd(x1, y, s12);
                s22 = Fused.MultiplyAdd(x2, y, s22);
            }

            Vector128<float> first = Sums(s00, s01, s02, s10);
            Vector128<float> second = Sums(s11, s12, s20, s21);
            float t00 = first.GetElement(0), t01 = first.GetElement(1), t02 = first.GetElement(2);
            float t10 = first.GetElement(3), t11 = second.GetElement(0), t12 = second.GetElement(1);
            float t20 = second.GetElement(2), t21 = second.GetElement(3), t22 = Vector.Sum(s22);
            for (; p < k; p++)
            {
                t00 = MathF.FusedMultiplyAdd(a0[p], b0[p], t00);
                t01 = MathF.FusedMultiplyAdd(a0[p], b1[p], t01);
                t02 = MathF.FusedMultiplyAdd(a0[p], b2[p], t02);
                t10 = MathF.FusedMultiplyAdd(a1[p], b0[p], t10);
                t11 = MathF.FusedMultiplyAdd(a1[p], b1[p], t11);
                t12 = MathF.FusedMultiplyAdd(a1[p], b2[p], t12);
                t20 = MathF.FusedMultiplyAdd(a2[p], b0[p], t20);
                t21 = MathF.FusedMultiplyAdd(a2[p], b1[p], t21);
                t22 = MathF.FusedMultiplyAdd(a2[p], b2[p], t22);
            }

            c[0] = t00; c[1] = t01; c[2] = t02;
            c[n] = t10; c[n + 1] = t11; c[n + 2] = t12;
            c[2 * n] = t20; c[2 * n + 1] = t21; c[2 * n + 2] = t22;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static float Dot(float* x, float* y, int k)
        {
            int p = 0;
            float sum = 0;
            if (Simd.IsVectorized)
            {
                int w = Vector<float>.Count;
                Vector<float> s = Vector<float>.Zero;
                for (; p + w <= k; p += w)
                {
                    s = Fused.MultiplyAdd(Load(x + p), Load(y + p), s);
                }

                sum = Vector.Sum(s);
            }

            for (; p < k; p++)
            {
                sum = MathF.FusedMultiplyAdd(x[p], y[p], sum);
            }

            return sum;
        }

        /// <summary>
        /// <see cref="Vector.Sum"/> of four vectors at once, in its order of additions, so with its bits: the runtime sums
        /// eight lanes as <c>((x0+x1)+(x2+x3)) + ((x4+x5)+(x6+x7))</c> and four as <c>(x0+x1)+(x2+x3)</c>, which two rounds
        /// of horizontal adds (and, for eight lanes, the two halves added) give for four vectors in five instructions
        /// instead of forty-four (GemmTests holds the two to the same bits). Without horizontal adds, four sums.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector128<float> Sums(Vector<float> a, Vector<float> b, Vector<float> c, Vector<float> d)
        {
            if (Avx.IsSupported && Vector<float>.Count == 8)
            {
                Vector256<float> pairs = Avx.HorizontalAdd(Avx.HorizontalAdd(a.AsVector256(), b.AsVector256()), Avx.HorizontalAdd(c.AsVector256(), d.AsVector256()));
                return pairs.GetLower() + pairs.GetUpper();
            }

            if (Sse3.IsSupported && Vector<float>.Count == 4)
            {
                return Sse3.HorizontalAdd(Sse3.HorizontalAdd(a.AsVector128(), b.AsVector128()), Sse3.HorizontalAdd(c.AsVector128(), d.AsVector128()));
            }

            return Vector128.Create(Vector.Sum(a), Vector.Sum(b), Vector.Sum(c), Vector.Sum(d));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<float> Load(float* p) => Unsafe.ReadUnaligned<Vector<float>>(p);
    }
}
