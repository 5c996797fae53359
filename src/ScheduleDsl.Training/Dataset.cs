using System;
using System.Runtime.CompilerServices;
using System.Globalization;

namespace ScheduleDsl.Training
{
    /// <summary>Inputs and targets copied into contiguous row-major buffers, checked once before training.</summary>
    internal sealed class Dataset
    {
        private Dataset(float[] x, float[] y, int count, int features, int outputs)
        {
            X = x;
            Y = y;
            Count = count;
            Features = features;
            Outputs = outputs;
        }

        public float[] X { get; }

        public float[] Y { get; }

        public int Count { get; }

        public int Features { get; }

        public int Outputs { get; }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static Dataset From(float[,] x, float[,] y, int inputs, int outputs, Loss loss, string xName, string yName)
        {
            if (x == null)
            {
                throw new ArgumentNullException(xName);
            }

            if (y == null)
            {
                throw new ArgumentNullException(yName);
            }

            int count = x.GetLength(0);
            if (count == 0)
            {
                throw new ArgumentException(xName + " is empty: there is nothing to train on.", xName);
            }

            if (x.GetLength(1) != inputs)
            {
                throw new ArgumentException(xName + " has " + x.GetLength(1) + " features per sample, but the first layer takes " + inputs + ".", xName);
            }

            if (y.GetLength(0) != count)
            {
                throw new ArgumentException(yName + " has " + y.GetLength(0) + " rows but " + xName + " has " + count + "; they must match sample for sample.", yName);
            }

            if (y.GetLength(1) != outputs)
            {
                throw new ArgumentException(yName + " has " + y.GetLength(1) + " values per sample, but the last layer has " + outputs + " outputs.", yName);
            }

            var xs = new float[BufferSize.Of(count, inputs, xName)];
            var ys = new float[BufferSize.Of(count, outputs, yName)];
            for (int i = 0; i < count; i++)
            {
                for (int f = 0; f < inputs; f++)
                {
                    float v = x[i, f];
                    if (!float.IsFinite(v))
                    {
                        throw new ArgumentException(xName + "[" + i + ", " + f + "] is " + v.ToString(CultureInfo.InvariantCulture) + "; inputs must be finite numbers.", xName);
                    }

                    xs[i * inputs + f] = v;
                }

                for (int o = 0; o < outputs; o++)
                {
                    float v = y[i, o];
                    if (!float.IsFinite(v))
                    {
                        throw new ArgumentException(yName + "[" + i + ", " + o + "] is " + v.ToString(CultureInfo.InvariantCulture) + "; targets must be finite numbers.", yName);
                    }

                    if (loss != Loss.MeanSquaredError && (v < 0 || v > 1))
                    {
                        throw new ArgumentException(yName + "[" + i + ", " + o + "] is " + v.ToString(CultureInfo.InvariantCulture) + "; cross-entropy targets are probabilities in [0, 1].", yName);
                    }

                    ys[i * outputs + o] = v;
                }
            }

            return new Dataset(xs, ys, count, inputs, outputs);
        }

        /// <summary>One-hot targets from class indices.</summary>
        public static float[,] OneHot(int[] labels, int classes, string name)
        {
            if (labels == null)
            {
                throw new ArgumentNullException(name);
            }

            var y = new float[labels.Length, classes];
            for (int i = 0; i < labels.Length; i++)
            {
                if (labels[i] < 0 || labels[i] >= classes)
                {
                    throw new ArgumentException(name + "[" + i + "] is " + labels[i] + ", outside the " + classes + " classes 0…" + (classes - 1) + " of the last layer.", name);
                }

                y[i, labels[i]] = 1;
            }

            return y;
        }

        /// <summary>The last <paramref name="fraction"/> of the samples, as Keras's <c>validation_split</c> takes them (before shuffling).</summary>
        public (Dataset Train, Dataset Validation) Split(double fraction)
        {
            int validation = (int)Math.Floor(Count * fraction);
            if (validation < 1 || validation >= Count)
            {
                throw new ArgumentException("validationSplit " + fraction.ToString(CultureInfo.InvariantCulture) + " of " + Count + " samples leaves no samples for " + (validation < 1 ? "validation" : "training") + ".", "validationSplit");
            }

            int train = Count - validation;
            return (Slice(0, train), Slice(train, validation));
        }

        private Dataset Slice(int start, int count) =>
            new Dataset(X.AsSpan(start * Features, count * Features).ToArray(), Y.AsSpan(start * Outputs, count * Outputs).ToArray(), count, Features, Outputs);

        /// <summary>
        /// Gathers the samples <paramref name="indices"/> into feature-major buffers (<c>[features, batch]</c>): whole rows are
        /// copied into <paramref name="rows"/> (<c>[batch, features]</c>, at least as large as either buffer) and then transposed.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Gather(ReadOnlySpan<int> indices, Span<float> x, Span<float> y, Span<float> rows) => Gather(indices, x, y, rows, sampleMajorX: false);

        /// <summary>
        /// As <see cref="Gather(ReadOnlySpan{int}, Span{float}, Span{float}, Span{float})"/>; with <paramref name="sampleMajorX"/>
        /// the inputs are copied sample by sample (<c>[batch, features]</c>) instead, for a first layer that takes them so.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal void Gather(ReadOnlySpan<int> indices, Span<float> x, Span<float> y, Span<float> rows, bool sampleMajorX)
        {
            Kernels.GatherTransposed.Run(X, Features, indices, x, rows, transposed: !sampleMajorX);
            Kernels.GatherTransposed.Run(Y, Outputs, indices, y, rows);
        }
    }
}
