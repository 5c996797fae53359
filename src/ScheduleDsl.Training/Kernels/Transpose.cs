using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ScheduleDsl.Training.Kernels
{
    /// <summary>
    /// Matrix transpose, <c>[rows, columns] → [columns, rows]</c>. With AVX, 8×8 blocks move through registers (eight
    /// loads, 24 unpack/shuffle/permute steps, eight stores); the edges, and machines without AVX, go element by element.
    /// The trainer transposes every batch (gathering samples into feature-major order, and for the weight gradients), so
    /// this is on the hot path.
    /// </summary>
    internal static unsafe class Transpose
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void Run(ReadOnlySpan<float> source, Span<float> target, int rows, int columns)
        {
            CheckSizes(source, target, rows, columns);
            fixed (float* s = source)
            fixed (float* t = target)
            {
                Rows(s, t, rows, columns, 0, rows);
            }
        }

        internal static void CheckSizes(ReadOnlySpan<float> source, Span<float> target, int rows, int columns)
        {
            if (source.Length < rows * columns || target.Length < rows * columns)
            {
                throw new ArgumentException("The spans are smaller than the matrix.");
            }
        }

        /// <summary>Source rows transposed at once: two 8×8 blocks side by side write whole 64-byte lines of the target.</summary>
        private const int Band = 16;

        /// <summary>Transposes source rows <paramref name="r0"/> to <paramref name="r1"/> into the same target columns.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal static void Rows(float* s, float* t, int rows, int columns, int r0, int r1)
        {
            int r = r0;
            if (HasBlocks)
            {
                for (; r + Band <= r1; r += Band)
                {
                    int c = 0;
                    for (; c + 8 <= columns; c += 8)
                    {
                        Block8(s + (long)r * columns + c, columns, t + (long)c * rows + r, rows);
                        Block8(s + (long)(r + 8) * columns + c, columns, t + (long)c * rows + r + 8, rows);
                    }

                    Scalar(s, t, rows, columns, r, r + Band, c, columns);
                }

                for (; r + 8 <= r1; r += 8)
                {
                    int c = 0;
                    for (; c + 8 <= columns; c += 8)
                    {
                        Block8(s + (long)r * columns + c, columns, t + (long)c * rows + r, rows);
                    }

                    Scalar(s, t, rows, columns, r, r + 8, c, columns);
                }
            }

            Scalar(s, t, rows, columns, r, r1, 0, columns);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Scalar(float* s, float* t, int rows, int columns, int r0, int r1, int c0, int c1)
        {
            for (int r = r0; r < r1; r++)
            {
                for (int c = c0; c < c1; c++)
                {
                    t[(long)c * rows + r] = s[(long)r * columns + c];
                }
            }
        }

        /// <summary>Whether <see cref="Block8"/> runs here (AVX, and the vector kernels not switched off).</summary>
        internal static bool HasBlocks => Avx.IsSupported && Simd.IsVectorized;

        /// <summary>Transposes the 8×8 block at <paramref name="s"/> (rows <paramref name="sourceStride"/> apart) to <paramref name="t"/> (rows <paramref name="targetStride"/> apart).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static void Block8(float* s, int sourceStride, float* t, int targetStride)
        {
            Vector256<float> r0 = Avx.LoadVector256(s);
            Vector256<float> r1 = Avx.LoadVector256(s + sourceStride);
            Vector256<float> r2 = Avx.LoadVector256(s + 2 * sourceStride);
            Vector256<float> r3 = Avx.LoadVector256(s + 3 * sourceStride);
            Vector256<float> r4 = Avx.LoadVector256(s + 4 * sourceStride);
            Vector256<float> r5 = Avx.LoadVector256(s + 5 * sourceStride);
            Vector256<float> r6 = Avx.LoadVector256(s + 6 * sourceStride);
            Vector256<float> r7 = Avx.LoadVector256(s + 7 * sourceStride);

            // Interleave pairs of rows, then pairs of pairs, then swap 128-bit halves.
            Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1);
            Vector256<float> t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
            Vector256<float> t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5);
            Vector256<float> t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);
            Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44), u1 = Avx.Shuffle(t0, t2, 0xEE);
            Vector256<float> u2 = Avx.Shuffle(t1, t3, 0x44), u3 = Avx.Shuffle(t1, t3, 0xEE);
            Vector256<float> u4 = Avx.Shuffle(t4, t6, 0x44), u5 = Avx.Shuffle(t4, t6, 0xEE);
            Vector256<float> u6 = Avx.Shuffle(t5, t7, 0x44), u7 = Avx.Shuffle(t5, t7, 0xEE);

            Avx.Store(t, Avx.Permute2x128(u0, u4, 0x20));
            Avx.Store(t + targetStride, Avx.Permute2x128(u1, u5, 0x20));
            Avx.Store(t + 2 * targetStride, Avx.Permute2x128(u2, u6, 0x20));
            Avx.Store(t + 3 * targetStride, Avx.Permute2x128(u3, u7, 0x20));
            Avx.Store(t + 4 * targetStride, Avx.Permute2x128(u0, u4, 0x31));
            Avx.Store(t + 5 * targetStride, Avx.Permute2x128(u1, u5, 0x31));
            Avx.Store(t + 6 * targetStride, Avx.Permute2x128(u2, u6, 0x31));
            Avx.Store(t + 7 * targetStride, Avx.Permute2x128(u3, u7, 0x31));
        }
    }
}
