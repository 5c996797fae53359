using ScheduleDsl.Language.Model;

namespace ScheduleDsl.Language
{
    /// <summary>
    /// The annealing kernels over a length: <c>linear N to e</c>, <c>poly N [power p] [to e] [cycle]</c>,
    /// <c>cosine N [to e] [power p] [k-decay k]</c>, <c>tanh N [to e]</c> and <c>sqrt N [to e]</c>; one entry per keyword,
    /// sharing the parse and the model class.
    /// </summary>
    internal sealed class AnnealEntry : KernelEntry<AnnealKernel>
    {
        private readonly AnnealShape _shape;

        private AnnealEntry(AnnealShape shape, KernelKind kind, string keyword, ClauseSpec[] clauses, AttributeForm attribute)
            : base(kind, keyword, clauses, attribute)
        {
            _shape = shape;
        }

        public static AnnealEntry Linear() => new AnnealEntry(
            AnnealShape.Linear,
            KernelKind.Linear,
            "linear",
            new[] { new ClauseSpec("to", ClauseKind.Number, "e", required: true) },
            new AttributeForm("LinearDecayAttribute", AttributeArgument.Number(0), AttributeArgument.Number(1, "to")));

        public static AnnealEntry Poly() => new AnnealEntry(
            AnnealShape.Poly,
            KernelKind.Poly,
            "poly",
            new[] { new ClauseSpec("power", ClauseKind.Number, "p"), new ClauseSpec("to", ClauseKind.Number, "e"), new ClauseSpec("cycle", ClauseKind.Flag, string.Empty) },
            new AttributeForm("PolynomialDecayAttribute", AttributeArgument.Number(0), AttributeArgument.Named("Power", "power"), AttributeArgument.Named("To", "to"), AttributeArgument.NamedFlag("Cycle", "cycle")));

        public static AnnealEntry Cosine() => new AnnealEntry(
            AnnealShape.Cosine,
            KernelKind.Cosine,
            "cosine",
            new[] { new ClauseSpec("to", ClauseKind.Number, "e"), new ClauseSpec("power", ClauseKind.Number, "p"), new ClauseSpec("k-decay", ClauseKind.Number, "k") },
            new AttributeForm("CosineDecayAttribute", AttributeArgument.Number(0), AttributeArgument.Named("To", "to"), AttributeArgument.Named("Power", "power"), AttributeArgument.Named("KDecay", "k-decay")));

        public static AnnealEntry Tanh() => new AnnealEntry(
            AnnealShape.Tanh,
            KernelKind.Tanh,
            "tanh",
            new[] { new ClauseSpec("to", ClauseKind.Number, "e") },
            new AttributeForm("TanhDecayAttribute", AttributeArgument.Number(0), AttributeArgument.Named("To", "to")));

        public static AnnealEntry Sqrt() => new AnnealEntry(
            AnnealShape.Sqrt,
            KernelKind.Sqrt,
            "sqrt",
            new[] { new ClauseSpec("to", ClauseKind.Number, "e") },
            new AttributeForm("SqrtDecayAttribute", AttributeArgument.Number(0), AttributeArgument.Named("To", "to")));

        public override KernelNode? Parse(Parser parser, Token keyword)
        {
            Written? length = parser.ExpectInteger("the length", keyword, 1);
            FoundClauses found = parser.ParseClauses(keyword, Clauses, out bool failed);
            Written? power = found.Value("power");
            Written? kDecay = found.Value("k-decay");
            if (length is not Written n || failed
                || (power is Written p && !parser.Positive(p, "the power of '" + Keyword + "'"))
                || (kDecay is Written k && !parser.Positive(k, "the k-decay of 'cosine'")))
            {
                return null;
            }

            return new AnnealKernel(_shape, n, power, found.Value("to"), Parser.Span(keyword), parser.SpanFrom(keyword), kDecay, found.Flag("cycle"));
        }

        protected override string Write(AnnealKernel kernel, CanonicalParts parts)
        {
            parts.Add(kernel.Length);
            foreach (ClauseSpec clause in Clauses)
            {
                switch (clause.Keyword)
                {
                    case "power":
                        parts.Optional("power", kernel.Power);
                        break;
                    case "to":
                        parts.Optional("to", kernel.To);
                        break;
                    case "k-decay":
                        parts.Optional("k-decay", kernel.KDecay);
                        break;
                    case "cycle":
                        parts.Flag("cycle", kernel.Cycle);
                        break;
                    default:
                        throw new System.InvalidOperationException("No canonical text for clause '" + clause.Keyword + "' of '" + Keyword + "'");
                }
            }

            return parts.ToString();
        }

        protected override string Explain(AnnealKernel kernel, SentenceWords words)
        {
            string curve = kernel.Shape switch
            {
                AnnealShape.Linear => "decrease linearly",
                AnnealShape.Poly => "decay polynomially with power " + SentenceWords.N(kernel.Exponent),
                AnnealShape.Cosine when kernel.IsShapedCosine => "anneal along a half cosine"
                    + (kernel.Power != null ? " raised to the power " + SentenceWords.N(kernel.Exponent) : string.Empty)
                    + (kernel.KDecay != null ? " of time to the power " + SentenceWords.N(kernel.KDecayExponent) + " (timm k-decay)" : string.Empty)
                    + (kernel.Power != null ? " (optax exponent)" : string.Empty),
                AnnealShape.Cosine => "anneal along a half cosine",
                AnnealShape.Tanh => "anneal along a tanh curve (timm)",
                AnnealShape.Sqrt => "decay as 1 − √(τ/N) (the 1−sqrt cooldown of warmup-stable-decay)",
                _ => throw new System.InvalidOperationException("No sentence for anneal shape " + kernel.Shape),
            };
            string sentence = curve + " from " + words.Level + " to " + SentenceWords.N(kernel.End) + " over " + words.Count(kernel.Length.AsLong);
            return kernel.Cycle
                ? sentence + ", then again over twice, three times … that length from where it has reached, each time it reaches its end (Keras PolynomialDecay cycle=True)"
                : sentence;
        }
    }

    /// <summary><c>restarts N [mult m] [decay d | amplitude d] [to e]</c>: cosine cycles with warm restarts (SGDR).</summary>
    internal sealed class RestartsEntry : KernelEntry<RestartsKernel>
    {
        public RestartsEntry()
            : base(
                KernelKind.Restarts,
                "restarts",
                new[]
                {
                    new ClauseSpec("mult", ClauseKind.Number, "m"), new ClauseSpec("decay", ClauseKind.Number, "d"), new ClauseSpec("amplitude", ClauseKind.Number, "d"),
                    new ClauseSpec("to", ClauseKind.Number, "e"),
                },
                new AttributeForm(
                    "CosineRestartsAttribute",
                    AttributeArgument.Number(0),
                    AttributeArgument.Named("Mult", "mult"),
                    AttributeArgument.Named("Decay", "decay"),
                    AttributeArgument.Named("Amplitude", "amplitude"),
                    AttributeArgument.Named("To", "to")))
        {
        }

        public override KernelNode? Parse(Parser parser, Token keyword)
        {
            Written? length = parser.ExpectInteger("the length of the first cycle", keyword, 1);
            FoundClauses found = parser.ParseClauses(keyword, Clauses, out bool failed);
            if (length is not Written n || failed)
            {
                return null;
            }

            Written? mult = found.Value("mult");
            if (mult is Written m && m.Value < 1)
            {
                parser.Report(DiagnosticIds.OutOfRange, "'mult' of 'restarts' must be at least 1 (each cycle is that many times as long as the one before), not " + (m.Text ?? Parser.Format(m.Value)), m.Span);
                return null;
            }

            Written? decay = found.Value("decay");
            Written? amplitude = found.Value("amplitude");
            if (decay != null && amplitude is Written both)
            {
                parser.Report(DiagnosticIds.Syntax, "'restarts' takes 'decay' (the peak scales) or 'amplitude' (the height above the end level scales), not both", both.Span);
                return null;
            }

            if ((decay is Written d && !parser.Positive(d, "the decay of 'restarts'")) || (amplitude is Written a && !parser.Positive(a, "the amplitude of 'restarts'")))
            {
                return null;
            }

            return new RestartsKernel(n, mult, decay, found.Value("to"), Parser.Span(keyword), parser.SpanFrom(keyword), amplitude);
        }

        protected override string Write(RestartsKernel kernel, CanonicalParts parts) =>
            parts.Add(kernel.Length).Optional("mult", kernel.Mult).Optional("decay", kernel.Decay).Optional("amplitude", kernel.Amplitude).Optional("to", kernel.To).ToString();

        protected override string Explain(RestartsKernel kernel, SentenceWords words)
        {
            string text = "anneal along cosine cycles from " + words.Level + " to " + SentenceWords.N(kernel.End) + ", the first " + words.Count(kernel.Length.AsLong) + " long";
            if (kernel.MultiplierValue != 1)
            {
                text += ", each " + SentenceWords.N(kernel.MultiplierValue) + " times longer than the one before";
            }

            if (kernel.DecayFactor != 1)
            {
                text += ", each peak " + SentenceWords.N(kernel.DecayFactor) + " times the one before";
            }

            if (kernel.Amplitude != null)
            {
                return text + ", each cycle's height above the end " + SentenceWords.N(kernel.AmplitudeFactor) + " times the one before (Keras CosineDecayRestarts)";
            }

            return text + " (SGDR: PyTorch CosineAnnealingWarmRestarts)";
        }
    }
}
