namespace ScheduleDsl
{
    // Public in the runtime, internal in the generator: the model uses the public enums, which the generator compiles too.
    /// <summary>The mode of a cyclical schedule (PyTorch <c>CyclicLR</c>).</summary>
#if SCHEDULEDSL_RUNTIME
    public
#else
    internal
#endif
    enum CyclicMode
    {
        /// <summary>The same triangle every cycle.</summary>
        Triangular,
        /// <summary>The amplitude halves each cycle.</summary>
        Triangular2,
        /// <summary>The amplitude is scaled by <c>Gamma</c> to the power of the time index.</summary>
        ExpRange,
    }
}
