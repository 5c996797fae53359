namespace ScheduleDsl.Language.Model
{
    internal enum KernelKind
    {
        Constant,
        Hold,
        Warmup,
        Step,
        MultiStep,
        Exp,
        InverseTime,
        InverseSqrt,
        Linear,
        Poly,
        Cosine,
        Tanh,
        Sqrt,
        Restarts,
        Cyclic,
        OneCycle,
        Piecewise,
        Plateau,
        Custom,
    }

    /// <summary>One kernel of the language: a closed-form curve of local time (or, for <c>plateau</c>, of observed metrics).</summary>
    internal abstract class KernelNode : ScheduleNode
    {
        protected KernelNode(TextSpan keyword, TextSpan span)
            : base(span)
        {
            Keyword = keyword;
        }

        public abstract KernelKind Kind { get; }

        /// <summary>The span of the kernel's first keyword.</summary>
        public TextSpan Keyword { get; }

        public override bool IsStateful => false;
    }
}
