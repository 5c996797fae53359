namespace ScheduleDsl.Training
{
    /// <summary>The activation a <see cref="Dense"/> layer applies to its output.</summary>
    public enum Activation
    {
        /// <summary>No activation: the identity.</summary>
        Linear,
        /// <summary>max(0, x).</summary>
        Relu,
        /// <summary>The hyperbolic tangent.</summary>
        Tanh,
        /// <summary>1 / (1 + e^−x).</summary>
        Sigmoid,

        /// <summary>Over the layer's outputs for each sample; fused with categorical cross-entropy into one stable gradient.</summary>
        Softmax,
    }

    /// <summary>What the model minimizes.</summary>
    public enum Loss
    {
        /// <summary>−Σ y·log p, probabilities clipped to [1e-7, 1 − 1e-7] as Keras does; with a softmax output the gradient is p − y.</summary>
        CategoricalCrossEntropy,

        /// <summary>−[y·log p + (1 − y)·log(1 − p)], averaged over outputs; with a sigmoid output the gradient is p − y.</summary>
        BinaryCrossEntropy,

        /// <summary>(p − y)², averaged over outputs.</summary>
        MeanSquaredError,
    }
}
