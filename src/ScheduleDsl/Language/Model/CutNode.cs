namespace ScheduleDsl.Language.Model
{
    /// <summary><c>X for N</c>: shows <c>X(0…N−1)</c>, then holds <c>X(N)</c>.</summary>
    internal sealed class CutNode : ScheduleNode
    {
        public CutNode(ScheduleNode inner, long length, TextSpan forSpan, TextSpan span, Written? lengthWritten = null)
            : base(span)
        {
            LengthWritten = lengthWritten;
            Inner = inner;
            Length = length;
            ForSpan = forSpan;
        }

        public ScheduleNode Inner { get; }

        public long Length { get; }

        /// <summary>N as written (<c>5 epochs</c> keeps its form in the canonical text); null when built in code.</summary>
        public Written? LengthWritten { get; }

        /// <summary>The span of <c>for N</c>.</summary>
        public TextSpan ForSpan { get; }

        public override long? Duration => Length;

        public override bool IsStateful => Inner.IsStateful;

        public override bool IsOpaque => Inner.IsOpaque;

        internal override void Bind(double? s) => Inner.Bind(s);

        public override double Value(long tau, double s, PlateauState[]? states) => Inner.Value(tau < Length ? tau : Length, s, states);

        public override void Observe(long tau, double metric, double s, PlateauState[] states)
        {
            if (tau < Length)
            {
                Inner.Observe(tau, metric, s, states);
            }
        }
    }
}
