using System;
using System.Runtime.CompilerServices;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace ScheduleDsl.Training.Kernels
{
    /// <summary>
    /// The element-wise and row-wise steps around the products, on feature-major buffers (<c>[rows, batch]</c>): they run
    /// along the batch, through <see cref="Vec"/> (optimized from the first call) and <see cref="TensorPrimitives"/> for tanh.
    /// </summary>
    internal static class Elementwise
    {
        /// <summary>Sets every value of row r to <paramref name="rowValues"/>[r].</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void FillRows(Span<float> values, ReadOnlySpan<float> rowValues, int batch)
        {
            if (values.Length < rowValues.Length * batch)
            {
                throw new ArgumentException("The values are fewer than rows × batch.", nameof(values));
            }

            int w = Vector<float>.Count;
            if (batch < w)
            {
                for (int r = 0; r < rowValues.Length; r++)
                {
                    values.Slice(r * batch, batch).Fill(rowValues[r]);
                }

                return;
            }

            // Whole vectors, the last one overlapping the one before it where the batch is not a multiple of the width.
            ref float row = ref MemoryMarshal.GetReference(values);
            nuint last = (nuint)(batch - w);
            for (int r = 0; r < rowValues.Length; r++, row = ref Unsafe.Add(ref row, batch))
            {
                var value = new Vector<float>(rowValues[r]);
                for (nuint i = 0; i < last; i += (nuint)w)
                {
                    value.StoreUnsafe(ref row, i);
                }

                value.StoreUnsafe(ref row, last);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void RowSums(ReadOnlySpan<float> values, Span<float> sums, int batch)
        {
            for (int r = 0; r < sums.Length; r++)
            {
                sums[r] = Vec.Sum(values.Slice(r * batch, batch));
            }
        }

        /// <summary>Applies an activation in place; <paramref name="scratch"/> holds at least <c>2·batch</c> floats.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void Activate(Activation activation, Span<float> values, int rows, int batch, Span<float> scratch)
        {
            switch (activation)
            {
                case Activation.Relu:
                    Vec.Max(values, 0f, values);
                    break;
                case Activation.Tanh:
                    TensorPrimitives.Tanh(values, values);
                    break;
                case Activation.Sigmoid:
                    Vec.Sigmoid(values, values);
                    break;
                case Activation.Softmax:
                    Softmax(values, rows, batch, scratch);
                    break;
            }
        }

        /// <summary>Most rows whose last columns (fewer than a vector) <see cref="Softmax"/> copies to the stack: 4 KB.</summary>
        private const int StackTailFloats = 1024;

        /// <summary>
        /// Softmax down each column (one sample): max, subtract, exp, normalize. Computed a vector of columns at a time, all
        /// rows in one pass (a row-by-row pass per operation cost the tutorial's 3×50 output twelve trips through the
        /// buffer); the columns past the last whole vector come from an overlapping last vector of columns (for a batch
        /// narrower than a vector, a zero-padded stack copy), or, for very many rows, from <see cref="SoftmaxByRows"/>.
        /// Each element sees the same operations in the same order either way, so the bits are those of the row-by-row
        /// passes.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void Softmax(Span<float> values, int rows, int batch, Span<float> scratch)
        {
            if (values.Length < rows * batch)
            {
                throw new ArgumentException("The values are fewer than rows × batch.", nameof(values));
            }

            int w = Vector<float>.Count;
            int full = batch - batch % w;
            int tail = batch - full;
            ref float first = ref MemoryMarshal.GetReference(values);
            if (tail == 0 || rows * w > StackTailFloats)
            {
                for (int c = 0; c < full; c += w)
                {
                    SoftmaxColumns(ref Unsafe.Add(ref first, c), batch, rows);
                }

                if (tail > 0)
                {
                    SoftmaxByRows(values, rows, batch, full, batch, scratch);
                }

                return;
            }

            if (full > 0)
            {
                // The last whole vector of columns, which overlaps the one before it, computed first from the values as they
                // are and stored after the others: the overlapped columns get the same values twice.
                Span<float> last = stackalloc float[rows * w];
                ref float lastFirst = ref MemoryMarshal.GetReference(last);
                nuint lastColumn = (nuint)(batch - w);
                for (int r = 0; r < rows; r++)
                {
                    Vector.LoadUnsafe(ref first, (nuint)(r * batch) + lastColumn).StoreUnsafe(ref lastFirst, (nuint)(r * w));
                }

                SoftmaxColumns(ref lastFirst, w, rows);
                for (int c = 0; c < full; c += w)
                {
                    SoftmaxColumns(ref Unsafe.Add(ref first, c), batch, rows);
                }

                for (int r = 0; r < rows; r++)
                {
                    Vector.LoadUnsafe(ref lastFirst, (nuint)(r * w)).StoreUnsafe(ref first, (nuint)(r * batch) + lastColumn);
                }

                return;
            }

            // Fewer columns than a vector: a zero-padded copy.
            Span<float> copy = stackalloc float[rows * w];
            copy.Clear();
            for (int r = 0; r < rows; r++)
            {
                values.Slice(r * batch + full, tail).CopyTo(copy.Slice(r * w));
            }

            SoftmaxColumns(ref MemoryMarshal.GetReference(copy), w, rows);
            for (int r = 0; r < rows; r++)
            {
                copy.Slice(r * w, tail).CopyTo(values.Slice(r * batch + full));
            }
        }

        /// <summary>Softmax of one vector of columns, rows <paramref name="stride"/> apart.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void SoftmaxColumns(ref float column, int stride, int rows)
        {
            Vector<float> max = Vector.LoadUnsafe(ref column);
            for (int r = 1; r < rows; r++)
            {
                max = Vector.Max(max, Vector.LoadUnsafe(ref column, (nuint)(r * stride)));
            }

            Vector<float> sum = Vector<float>.Zero;
            for (int r = 0; r < rows; r++)
            {
                Vector<float> e = Vec.ExpVector(Vector.LoadUnsafe(ref column, (nuint)(r * stride)) - max);
                e.StoreUnsafe(ref column, (nuint)(r * stride));
                sum += e;
            }

            for (int r = 0; r < rows; r++)
            {
                (Vector.LoadUnsafe(ref column, (nuint)(r * stride)) / sum).StoreUnsafe(ref column, (nuint)(r * stride));
            }
        }

        /// <summary>
        /// Softmax of columns <paramref name="c0"/> to <paramref name="c1"/> row by row along the batch, each operation a pass
        /// of <see cref="Vec"/> over a row: the order of operations <see cref="SoftmaxColumns"/> keeps.
        /// <paramref name="scratch"/> holds at least <c>2·batch</c> floats.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal static void SoftmaxByRows(Span<float> values, int rows, int batch, int c0, int c1, Span<float> scratch)
        {
            int width = c1 - c0;
            Span<float> max = scratch.Slice(0, width);
            Span<float> sum = scratch.Slice(batch, width);
            values.Slice(c0, width).CopyTo(max);
            for (int r = 1; r < rows; r++)
            {
                Vec.Max(max, values.Slice(r * batch + c0, width), max);
            }

            sum.Clear();
            for (int r = 0; r < rows; r++)
            {
                Span<float> row = values.Slice(r * batch + c0, width);
                Vec.Subtract(row, max, row);
                Vec.Exp(row, row);
                Vec.Add(sum, row, sum);
            }

            for (int r = 0; r < rows; r++)
            {
                Span<float> row = values.Slice(r * batch + c0, width);
                Vec.Divide(row, sum, row);
            }
        }

        /// <summary>
        /// Turns the gradient with respect to an activation's output into the gradient with respect to its input, in place;
        /// <paramref name="scratch"/> holds at least <c>batch</c> floats.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void ActivationBackward(Activation activation, ReadOnlySpan<float> output, Span<float> gradient, int rows, int batch, Span<float> scratch)
        {
            switch (activation)
            {
                case Activation.Relu:
                    ReluBackward(output, gradient);
                    break;
                case Activation.Tanh:
                    // d tanh = 1 − a²
                    for (int i = 0; i < gradient.Length; i++)
                    {
                        gradient[i] *= 1 - output[i] * output[i];
                    }

                    break;
                case Activation.Sigmoid:
                    // d σ = a (1 − a)
                    for (int i = 0; i < gradient.Length; i++)
                    {
                        gradient[i] *= output[i] * (1 - output[i]);
                    }

                    break;
                case Activation.Softmax:
                    // Per column: g_r ← a_r (g_r − Σ_k a_k g_k)
                    Span<float> dot = scratch.Slice(0, batch);
                    dot.Clear();
                    for (int r = 0; r < rows; r++)
                    {
                        Vec.MultiplyAdd(output.Slice(r * batch, batch), gradient.Slice(r * batch, batch), dot, dot);
                    }

                    for (int r = 0; r < rows; r++)
                    {
                        Span<float> g = gradient.Slice(r * batch, batch);
                        Vec.Subtract(g, dot, g);
                        Vec.Multiply(g, output.Slice(r * batch, batch), g);
                    }

                    break;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void ReluBackward(ReadOnlySpan<float> output, Span<float> gradient)
        {
            int i = 0;
            if (Simd.IsVectorized)
            {
                ReadOnlySpan<Vector<float>> a = MemoryMarshal.Cast<float, Vector<float>>(output);
                Span<Vector<float>> g = MemoryMarshal.Cast<float, Vector<float>>(gradient);
                int vectors = Math.Min(a.Length, g.Length);
                for (int v = 0; v < vectors; v++)
                {
                    g[v] = Vector.ConditionalSelect(Vector.GreaterThan(a[v], Vector<float>.Zero), g[v], Vector<float>.Zero);
                }

                i = vectors * Vector<float>.Count;
            }

            for (; i < gradient.Length; i++)
            {
                gradient[i] = output[i] > 0 ? gradient[i] : 0;
            }
        }
    }
}
