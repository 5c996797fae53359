using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ScheduleDsl.Training.Kernels
{
    /// <summary>
    /// The element-wise operations of the training step (what TensorPrimitives offers, for the handful we use), written
    /// so that they run optimized from the first call. TensorPrimitives ships as IL in its package, so in a fresh process
    /// its generic loops run as unoptimized tier-0 code — and a training run of a small network is over before the
    /// runtime's 100 ms call-counting delay ever lets them tier up (measured: the tutorial's epochs took 1.7 ms instead
    /// of 0.16 ms). These loops carry <see cref="MethodImplOptions.AggressiveOptimization"/> and inline their operator,
    /// so every process, every caller, gets the optimized code at once. Each lane is computed by the same vector code,
    /// the tail included (an overlapping last vector, or a stack copy for spans shorter than one), so results do not
    /// depend on where an element sits.
    /// </summary>
    internal static class Vec
    {
        internal interface IUnary
        {
            Vector<float> Invoke(Vector<float> x);
        }

        internal interface IBinary
        {
            Vector<float> Invoke(Vector<float> x, Vector<float> y);
        }

        internal interface ITernary
        {
            Vector<float> Invoke(Vector<float> x, Vector<float> y, Vector<float> z);
        }

        public static void Fill(Span<float> destination, float value) => Map(destination, destination, new Constant(value));

        public static void Max(ReadOnlySpan<float> x, float y, Span<float> destination) => Map(x, destination, new MaxWith(y));

        public static void Max(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination) => Zip(x, y, destination, default(MaxOf));

        public static void Add(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination) => Zip(x, y, destination, default(Sum2));

        public static void Add(ReadOnlySpan<float> x, float y, Span<float> destination) => Map(x, destination, new Plus(y));

        public static void Subtract(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination) => Zip(x, y, destination, default(Difference));

        public static void Multiply(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination) => Zip(x, y, destination, default(Product));

        public static void Multiply(ReadOnlySpan<float> x, float y, Span<float> destination) => Map(x, destination, new Times(y));

        public static void Divide(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination) => Zip(x, y, destination, default(Quotient));

        /// <summary><c>x·y + addend</c>, fused where the hardware has FMA.</summary>
        public static void MultiplyAdd(ReadOnlySpan<float> x, float y, ReadOnlySpan<float> addend, Span<float> destination) => Zip(x, addend, destination, new ScaleAdd(y));

        /// <summary><c>x·y + addend</c> element by element, fused where the hardware has FMA.</summary>
        public static void MultiplyAdd(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> addend, Span<float> destination) => Zip3(x, y, addend, destination, default(Fma3));

        public static void Clamp(ReadOnlySpan<float> x, float min, float max, Span<float> destination) => Map(x, destination, new ClampTo(min, max));

        public static void Exp(ReadOnlySpan<float> x, Span<float> destination) => Map(x, destination, default(ExpOf));

        public static void Log(ReadOnlySpan<float> x, Span<float> destination) => Map(x, destination, default(LogOf));

        public static void Sqrt(ReadOnlySpan<float> x, Span<float> destination) => Map(x, destination, default(SqrtOf));

        /// <summary>σ(x) = 1 / (1 + e^−x).</summary>
        public static void Sigmoid(ReadOnlySpan<float> x, Span<float> destination) => Map(x, destination, default(SigmoidOf));

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static float Sum(ReadOnlySpan<float> x)
        {
            int w = Vector<float>.Count;
            var total = Vector<float>.Zero;
            ref float rx = ref MemoryMarshal.GetReference(x);
            int i = 0;
            for (; i <= x.Length - w; i += w)
            {
                total += Vector.LoadUnsafe(ref rx, (nuint)i);
            }

            float sum = Vector.Sum(total);
            for (; i < x.Length; i++)
            {
                sum += x[i];
            }

            return sum;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
        {
            Check(x.Length, y.Length);
            int w = Vector<float>.Count;
            var total = Vector<float>.Zero;
            ref float rx = ref MemoryMarshal.GetReference(x);
            ref float ry = ref MemoryMarshal.GetReference(y);
            int i = 0;
            for (; i <= x.Length - w; i += w)
            {
                total = Kernels.Fused.WhereFast(Vector.LoadUnsafe(ref rx, (nuint)i), Vector.LoadUnsafe(ref ry, (nuint)i), total);
            }

            float sum = Vector.Sum(total);
            for (; i < x.Length; i++)
            {
                sum += x[i] * y[i];
            }

            return sum;
        }

        // A span of at least one vector ends with a whole vector that may overlap the one before it: that vector is read
        // and computed before anything is stored (the destination may be an input itself) and stored last, so the overlap
        // is written twice with the same values. Every element is still computed by the same lane-wise code from its own
        // inputs, so the results are the bits of the stack-copy tail, at no copying cost (the tutorial's 50-wide rows
        // spent as long in their two-element tails as in their six vectors). Spans shorter than a vector go through a
        // zero-padded stack copy.

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Map<TOp>(ReadOnlySpan<float> x, Span<float> destination, TOp op)
            where TOp : struct, IUnary
        {
            Check(x.Length, destination.Length);
            int w = Vector<float>.Count;
            int n = x.Length;
            if (n < w)
            {
                Span<float> lane = stackalloc float[Vector<float>.Count];
                lane.Clear();
                x.CopyTo(lane);
                op.Invoke(new Vector<float>(lane)).CopyTo(lane);
                lane.Slice(0, n).CopyTo(destination);
                return;
            }

            ref float rx = ref MemoryMarshal.GetReference(x);
            ref float rd = ref MemoryMarshal.GetReference(destination);
            nuint lastStart = (nuint)(n - w);
            Vector<float> last = op.Invoke(Vector.LoadUnsafe(ref rx, lastStart));
            for (nuint i = 0; i < lastStart; i += (nuint)w)
            {
                op.Invoke(Vector.LoadUnsafe(ref rx, i)).StoreUnsafe(ref rd, i);
            }

            last.StoreUnsafe(ref rd, lastStart);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Zip<TOp>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination, TOp op)
            where TOp : struct, IBinary
        {
            Check(x.Length, y.Length);
            Check(x.Length, destination.Length);
            int w = Vector<float>.Count;
            int n = x.Length;
            if (n < w)
            {
                Span<float> a = stackalloc float[Vector<float>.Count];
                Span<float> b = stackalloc float[Vector<float>.Count];
                a.Clear();
                b.Clear();
                x.CopyTo(a);
                y.Slice(0, n).CopyTo(b);
                op.Invoke(new Vector<float>(a), new Vector<float>(b)).CopyTo(a);
                a.Slice(0, n).CopyTo(destination);
                return;
            }

            ref float rx = ref MemoryMarshal.GetReference(x);
            ref float ry = ref MemoryMarshal.GetReference(y);
            ref float rd = ref MemoryMarshal.GetReference(destination);
            nuint lastStart = (nuint)(n - w);
            Vector<float> last = op.Invoke(Vector.LoadUnsafe(ref rx, lastStart), Vector.LoadUnsafe(ref ry, lastStart));
            for (nuint i = 0; i < lastStart; i += (nuint)w)
            {
                op.Invoke(Vector.LoadUnsafe(ref rx, i), Vector.LoadUnsafe(ref ry, i)).StoreUnsafe(ref rd, i);
            }

            last.StoreUnsafe(ref rd, lastStart);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Zip3<TOp>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> z, Span<float> destination, TOp op)
            where TOp : struct, ITernary
        {
            Check(x.Length, y.Length);
            Check(x.Length, z.Length);
            Check(x.Length, destination.Length);
            int w = Vector<float>.Count;
            int n = x.Length;
            if (n < w)
            {
                Span<float> a = stackalloc float[Vector<float>.Count];
                Span<float> b = stackalloc float[Vector<float>.Count];
                Span<float> c = stackalloc float[Vector<float>.Count];
                a.Clear();
                b.Clear();
                c.Clear();
                x.CopyTo(a);
                y.Slice(0, n).CopyTo(b);
                z.Slice(0, n).CopyTo(c);
                op.Invoke(new Vector<float>(a), new Vector<float>(b), new Vector<float>(c)).CopyTo(a);
                a.Slice(0, n).CopyTo(destination);
                return;
            }

            ref float rx = ref MemoryMarshal.GetReference(x);
            ref float ry = ref MemoryMarshal.GetReference(y);
            ref float rz = ref MemoryMarshal.GetReference(z);
            ref float rd = ref MemoryMarshal.GetReference(destination);
            nuint lastStart = (nuint)(n - w);
            Vector<float> last = op.Invoke(Vector.LoadUnsafe(ref rx, lastStart), Vector.LoadUnsafe(ref ry, lastStart), Vector.LoadUnsafe(ref rz, lastStart));
            for (nuint i = 0; i < lastStart; i += (nuint)w)
            {
                op.Invoke(Vector.LoadUnsafe(ref rx, i), Vector.LoadUnsafe(ref ry, i), Vector.LoadUnsafe(ref rz, i)).StoreUnsafe(ref rd, i);
            }

            last.StoreUnsafe(ref rd, lastStart);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Check(int length, int other)
        {
            if (other < length)
            {
                ThrowLengths(length, other);
            }
        }

        private static void ThrowLengths(int length, int other) =>
            throw new ArgumentException("The spans of an element-wise operation must have the same length (" + length + " and " + other + ").");

        /// <summary>
        /// e^x within about one ulp: x = n·ln 2 + r with |r| ≤ ln 2 / 2 (ln 2 split in two for an exact product), e^r by
        /// the Cephes single-precision polynomial, 2^n applied as two halves so neither leaves the normal range. (The
        /// runtime's own Vector.Exp is a generic method that runs unoptimized in a fresh process.) NaN stays NaN;
        /// below −103.9 the result is 0, above 88.73 infinity.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector<float> ExpVector(Vector<float> x)
        {
            Vector<float> clamped = Vector.Min(Vector.Max(x, new Vector<float>(-104f)), new Vector<float>(89f));
            Vector<float> n = Kernels.Fused.Round(clamped * new Vector<float>(1.44269504088896341f));
            Vector<float> r = Kernels.Fused.WhereFast(n, new Vector<float>(-0.693359375f), clamped);
            r = Kernels.Fused.WhereFast(n, new Vector<float>(2.12194440e-4f), r);
            Vector<float> p = new Vector<float>(1.9875691500e-4f);
            p = Kernels.Fused.WhereFast(p, r, new Vector<float>(1.3981999507e-3f));
            p = Kernels.Fused.WhereFast(p, r, new Vector<float>(8.3334519073e-3f));
            p = Kernels.Fused.WhereFast(p, r, new Vector<float>(4.1665795894e-2f));
            p = Kernels.Fused.WhereFast(p, r, new Vector<float>(1.6666665459e-1f));
            p = Kernels.Fused.WhereFast(p, r, new Vector<float>(5.0000001201e-1f));
            Vector<float> er = Kernels.Fused.WhereFast(p, r * r, r) + Vector<float>.One;
            Vector<int> k = Vector.ConvertToInt32(n);
            Vector<int> half = Vector.ShiftRightArithmetic(k, 1);
            Vector<float> scale1 = Vector.AsVectorSingle(Vector.ShiftLeft(half + new Vector<int>(127), 23));
            Vector<float> scale2 = Vector.AsVectorSingle(Vector.ShiftLeft(k - half + new Vector<int>(127), 23));
            Vector<float> result = er * scale1 * scale2;
            result = Vector.ConditionalSelect(Vector.LessThan(x, new Vector<float>(-103.9f)), Vector<float>.Zero, result);
            result = Vector.ConditionalSelect(Vector.GreaterThan(x, new Vector<float>(88.73f)), new Vector<float>(float.PositiveInfinity), result);
            return Vector.ConditionalSelect(Vector.Equals(x, x), result, x);
        }

        /// <summary>
        /// ln x within about one ulp for normal x: x = m·2^e with √½ ≤ m &lt; √2, ln m by the Cephes single-precision
        /// polynomial, e·ln 2 added in two parts. 0 gives −∞, a negative x NaN, +∞ and NaN themselves; subnormal
        /// inputs (below 1.2e-38, which the step never passes: it clamps probabilities at 1e-7) are not handled.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static Vector<float> LogVector(Vector<float> x)
        {
            Vector<int> bits = Vector.AsVectorInt32(x);
            Vector<int> exponent = Vector.ShiftRightArithmetic(bits, 23) - new Vector<int>(126);
            Vector<float> m = Vector.AsVectorSingle((bits & new Vector<int>(0x007fffff)) | new Vector<int>(0x3f000000));
            Vector<int> small = Vector.LessThan(m, new Vector<float>(0.707106781186547524f));
            Vector<float> e = Vector.ConvertToSingle(exponent + small);
            m = Vector.ConditionalSelect(Vector.AsVectorSingle(small), m + m, m) - Vector<float>.One;
            Vector<float> z = m * m;
            Vector<float> p = new Vector<float>(7.0376836292e-2f);
            p = Kernels.Fused.WhereFast(p, m, new Vector<float>(-1.1514610310e-1f));
            p = Kernels.Fused.WhereFast(p, m, new Vector<float>(1.1676998740e-1f));
            p = Kernels.Fused.WhereFast(p, m, new Vector<float>(-1.2420140846e-1f));
            p = Kernels.Fused.WhereFast(p, m, new Vector<float>(1.4249322787e-1f));
            p = Kernels.Fused.WhereFast(p, m, new Vector<float>(-1.6668057665e-1f));
            p = Kernels.Fused.WhereFast(p, m, new Vector<float>(2.0000714765e-1f));
            p = Kernels.Fused.WhereFast(p, m, new Vector<float>(-2.4999993993e-1f));
            p = Kernels.Fused.WhereFast(p, m, new Vector<float>(3.3333331174e-1f));
            Vector<float> y = p * m * z;
            y = Kernels.Fused.WhereFast(e, new Vector<float>(-2.12194440e-4f), y);
            y = Kernels.Fused.WhereFast(z, new Vector<float>(-0.5f), y);
            Vector<float> result = Kernels.Fused.WhereFast(e, new Vector<float>(0.693359375f), m + y);
            result = Vector.ConditionalSelect(Vector.Equals(x, Vector<float>.Zero), new Vector<float>(float.NegativeInfinity), result);
            result = Vector.ConditionalSelect(Vector.LessThan(x, Vector<float>.Zero), new Vector<float>(float.NaN), result);
            result = Vector.ConditionalSelect(Vector.Equals(x, new Vector<float>(float.PositiveInfinity)), x, result);
            return Vector.ConditionalSelect(Vector.Equals(x, x), result, x);
        }

        private readonly struct Constant(float value) : IUnary
        {
            public Vector<float> Invoke(Vector<float> x) => new(value);
        }

        private readonly struct MaxWith(float y) : IUnary
        {
            public Vector<float> Invoke(Vector<float> x) => Vector.Max(x, new Vector<float>(y));
        }

        private readonly struct Plus(float y) : IUnary
        {
            public Vector<float> Invoke(Vector<float> x) => x + new Vector<float>(y);
        }

        private readonly struct Times(float y) : IUnary
        {
            public Vector<float> Invoke(Vector<float> x) => x * new Vector<float>(y);
        }

        private readonly struct ClampTo(float min, float max) : IUnary
        {
            public Vector<float> Invoke(Vector<float> x) => Vector.Min(Vector.Max(x, new Vector<float>(min)), new Vector<float>(max));
        }

        private readonly struct ExpOf : IUnary
        {
            public Vector<float> Invoke(Vector<float> x) => ExpVector(x);
        }

        private readonly struct LogOf : IUnary
        {
            public Vector<float> Invoke(Vector<float> x) => LogVector(x);
        }

        private readonly struct SqrtOf : IUnary
        {
            public Vector<float> Invoke(Vector<float> x) => Vector.SquareRoot(x);
        }

        private readonly struct SigmoidOf : IUnary
        {
            public Vector<float> Invoke(Vector<float> x) => Vector<float>.One / (Vector<float>.One + ExpVector(-x));
        }

        private readonly struct MaxOf : IBinary
        {
            public Vector<float> Invoke(Vector<float> x, Vector<float> y) => Vector.Max(x, y);
        }

        private readonly struct Sum2 : IBinary
        {
            public Vector<float> Invoke(Vector<float> x, Vector<float> y) => x + y;
        }

        private readonly struct Difference : IBinary
        {
            public Vector<float> Invoke(Vector<float> x, Vector<float> y) => x - y;
        }

        private readonly struct Product : IBinary
        {
            public Vector<float> Invoke(Vector<float> x, Vector<float> y) => x * y;
        }

        private readonly struct Quotient : IBinary
        {
            public Vector<float> Invoke(Vector<float> x, Vector<float> y) => x / y;
        }

        private readonly struct ScaleAdd(float y) : IBinary
        {
            public Vector<float> Invoke(Vector<float> x, Vector<float> addend) => Kernels.Fused.WhereFast(x, new Vector<float>(y), addend);
        }

        private readonly struct Fma3 : ITernary
        {
            public Vector<float> Invoke(Vector<float> x, Vector<float> y, Vector<float> z) => Kernels.Fused.WhereFast(x, y, z);
        }
    }
}
