using System;
using System.Runtime.CompilerServices;

namespace ScheduleDsl.Training
{
    /// <summary>Inverted dropout: in training, zeroes each value with probability <c>rate</c> and scales the rest by 1/(1 − rate); at inference, the identity.</summary>
    public sealed class Dropout : Layer
    {
        private float[] _mask = Array.Empty<float>();

        /// <summary>Drops each of <paramref name="features"/> with probability <paramref name="rate"/> while training (inverted dropout: the rest are scaled up).</summary>
        public Dropout(int features, double rate)
            : base(features, features)
        {
            if (!(rate >= 0 && rate < 1))
            {
                throw new ArgumentOutOfRangeException(nameof(rate), rate, "The dropout rate must lie in [0, 1).");
            }

            Rate = rate;
        }

        /// <summary>The probability of dropping a feature while training.</summary>
        public double Rate { get; }

        /// <inheritdoc/>
        public override string Description => "dropout(" + Rate.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + ")";

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal override void Reserve(int batch)
        {
            base.Reserve(batch);
            int length = BufferSize.Of(Inputs, batch, "The mask of a dropout layer");
            if (_mask.Length < length)
            {
                _mask = new float[length];
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal override void Forward(float[] input, int batch, bool training, Rng rng, bool sampleMajorInput = false)
        {
            if (sampleMajorInput)
            {
                throw NoSampleMajorInput();
            }

            int count = Inputs * batch;
            if (!training || Rate == 0)
            {
                input.AsSpan(0, count).CopyTo(Output);
                Kernels.Vec.Fill(_mask.AsSpan(0, count), 1f);
                return;
            }

            float keep = (float)(1 / (1 - Rate));
            for (int i = 0; i < count; i++)
            {
                _mask[i] = rng.NextDouble() < Rate ? 0f : keep;
                Output[i] = input[i] * _mask[i];
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal override void Backward(float[] input, float[]? inputGradient, int batch, bool sampleMajorInput = false, bool preActivationGradient = false, Optimizer? step = null)
        {
            if (sampleMajorInput)
            {
                throw NoSampleMajorInput();
            }

            if (inputGradient != null)
            {
                Kernels.Vec.Multiply(OutputGradient.AsSpan(0, Inputs * batch), _mask.AsSpan(0, Inputs * batch), inputGradient.AsSpan(0, Inputs * batch));
            }
        }
    }
}
