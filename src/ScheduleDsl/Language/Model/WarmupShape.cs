namespace ScheduleDsl
{
    // Public in the runtime, internal in the generator: the model uses the public enums, which the generator compiles too.
    /// <summary>The shape of a warmup.</summary>
#if SCHEDULEDSL_RUNTIME
    public
#else
    internal
#endif
    enum WarmupShape
    {
        /// <summary>A straight line from the start to the end level (<c>warmup linear</c>).</summary>
        Linear,
        /// <summary>A half cosine, flat at both ends (<c>warmup cosine</c>).</summary>
        Cosine,
        /// <summary>A constant ratio per time unit: a straight line in log space (<c>warmup exp</c>).</summary>
        Exponential,
        /// <summary>The 1−sqrt warmup of warmup-stable-decay: <c>a + (b−a)·(1−√(1−τ/N))</c> (<c>warmup sqrt</c>).</summary>
        Sqrt,
    }
}
