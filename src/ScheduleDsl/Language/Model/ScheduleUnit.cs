namespace ScheduleDsl
{
    // Public in the runtime, internal in the generator: the model uses the public enums, which the generator compiles too.
    /// <summary>What one time index counts: an epoch (the default) or an optimizer update (<c>per step</c>).</summary>
#if SCHEDULEDSL_RUNTIME
    public
#else
    internal
#endif
    enum ScheduleUnit
    {
        /// <summary>One time index per epoch (the default).</summary>
        Epoch,
        /// <summary>One time index per optimizer step.</summary>
        Step,
    }
}
