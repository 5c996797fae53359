namespace ScheduleDsl
{
    // Public in the runtime, internal in the generator, like ScheduleUnit.
    /// <summary>A hyperparameter a schedule text can drive, one channel each (channels are separated by <c>;</c>).</summary>
#if SCHEDULEDSL_RUNTIME
    public
#else
    internal
#endif
    enum ScheduleChannel
    {
        /// <summary>The learning rate (the first channel unless its header names another).</summary>
        LearningRate,
        /// <summary>SGD's and RMSprop's momentum, and β₁ of the Adam family (PyTorch's <c>cycle_momentum</c>).</summary>
        Momentum,
        /// <summary>The optimizer's decoupled weight decay.</summary>
        WeightDecay,
    }
}
