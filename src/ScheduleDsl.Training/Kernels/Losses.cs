using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace ScheduleDsl.Training.Kernels
{
    /// <summary>The losses on feature-major outputs and targets (<c>[outputs, batch]</c>): the mean loss and its gradient.</summary>
    internal static class Losses
    {
        /// <summary>Keras's clipping of probabilities before a logarithm.</summary>
        public const float Epsilon = 1e-7f;

        /// <summary>
        /// Returns the mean loss over the batch and writes the gradient into <paramref name="gradient"/>: with respect to the
        /// last layer's input to its activation when <paramref name="fused"/>, else with respect to its output.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static double Compute(Loss loss, bool fused, ReadOnlySpan<float> output, ReadOnlySpan<float> target, Span<float> gradient, int outputs, int batch)
        {
            double total = 0;
            int count = outputs * batch;
            switch (loss)
            {
                case Loss.CategoricalCrossEntropy when fused:
                    return count < Vector<float>.Count
                        ? SoftmaxCrossEntropyByPasses(output, target, gradient, count, batch)
                        : SoftmaxCrossEntropy(output, target, gradient, count, batch);

                case Loss.CategoricalCrossEntropy:
                {
                    float scale = 1f / batch;
                    for (int i = 0; i < count; i++)
                    {
                        float p = Math.Clamp(output[i], Epsilon, 1 - Epsilon);
                        float y = target[i];
                        if (y != 0)
                        {
                            total -= y * Math.Log(p);
                        }

                        gradient[i] = fused ? (output[i] - y) * scale : -y / p * scale;
                    }

                    return total / batch;
                }

                case Loss.BinaryCrossEntropy:
                {
                    float scale = 1f / count;
                    for (int i = 0; i < count; i++)
                    {
                        float p = Math.Clamp(output[i], Epsilon, 1 - Epsilon);
                        float y = target[i];
                        total -= y * Math.Log(p) + (1 - y) * Math.Log(1 - p);
                        gradient[i] = fused ? (output[i] - y) * scale : (p - y) / (p * (1 - p)) * scale;
                    }

                    return total / count;
                }

                default:
                {
                    float scale = 2f / count;
                    for (int i = 0; i < count; i++)
                    {
                        float d = output[i] - target[i];
                        total += (double)d * d;
                        gradient[i] = d * scale;
                    }

                    return total / count;
                }
            }
        }

        /// <summary>
        /// Cross-entropy of softmax outputs and its gradient with respect to the softmax's input, <c>(p − y) / batch</c>, in
        /// one pass over vectors of values (five passes of <see cref="Vec"/> took as long on the tutorial's 3×50 outputs).
        /// Every operation and its order are those of <see cref="SoftmaxCrossEntropyByPasses"/>, so are the bits: the same
        /// lane-wise clamp and log, the loss summed as <see cref="Vec.Dot"/> sums (vector lanes, then their sum, then the
        /// values past the last whole vector one by one), the values past it taken from an overlapping last vector. At
        /// least one vector of values.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static double SoftmaxCrossEntropy(ReadOnlySpan<float> output, ReadOnlySpan<float> target, Span<float> gradient, int count, int batch)
        {
            if (output.Length < count || target.Length < count || gradient.Length < count)
            {
                throw new ArgumentException("The outputs, targets or gradient are fewer than outputs × batch.");
            }

            int w = Vector<float>.Count;
            var low = new Vector<float>(Epsilon);
            var high = new Vector<float>(1 - Epsilon);
            var scale = new Vector<float>(1f / batch);
            ref float p = ref MemoryMarshal.GetReference(output);
            ref float y = ref MemoryMarshal.GetReference(target);
            ref float g = ref MemoryMarshal.GetReference(gradient);
            Vector<float> total = Vector<float>.Zero;
            int i = 0;
            for (; i <= count - w; i += w)
            {
                Vector<float> pv = Vector.LoadUnsafe(ref p, (nuint)i);
                Vector<float> yv = Vector.LoadUnsafe(ref y, (nuint)i);
                total = Fused.WhereFast(yv, Vec.LogVector(Vector.Min(Vector.Max(pv, low), high)), total);
                ((pv - yv) * scale).StoreUnsafe(ref g, (nuint)i);
            }

            float sum = Vector.Sum(total);
            if (i < count)
            {
                nuint last = (nuint)(count - w);
                Vector<float> pv = Vector.LoadUnsafe(ref p, last);
                Vector<float> yv = Vector.LoadUnsafe(ref y, last);
                Vector<float> logP = Vec.LogVector(Vector.Min(Vector.Max(pv, low), high));
                for (; i < count; i++)
                {
                    sum += target[i] * logP[i - (int)last];
                }

                ((pv - yv) * scale).StoreUnsafe(ref g, last);
            }

            return -sum / batch;
        }

        /// <summary>
        /// <see cref="SoftmaxCrossEntropy"/> as passes of <see cref="Vec"/>: the gradient buffer first holds log(clip(p)) for
        /// the loss, then p − y. For fewer values than a vector, and as the reference the one-pass form keeps to.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal static double SoftmaxCrossEntropyByPasses(ReadOnlySpan<float> output, ReadOnlySpan<float> target, Span<float> gradient, int count, int batch)
        {
            Span<float> logP = gradient.Slice(0, count);
            Vec.Clamp(output.Slice(0, count), Epsilon, 1 - Epsilon, logP);
            Vec.Log(logP, logP);
            double mean = -Vec.Dot(target.Slice(0, count), logP) / batch;
            Vec.Subtract(output.Slice(0, count), target.Slice(0, count), logP);
            Vec.Multiply(logP, 1f / batch, logP);
            return mean;
        }

        /// <summary>Whether the loss and the last activation fuse into one stable gradient.</summary>
        public static bool Fuses(Loss loss, Activation last) =>
            (loss == Loss.CategoricalCrossEntropy && last == Activation.Softmax) || (loss == Loss.BinaryCrossEntropy && last == Activation.Sigmoid);

        /// <summary>
        /// How many samples are right: the largest output is the target's class (one output per class); with one output,
        /// or binary cross-entropy, every output on the right side of 0.5.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static int Correct(Loss loss, ReadOnlySpan<float> output, ReadOnlySpan<float> target, int outputs, int batch)
        {
            int correct = 0;
            int j = 0;
            if (loss != Loss.BinaryCrossEntropy && outputs > 1 && Simd.IsVectorized)
            {
                j = CorrectClasses(output, target, outputs, batch, ref correct);
            }

            for (; j < batch; j++)
            {
                if (loss == Loss.BinaryCrossEntropy || outputs == 1)
                {
                    bool all = true;
                    for (int r = 0; r < outputs; r++)
                    {
                        all &= output[r * batch + j] >= 0.5f == target[r * batch + j] >= 0.5f;
                    }

                    correct += all ? 1 : 0;
                    continue;
                }

                int predicted = 0;
                int actual = 0;
                for (int r = 1; r < outputs; r++)
                {
                    if (output[r * batch + j] > output[predicted * batch + j])
                    {
                        predicted = r;
                    }

                    if (target[r * batch + j] > target[actual * batch + j])
                    {
                        actual = r;
                    }
                }

                correct += predicted == actual ? 1 : 0;
            }

            return correct;
        }

        /// <summary>
        /// <see cref="Correct"/> for one output per class, a vector of samples at a time: each lane keeps its largest output
        /// and target so far and their rows, taking a later row only when strictly larger, as the scalar loop does (so the
        /// first of equal values wins, and NaN never does). The branches of the scalar loop are as unpredictable as the
        /// network's answers; here there are none. Returns the first sample left to the scalar loop.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static int CorrectClasses(ReadOnlySpan<float> output, ReadOnlySpan<float> target, int outputs, int batch, ref int correct)
        {
            int w = Vector<float>.Count;
            int j = 0;
            for (; j + w <= batch; j += w)
            {
                var best = new Vector<float>(output.Slice(j, w));
                var bestTarget = new Vector<float>(target.Slice(j, w));
                Vector<int> predicted = Vector<int>.Zero;
                Vector<int> actual = Vector<int>.Zero;
                for (int r = 1; r < outputs; r++)
                {
                    var row = new Vector<int>(r);
                    var value = new Vector<float>(output.Slice(r * batch + j, w));
                    Vector<int> larger = Vector.GreaterThan(value, best);
                    best = Vector.ConditionalSelect(larger, value, best);
                    predicted = Vector.ConditionalSelect(larger, row, predicted);
                    var targetValue = new Vector<float>(target.Slice(r * batch + j, w));
                    Vector<int> largerTarget = Vector.GreaterThan(targetValue, bestTarget);
                    bestTarget = Vector.ConditionalSelect(largerTarget, targetValue, bestTarget);
                    actual = Vector.ConditionalSelect(largerTarget, row, actual);
                }

                // Equal lanes are all ones, that is −1.
                correct -= Vector.Sum(Vector.Equals(predicted, actual));
            }

            return j;
        }
    }
}
