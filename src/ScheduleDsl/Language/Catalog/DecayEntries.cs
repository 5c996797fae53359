using System.Collections.Generic;
using ScheduleDsl.Language.Model;

namespace ScheduleDsl.Language
{
    /// <summary><c>step g every k</c> (PyTorch <c>StepLR</c>).</summary>
    internal sealed class StepEntry : KernelEntry<StepKernel>
    {
        public StepEntry()
            : base(
                KernelKind.Step,
                "step",
                new[] { new ClauseSpec("every", ClauseKind.Integer, "k", required: true) },
                new AttributeForm("StepDecayAttribute", AttributeArgument.Number(0), AttributeArgument.Named("Every", "every")))
        {
        }

        public override KernelNode? Parse(Parser parser, Token keyword)
        {
            Written? factor = parser.ExpectNumber("the decay factor", keyword);
            FoundClauses found = parser.ParseClauses(keyword, Clauses, out bool failed);
            if (factor is not Written g || failed || !parser.Positive(g, "the factor of 'step'"))
            {
                return null;
            }

            return new StepKernel(g, found.Value("every")!.Value, Parser.Span(keyword), parser.SpanFrom(keyword));
        }

        protected override string Write(StepKernel kernel, CanonicalParts parts) => parts.Add(kernel.Factor).Clause("every", kernel.Every).ToString();

        protected override string Explain(StepKernel kernel, SentenceWords words) =>
            "multiply " + words.Level + " by " + SentenceWords.N(kernel.Factor.Value) + " every " + words.Every(kernel.Every.AsLong) + " (PyTorch StepLR)";
    }

    /// <summary><c>multistep g at m1, m2, …</c> (PyTorch <c>MultiStepLR</c>).</summary>
    internal sealed class MultiStepEntry : KernelEntry<MultiStepKernel>
    {
        public MultiStepEntry()
            : base(
                KernelKind.MultiStep,
                "multistep",
                new[] { new ClauseSpec("at", ClauseKind.IntegerList, "m1, m2, …", required: true, minimum: 0) },
                new AttributeForm("MultiStepDecayAttribute", AttributeArgument.Number(0), AttributeArgument.List(1, "at")))
        {
        }

        public override KernelNode? Parse(Parser parser, Token keyword)
        {
            Written? factor = parser.ExpectNumber("the decay factor", keyword);
            FoundClauses found = parser.ParseClauses(keyword, Clauses, out bool failed);
            if (factor is not Written g || failed || !parser.Positive(g, "the factor of 'multistep'"))
            {
                return null;
            }

            Written[] milestones = found.Lists["at"];
            return parser.Increasing(milestones, -1, "milestone", "the one before") ? new MultiStepKernel(g, milestones, Parser.Span(keyword), parser.SpanFrom(keyword)) : null;
        }

        protected override string Write(MultiStepKernel kernel, CanonicalParts parts) => parts.Add(kernel.Factor).Add("at " + CanonicalParts.List(kernel.Milestones)).ToString();

        protected override string Explain(MultiStepKernel kernel, SentenceWords words)
        {
            var milestones = new List<string>();
            foreach (Written m in kernel.Milestones)
            {
                milestones.Add(SentenceWords.Int(m.AsLong));
            }

            return "multiply " + words.Level + " by " + SentenceWords.N(kernel.Factor.Value) + " at " + words.Time.Singular + (milestones.Count > 1 ? "s " : " ")
                + SentenceWords.JoinAnd(milestones) + " (PyTorch MultiStepLR)";
        }
    }

    /// <summary><c>exp g [every k] [staircase]</c> (PyTorch <c>ExponentialLR</c>, Keras <c>ExponentialDecay</c>).</summary>
    internal sealed class ExpEntry : KernelEntry<ExpKernel>
    {
        public ExpEntry()
            : base(
                KernelKind.Exp,
                "exp",
                new[] { new ClauseSpec("every", ClauseKind.Integer, "k"), new ClauseSpec("staircase", ClauseKind.Flag, string.Empty) },
                new AttributeForm("ExponentialDecayAttribute", AttributeArgument.Number(0), AttributeArgument.Named("Every", "every"), AttributeArgument.NamedFlag("Staircase", "staircase")))
        {
        }

        public override KernelNode? Parse(Parser parser, Token keyword)
        {
            Written? factor = parser.ExpectNumber("the decay factor", keyword);
            FoundClauses found = parser.ParseClauses(keyword, Clauses, out bool failed);
            if (factor is not Written g || failed || !parser.Positive(g, "the factor of 'exp'"))
            {
                return null;
            }

            return new ExpKernel(g, found.Value("every"), found.Flag("staircase"), Parser.Span(keyword), parser.SpanFrom(keyword));
        }

        protected override string Write(ExpKernel kernel, CanonicalParts parts) =>
            parts.Add(kernel.Factor).Optional("every", kernel.Every).Flag("staircase", kernel.Staircase).ToString();

        protected override string Explain(ExpKernel kernel, SentenceWords words) =>
            "decay " + words.Level + " exponentially by a factor of " + SentenceWords.N(kernel.Factor.Value) + " every " + words.Every(kernel.Period)
            + (kernel.Staircase ? ", in whole steps" : ", smoothly") + " (PyTorch ExponentialLR, Keras ExponentialDecay)";
    }

    /// <summary><c>inverse-time r [every k] [staircase]</c> (Keras <c>InverseTimeDecay</c>).</summary>
    internal sealed class InverseTimeEntry : KernelEntry<InverseTimeKernel>
    {
        public InverseTimeEntry()
            : base(
                KernelKind.InverseTime,
                "inverse-time",
                new[] { new ClauseSpec("every", ClauseKind.Integer, "k"), new ClauseSpec("staircase", ClauseKind.Flag, string.Empty) },
                new AttributeForm("InverseTimeDecayAttribute", AttributeArgument.Number(0), AttributeArgument.Named("Every", "every"), AttributeArgument.NamedFlag("Staircase", "staircase")))
        {
        }

        public override KernelNode? Parse(Parser parser, Token keyword)
        {
            Written? rate = parser.ExpectNumber("the decay rate", keyword);
            FoundClauses found = parser.ParseClauses(keyword, Clauses, out bool failed);
            if (rate is not Written r || failed)
            {
                return null;
            }

            return new InverseTimeKernel(r, found.Value("every"), found.Flag("staircase"), Parser.Span(keyword), parser.SpanFrom(keyword));
        }

        protected override string Write(InverseTimeKernel kernel, CanonicalParts parts) =>
            parts.Add(kernel.Rate).Optional("every", kernel.Every).Flag("staircase", kernel.Staircase).ToString();

        protected override string Explain(InverseTimeKernel kernel, SentenceWords words) =>
            "divide " + words.Level + " by 1 + " + SentenceWords.N(kernel.Rate.Value) + " × (" + words.Time.Plural + " elapsed / " + SentenceWords.Int(kernel.Period) + ")"
            + (kernel.Staircase ? ", counted in whole periods" : string.Empty) + " (Keras InverseTimeDecay)";
    }

    /// <summary><c>inverse-sqrt [scale k]</c>: <c>s·√(k/(τ+k))</c>.</summary>
    internal sealed class InverseSqrtEntry : KernelEntry<InverseSqrtKernel>
    {
        public InverseSqrtEntry()
            : base(
                KernelKind.InverseSqrt,
                "inverse-sqrt",
                new[] { new ClauseSpec("scale", ClauseKind.Number, "k") },
                new AttributeForm("InverseSqrtDecayAttribute", AttributeArgument.Named("Scale", "scale")))
        {
        }

        public override KernelNode? Parse(Parser parser, Token keyword)
        {
            FoundClauses found = parser.ParseClauses(keyword, Clauses, out bool failed);
            Written? scale = found.Value("scale");
            if (failed || (scale is Written k && !parser.Positive(k, "the scale of 'inverse-sqrt'")))
            {
                return null;
            }

            return new InverseSqrtKernel(scale, Parser.Span(keyword), parser.SpanFrom(keyword));
        }

        protected override string Write(InverseSqrtKernel kernel, CanonicalParts parts) => parts.Optional("scale", kernel.Scale).ToString();

        protected override string Explain(InverseSqrtKernel kernel, SentenceWords words) =>
            "decay " + words.Level + " as the inverse square root of time, √(" + SentenceWords.N(kernel.TimeScale) + " / (τ + " + SentenceWords.N(kernel.TimeScale) + "))";
    }
}
