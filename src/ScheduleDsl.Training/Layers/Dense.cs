using System;
using System.Runtime.CompilerServices;
using System.Collections.Generic;
using ScheduleDsl.Training.Kernels;

namespace ScheduleDsl.Training
{
    /// <summary>A fully connected layer: <c>f(W·x + b)</c>, <c>W</c> stored <c>[out, in]</c> as PyTorch and safetensors do.</summary>
    public sealed partial class Dense : Layer
    {
        private float[] _inputTransposed = Array.Empty<float>();
        private float[] _weightTransposed = Array.Empty<float>();
        /// <summary>Below this many inputs the weight gradient is computed as dot products (<see cref="DotProducts"/>).</summary>
        internal const int NarrowInputs = 32;

        private readonly Parameter[] _parameters;
        private float[] _scratch = Array.Empty<float>();

        /// <summary>A fully connected layer <c>y = activation(W·x + b)</c>.</summary>
        public Dense(int inputs, int outputs, Activation activation = Activation.Linear)
            : base(inputs, outputs)
        {
            if (!Enum.IsDefined(activation))
            {
                throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation.");
            }

            Activation = activation;
            Weight = new Parameter("weight", new[] { outputs, inputs });
            Bias = new Parameter("bias", new[] { outputs });
            _parameters = new[] { Weight, Bias };
        }

        /// <summary>The activation applied to the outputs.</summary>
        public Activation Activation { get; }

        /// <summary>
        /// From <see cref="NarrowInputs"/> inputs on, the layer takes its input sample by sample (<c>[batch, inputs]</c>, the
        /// dataset's rows copied as they lie) as well as feature-major: the forward product packs B from it transposed and the
        /// weight gradient packs Xᵀ from it as it lies, so the gather needs no transpose. The packed panels hold the same
        /// values either way, so the results are the same bits.
        /// </summary>
        internal override bool TakesSampleMajorInput
        {
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            get => Inputs >= NarrowInputs;
        }

        /// <summary>The weights, shaped <c>[outputs, inputs]</c>.</summary>
        public Parameter Weight { get; }

        /// <summary>The biases, one per output.</summary>
        public Parameter Bias { get; }

        /// <summary>The weights, then the biases.</summary>
        public override IReadOnlyList<Parameter> Parameters => _parameters;

        /// <inheritdoc/>
        public override string Description => "dense(" + Inputs + "→" + Outputs + ", " + Activation + ")";

        internal override bool FusesWith(Loss loss) => Losses.Fuses(loss, Activation);

        /// <summary>Glorot (Xavier) uniform weights in ±√(6 / (in + out)) and zero biases, as Keras initializes a Dense layer.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal override void Initialize(Rng rng)
        {
            float limit = MathF.Sqrt(6f / (Inputs + Outputs));
            float[] w = Weight.Value;
            for (int i = 0; i < w.Length; i++)
            {
                w[i] = (2 * rng.NextSingle() - 1) * limit;
            }

            Array.Clear(Bias.Value);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal override void Reserve(int batch)
        {
            base.Reserve(batch);
            int inputLength = BufferSize.Of(Inputs, batch, "The input of a dense layer");
            if (Inputs >= NarrowInputs && _inputTransposed.Length < inputLength)
            {
                _inputTransposed = new float[inputLength];
            }

            if (_weightTransposed.Length == 0)
            {
                _weightTransposed = new float[Inputs * Outputs];
            }

            if (_scratch.Length < 2 * batch)
            {
                _scratch = new float[BufferSize.Of(2, batch, "The scratch row of a dense layer")];
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal override void Forward(float[] input, int batch, bool training, Rng rng, bool sampleMajorInput = false)
        {
            if (sampleMajorInput && !TakesSampleMajorInput)
            {
                throw NoSampleMajorInput();
            }

            // Start each row at its bias and accumulate the product onto it: one pass fewer than clearing and adding later.
            if (ForwardInOneJob(input, batch, sampleMajorInput))
            {
                return;
            }

            Span<float> output = Output.AsSpan(0, Outputs * batch);
            RowSteps.FillRows(output, Bias.Value, batch);
            if (sampleMajorInput)
            {
                Gemm.MultiplyByTransposed(Weight.Value, input.AsSpan(0, Inputs * batch), output, Outputs, Inputs, batch, accumulate: true, _inputTransposed);
            }
            else
            {
                Gemm.Multiply(Weight.Value, input, output, Outputs, Inputs, batch, accumulate: true);
            }

            RowSteps.Activate(Activation, output, Outputs, batch, _scratch);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal override void Backward(float[] input, float[]? inputGradient, int batch, bool sampleMajorInput = false, bool preActivationGradient = false, Optimizer? step = null)
        {
            if (sampleMajorInput && !TakesSampleMajorInput)
            {
                throw NoSampleMajorInput();
            }

            if (BackwardInOneJob(input, inputGradient, batch, sampleMajorInput, preActivationGradient, step))
            {
                return;
            }

            Span<float> gradient = OutputGradient.AsSpan(0, Outputs * batch);
            if (!preActivationGradient)
            {
                RowSteps.ActivationBackward(Activation, Output.AsSpan(0, Outputs * batch), gradient, Outputs, batch, _scratch);
            }

            // dW[out, in] = dZ[out, batch] · Xᵀ[batch, in]: dot products of rows for a narrow layer, else the tiled product,
            // which packs Xᵀ straight from X when it can (and a sample-major input is Xᵀ itself).
            if (sampleMajorInput)
            {
                Gemm.Multiply(gradient, input.AsSpan(0, Inputs * batch), Weight.Gradient, Outputs, batch, Inputs, accumulate: false);
            }
            else if (Inputs < NarrowInputs)
            {
                DotProducts.MultiplyByTransposed(gradient, input.AsSpan(0, Inputs * batch), Weight.Gradient, Outputs, batch, Inputs);
            }
            else
            {
                Gemm.MultiplyByTransposed(gradient, input.AsSpan(0, Inputs * batch), Weight.Gradient, Outputs, batch, Inputs, accumulate: false, _inputTransposed);
            }
            RowSteps.RowSums(gradient, Bias.Gradient, batch);

            if (inputGradient != null)
            {
                // dX[in, batch] = Wᵀ[in, out] · dZ[out, batch]
                RowSteps.Transposed(Weight.Value, _weightTransposed, Outputs, Inputs);
                Gemm.Multiply(_weightTransposed, gradient, inputGradient.AsSpan(0, Inputs * batch), Inputs, Outputs, batch, accumulate: false);
            }
        }
    }
}
