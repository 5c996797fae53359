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
            for (int r = 0; r < rowValues.Length; r++)
            {
                Vec.Fill(values.Slice(r * batch, batch), rowValues[r]);
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

        /// <summary>Softmax down each column (one sample), computed row by row along the batch: max, subtract, exp, normalize.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void Softmax(Span<float> values, int rows, int batch, Span<float> scratch)
        {
            Span<float> max = scratch.Slice(0, batch);
            Span<float> sum = scratch.Slice(batch, batch);
            values.Slice(0, batch).CopyTo(max);
            for (int r = 1; r < rows; r++)
            {
                Vec.Max(max, values.Slice(r * batch, batch), max);
            }

            sum.Clear();
            for (int r = 0; r < rows; r++)
            {
                Span<float> row = values.Slice(r * batch, batch);
                Vec.Subtract(row, max, row);
                Vec.Exp(row, row);
                Vec.Add(sum, row, sum);
            }

            for (int r = 0; r < rows; r++)
            {
                Span<float> row = values.Slice(r * batch, batch);
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
