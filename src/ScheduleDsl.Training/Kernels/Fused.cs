using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace ScheduleDsl.Training.Kernels
{
    /// <summary>
    /// Fused multiply-add and rounding on vectors for every target: .NET 9 and later have them on <see cref="Vector"/>
    /// and <see cref="Vector512"/>; on .NET 8 the same operations come from the hardware intrinsics (FMA, AVX-512,
    /// AdvSimd) with a plain multiply-then-add where the hardware has none. The .NET 8 forms are compiled everywhere
    /// so the tests can check them against the .NET 9 ones.
    /// </summary>
    internal static class Fused
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> MultiplyAdd(Vector<float> a, Vector<float> b, Vector<float> c)
        {
#if NET9_0_OR_GREATER
            return Vector.FusedMultiplyAdd(a, b, c);
#else
            return MultiplyAddIntrinsic(a, b, c);
#endif
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector512<float> MultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c)
        {
#if NET9_0_OR_GREATER
            return Vector512.FusedMultiplyAdd(a, b, c);
#else
            return MultiplyAddIntrinsic(a, b, c);
#endif
        }

        /// <summary>
        /// <c>a·b + c</c>, fused where the hardware has a fused multiply-add, else multiplied then added: what the
        /// element-wise kernels use, since an emulated fused multiply-add would cost more than the rounding it saves.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> WhereFast(Vector<float> a, Vector<float> b, Vector<float> c) =>
            Fma.IsSupported || AdvSimd.IsSupported ? MultiplyAdd(a, b, c) : a * b + c;

        /// <summary>Rounds to the nearest integer, ties to even.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<float> Round(Vector<float> x)
        {
#if NET9_0_OR_GREATER
            return Vector.Round(x);
#else
            return RoundIntrinsic(x);
#endif
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector<float> MultiplyAddIntrinsic(Vector<float> a, Vector<float> b, Vector<float> c)
        {
            if (Fma.IsSupported && Vector<float>.Count == Vector256<float>.Count)
            {
                return Fma.MultiplyAdd(a.AsVector256(), b.AsVector256(), c.AsVector256()).AsVector();
            }

            if (Fma.IsSupported && Vector<float>.Count == Vector128<float>.Count)
            {
                return Fma.MultiplyAdd(a.AsVector128(), b.AsVector128(), c.AsVector128()).AsVector();
            }

            if (AdvSimd.IsSupported && Vector<float>.Count == Vector128<float>.Count)
            {
                return AdvSimd.FusedMultiplyAdd(c.AsVector128(), a.AsVector128(), b.AsVector128()).AsVector();
            }

            return a * b + c;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector512<float> MultiplyAddIntrinsic(Vector512<float> a, Vector512<float> b, Vector512<float> c) =>
            Avx512F.IsSupported ? Avx512F.FusedMultiplyAdd(a, b, c) : a * b + c;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector<float> RoundIntrinsic(Vector<float> x)
        {
            if (Avx.IsSupported && Vector<float>.Count == Vector256<float>.Count)
            {
                return Avx.RoundToNearestInteger(x.AsVector256()).AsVector();
            }

            if (Sse41.IsSupported && Vector<float>.Count == Vector128<float>.Count)
            {
                return Sse41.RoundToNearestInteger(x.AsVector128()).AsVector();
            }

            if (AdvSimd.IsSupported && Vector<float>.Count == Vector128<float>.Count)
            {
                return AdvSimd.RoundToNearest(x.AsVector128()).AsVector();
            }

            // No rounding instruction: 2^23 added and taken away rounds to even for |x| < 2^23, and larger floats are whole.
            var magic = new Vector<float>(8388608f);
            Vector<float> rounded = Vector.ConditionalSelect(Vector.LessThan(x, Vector<float>.Zero), x - magic + magic, x + magic - magic);
            return Vector.ConditionalSelect(Vector.LessThan(Vector.Abs(x), magic), rounded, x);
        }
    }
}
