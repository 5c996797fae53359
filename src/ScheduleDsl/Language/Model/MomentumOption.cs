namespace ScheduleDsl.Language.Model
{
    /// <summary>
    /// The <c>momentum [lo to hi]</c> option of <c>onecycle</c> and <c>cyclic</c>: PyTorch's <c>cycle_momentum=True</c>, moving
    /// the momentum against the rate between <c>lo</c> and <c>hi</c>.
    /// </summary>
    internal readonly struct MomentumOption
    {
        public MomentumOption(Written? low, Written? high, TextSpan span, double defaultLow, double defaultHigh)
        {
            Low = low;
            High = high;
            Span = span;
            DefaultLow = defaultLow;
            DefaultHigh = defaultHigh;
        }

        /// <summary>The written <c>lo</c>; null when the option is written bare and takes the kernel's default.</summary>
        public Written? Low { get; }

        public Written? High { get; }

        /// <summary>The option as written: <c>momentum</c> or <c>momentum 0.8 to 0.9</c>.</summary>
        public TextSpan Span { get; }

        public double DefaultLow { get; }

        public double DefaultHigh { get; }

        /// <summary>The momentum at the rate's peak.</summary>
        public double LowValue => Low?.Value ?? DefaultLow;

        /// <summary>The momentum where the rate is lowest, and outside the phase.</summary>
        public double HighValue => High?.Value ?? DefaultHigh;

        /// <summary>A level of the momentum channel, at the option's place in the text.</summary>
        public Written At(double value) => new Written(value, Span);
    }
}
