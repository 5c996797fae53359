using ScheduleDsl.Language.Model;

namespace ScheduleDsl.Language
{
    /// <summary><c>constant [v]</c>: the value <c>v</c>, or the incoming level.</summary>
    internal sealed class ConstantEntry : KernelEntry<ConstantKernel>
    {
        public ConstantEntry()
            : base(KernelKind.Constant, "constant", new ClauseSpec[0], new AttributeForm("ConstantAttribute", AttributeArgument.OptionalNumber(0)))
        {
        }

        public override KernelNode? Parse(Parser parser, Token keyword)
        {
            Written? value = null;
            if (parser.Current.Kind == TokenKind.Number || parser.Current.Kind == TokenKind.BadNumber)
            {
                value = parser.ExpectNumber("the value", keyword);
                if (value == null)
                {
                    return null;
                }
            }

            parser.ParseClauses(keyword, Clauses, out bool failed);
            return failed ? null : new ConstantKernel(value, Parser.Span(keyword), parser.SpanFrom(keyword));
        }

        protected override string Write(ConstantKernel kernel, CanonicalParts parts) =>
            (kernel.Level is Written v ? parts.Add(v) : parts).ToString();

        protected override string Explain(ConstantKernel kernel, SentenceWords words) =>
            kernel.Level is Written v ? "hold the rate at " + SentenceWords.N(v.Value) : "hold the incoming level " + words.Level;
    }

    /// <summary><c>hold N</c>: the incoming level for N units (<c>constant for N</c>).</summary>
    internal sealed class HoldEntry : KernelEntry<HoldKernel>
    {
        public HoldEntry()
            : base(KernelKind.Hold, "hold", new ClauseSpec[0], new AttributeForm("HoldAttribute", AttributeArgument.Number(0)))
        {
        }

        public override KernelNode? Parse(Parser parser, Token keyword)
        {
            Written? length = parser.ExpectInteger("the length", keyword, 1);
            parser.ParseClauses(keyword, Clauses, out bool failed);
            if (length is not Written n || failed)
            {
                return null;
            }

            return new HoldKernel(n, Parser.Span(keyword), parser.SpanFrom(keyword));
        }

        protected override string Write(HoldKernel kernel, CanonicalParts parts) => parts.Add(kernel.Length).ToString();

        protected override string Explain(HoldKernel kernel, SentenceWords words) =>
            "hold the incoming level " + words.Level + " for " + words.Count(kernel.Length.AsLong);
    }

    /// <summary><c>warmup linear|cosine|exp N [from a] [to b]</c>.</summary>
    internal sealed class WarmupEntry : KernelEntry<WarmupKernel>
    {
        /// <summary>The shapes' words, in the order of <see cref="WarmupShape"/>.</summary>
        public static readonly string[] Shapes = { "linear", "cosine", "exp", "sqrt" };

        public WarmupEntry()
            : base(
                KernelKind.Warmup,
                "warmup",
                new[] { new ClauseSpec("from", ClauseKind.Number, "a"), new ClauseSpec("to", ClauseKind.Number, "b") },
                new AttributeForm("WarmupAttribute", AttributeArgument.Enum(0, "WarmupShape", Shapes), AttributeArgument.Number(1), AttributeArgument.Named("From", "from"), AttributeArgument.Named("To", "to")),
                Shapes)
        {
        }

        public override KernelNode? Parse(Parser parser, Token keyword)
        {
            string? shapeWord = parser.ExpectChoice(Shapes, "the shape", keyword);
            Written? length = shapeWord == null ? null : parser.ExpectInteger("the length", keyword, 1);
            FoundClauses found = parser.ParseClauses(keyword, Clauses, out bool failed);
            if (shapeWord == null || length is not Written n || failed)
            {
                return null;
            }

            var shape = (WarmupShape)System.Array.IndexOf(Shapes, shapeWord);
            Written? from = found.Value("from");
            if (shape == WarmupShape.Exponential && from is Written a && a.Value == 0)
            {
                parser.Report(DiagnosticIds.OutOfRange, "'warmup exp' multiplies its start level, so 'from' must be greater than 0", a.Span);
                return null;
            }

            return new WarmupKernel(shape, n, from, found.Value("to"), Parser.Span(keyword), parser.SpanFrom(keyword));
        }

        protected override string Write(WarmupKernel kernel, CanonicalParts parts) =>
            parts.Add(Shapes[(int)kernel.Shape]).Add(kernel.Length).Optional("from", kernel.From).Optional("to", kernel.To).ToString();

        protected override string Explain(WarmupKernel kernel, SentenceWords words)
        {
            string shape = kernel.Shape switch
            {
                WarmupShape.Linear => "linearly",
                WarmupShape.Cosine => "along a half cosine",
                WarmupShape.Exponential => "exponentially",
                WarmupShape.Sqrt => "along 1 − √(1 − τ/N) (the 1−sqrt warmup of warmup-stable-decay)",
                _ => throw new System.InvalidOperationException("No sentence for warmup shape " + kernel.Shape),
            };
            string from = kernel.From is Written a ? SentenceWords.N(a.Value) : kernel.Shape == WarmupShape.Exponential ? "1% of its target" : "0";
            string to = kernel.To is Written b ? SentenceWords.N(b.Value) : words.Level;
            return "warm up " + shape + " from " + from + " to " + to + " over " + words.Count(kernel.Length.AsLong);
        }
    }

    /// <summary><c>piecewise v0 until b0, v1 until b1, …, vn</c>: constant pieces with increasing boundaries.</summary>
    internal sealed class PiecewiseEntry : KernelEntry<PiecewiseKernel>
    {
        public PiecewiseEntry()
            : base(KernelKind.Piecewise, "piecewise", new ClauseSpec[0], new AttributeForm("PiecewiseAttribute", AttributeArgument.Piecewise()), "until")
        {
        }

        public override KernelNode? Parse(Parser parser, Token keyword)
        {
            var values = new System.Collections.Generic.List<Written>();
            var boundaries = new System.Collections.Generic.List<Written>();
            bool failed = false;
            Written? value = parser.ExpectNumber("the first value", keyword);
            while (value is Written v)
            {
                values.Add(v);
                if (!parser.Current.IsWord("until"))
                {
                    break;
                }

                Token until = parser.Current;
                parser.Advance();
                Written? boundary = parser.ExpectInteger("the boundary", until, 0);
                if (boundary is not Written b)
                {
                    failed = true;
                    break;
                }

                boundaries.Add(b);
                if (parser.Current.Kind != TokenKind.Comma)
                {
                    parser.ReportUnexpected(parser.Current, "',' and the next value after 'until " + Parser.Format(b.Value) + "'");
                    failed = true;
                    break;
                }

                Token comma = parser.Current;
                parser.Advance();
                value = parser.ExpectNumber("the next value", comma);
            }

            failed |= value == null;
            if (failed)
            {
                parser.SkipToPhaseEnd();
                return null;
            }

            parser.ParseClauses(keyword, Clauses, out failed);
            string firstBefore = boundaries.Count > 0 && boundaries[0].Value <= 0 ? "the start of the phase (0)" : "the one before";
            if (failed || !parser.Increasing(boundaries.ToArray(), 0, "boundary", firstBefore))
            {
                return null;
            }

            return new PiecewiseKernel(values.ToArray(), boundaries.ToArray(), Parser.Span(keyword), parser.SpanFrom(keyword));
        }

        protected override string Write(PiecewiseKernel kernel, CanonicalParts parts)
        {
            var pieces = new System.Collections.Generic.List<string>();
            for (int i = 0; i < kernel.Boundaries.Length; i++)
            {
                pieces.Add(CanonicalParts.N(kernel.Values[i]) + " until " + CanonicalParts.N(kernel.Boundaries[i]));
            }

            pieces.Add(CanonicalParts.N(kernel.Values[kernel.Values.Length - 1]));
            return parts.Add(string.Join(", ", pieces)).ToString();
        }

        protected override string Explain(PiecewiseKernel kernel, SentenceWords words)
        {
            var pieces = new System.Collections.Generic.List<string>();
            for (int i = 0; i < kernel.Boundaries.Length; i++)
            {
                pieces.Add(SentenceWords.N(kernel.Values[i].Value) + " until " + words.Time.Singular + " " + SentenceWords.Int(kernel.Boundaries[i].AsLong));
            }

            pieces.Add(SentenceWords.N(kernel.Values[kernel.Values.Length - 1].Value) + (pieces.Count > 0 ? " from then on" : string.Empty));
            return "use " + string.Join(", ", pieces);
        }
    }
}
