using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace ScheduleDsl.Training.Kernels
{
    /// <summary>
    /// Chooses between the vectorized kernels (<see cref="Vector{T}"/> with fused multiply-add where the hardware has it)
    /// and a scalar path that gives the same results within float tolerance. The scalar path exists to test against and
    /// for hardware without SIMD; set <c>SCHEDULEDSL_SCALAR=1</c> or <see cref="ForceScalar"/> to use it.
    /// </summary>
    public static class Simd
    {
        /// <summary>Use the scalar kernels even where SIMD is available.</summary>
        public static bool ForceScalar { get; set; } = Environment.GetEnvironmentVariable("SCHEDULEDSL_SCALAR") == "1";

        /// <summary>Whether the vectorized kernels run.</summary>
        public static bool IsVectorized
        {
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            get => !ForceScalar && Vector.IsHardwareAccelerated;
        }

        /// <summary>Floats per vector (8 with AVX2, 16 with 512-bit vectors).</summary>
        public static int Width => Vector<float>.Count;

        /// <summary>A description of the kernels in use, for benchmark reports.</summary>
        public static string Describe() =>
            IsVectorized
                ? "Vector<float> × " + Width + (System.Runtime.Intrinsics.X86.Fma.IsSupported ? " with FMA" : string.Empty) + ", " + Environment.ProcessorCount + " threads"
                : "scalar";
    }
}
