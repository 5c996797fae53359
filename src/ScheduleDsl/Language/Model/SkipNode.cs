namespace ScheduleDsl.Language.Model
{
    /// <summary>
    /// <c>X skip K</c>: <c>X(τ + K)</c> at local time τ, with the same incoming level — a phase that starts part-way along
    /// its curve (timm's <c>warmup_prefix=False</c>). A bounded <c>X</c> of length D lasts D − K.
    /// </summary>
    internal sealed class SkipNode : ScheduleNode
    {
        public SkipNode(ScheduleNode inner, long skipped, TextSpan skipSpan, TextSpan span, Written? skippedWritten = null)
            : base(span)
        {
            SkippedWritten = skippedWritten;
            Inner = inner;
            Skipped = skipped;
            SkipSpan = skipSpan;
        }

        public ScheduleNode Inner { get; }

        /// <summary>K, the time units of <see cref="Inner"/> that are skipped.</summary>
        public long Skipped { get; }

        /// <summary>K as written; null when built in code.</summary>
        public Written? SkippedWritten { get; }

        /// <summary>The span of <c>skip K</c>.</summary>
        public TextSpan SkipSpan { get; }

        public override long? Duration => Inner.Duration is long d ? d - Skipped : null;

        /// <summary>The parser refuses <c>skip</c> on a phase that holds a plateau, so this is always false.</summary>
        public override bool IsStateful => false;

        public override bool IsOpaque => Inner.IsOpaque;

        internal override void Bind(double? s) => Inner.Bind(s);

        /// <summary><c>τ + K</c>, saturating at <see cref="long.MaxValue"/> (where every open-ended kernel has long settled).</summary>
        public static long Shift(long tau, long skipped) => tau > long.MaxValue - skipped ? long.MaxValue : tau + skipped;

        public override double Value(long tau, double s, PlateauState[]? states) => Inner.Value(Shift(tau, Skipped), s, states);
    }
}
