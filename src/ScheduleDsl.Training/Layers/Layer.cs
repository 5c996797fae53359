using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace ScheduleDsl.Training
{
    /// <summary>
    /// A layer of a <see cref="Sequential"/> model. Activations are stored feature-major — <c>[features, batch]</c>, one
    /// row per feature — so every element-wise step runs along the batch and the products are plain row-major GEMMs.
    /// </summary>
    public abstract class Layer
    {
        internal Layer(int inputs, int outputs)
        {
            if (inputs < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(inputs), inputs, "A layer needs at least one input.");
            }

            if (outputs < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(outputs), outputs, "A layer needs at least one output.");
            }

            Inputs = inputs;
            Outputs = outputs;
        }

        /// <summary>The number of input features.</summary>
        public int Inputs { get; }

        /// <summary>The number of output features.</summary>
        public int Outputs { get; }

        /// <summary>The output of the last forward pass, <c>[Outputs, batch capacity]</c>.</summary>
        internal float[] Output { get; private set; } = Array.Empty<float>();

        /// <summary>The gradient of the loss with respect to <see cref="Output"/>.</summary>
        internal float[] OutputGradient { get; private set; } = Array.Empty<float>();

        /// <summary>The layer's trainable tensors, each with its name (<c>weight</c>, <c>bias</c>); empty for a layer without weights.</summary>
        public virtual IReadOnlyList<Parameter> Parameters => Array.Empty<Parameter>();

        /// <summary>The layer in a word and its settings, as checkpoints record the architecture: <c>dense(3→9, Relu)</c>.</summary>
        public abstract string Description { get; }

        /// <summary>Sets the layer's initial weights from <paramref name="rng"/> (a layer without weights draws nothing).</summary>
        internal virtual void Initialize(Rng rng)
        {
        }

        /// <summary>
        /// Whether <paramref name="loss"/>, following this layer as the last, fuses with its activation (softmax with
        /// categorical cross-entropy, sigmoid with binary cross-entropy): the loss then writes the gradient with respect to
        /// the activation's input, and the layer's backward must not apply the activation again.
        /// </summary>
        internal virtual bool FusesWith(Loss loss) => false;

        /// <summary>Allocates the buffers for batches of up to <paramref name="batch"/> samples (once; later calls reuse them).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal virtual void Reserve(int batch)
        {
            int length = BufferSize.Of(Outputs, batch, "The output of a layer");
            if (Output.Length < length)
            {
                Output = new float[length];
                OutputGradient = new float[length];
            }
        }

        /// <summary>
        /// Whether the layer can take its input sample-major (<c>[batch, Inputs]</c>, the dataset's rows as they lie), which
        /// spares the first layer's batch a transpose (<see cref="Dense"/> of at least 32 inputs).
        /// </summary>
        internal virtual bool TakesSampleMajorInput => false;

        /// <summary>
        /// Computes <see cref="Output"/> from <paramref name="input"/>: <c>[Inputs, batch]</c>, or <c>[batch, Inputs]</c> with
        /// <paramref name="sampleMajorInput"/> (only for a layer that <see cref="TakesSampleMajorInput"/>).
        /// </summary>
        internal abstract void Forward(float[] input, int batch, bool training, Rng rng, bool sampleMajorInput = false);

        /// <summary>
        /// From <see cref="OutputGradient"/>, accumulates the parameter gradients and writes the gradient of the input into
        /// <paramref name="inputGradient"/> (skipped when null: the first layer has no one to pass it to). The input is laid
        /// out as it was for <see cref="Forward"/>. With <paramref name="preActivationGradient"/>, <see cref="OutputGradient"/>
        /// already holds the gradient with respect to the activation's input (the last layer, its loss fused with its
        /// activation: <see cref="FusesWith"/>). With <paramref name="step"/> (an optimizer between
        /// <see cref="Optimizer.BeginStep"/> and <see cref="Optimizer.FinishStep"/>), a layer may apply the step's update to
        /// its parameters as soon as their gradients are complete, marking them updated. The model says all three with each
        /// call, so a layer that belongs to two models is never left with the other model's answers.
        /// </summary>
        internal abstract void Backward(float[] input, float[]? inputGradient, int batch, bool sampleMajorInput = false, bool preActivationGradient = false, Optimizer? step = null);

        /// <summary>The error for a sample-major input given to a layer that does not take one.</summary>
        private protected InvalidOperationException NoSampleMajorInput() =>
            new InvalidOperationException(Description + " takes its input feature-major only.");
    }
}
