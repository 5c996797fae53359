using ScheduleDsl.Language.Model;

namespace ScheduleDsl.Language
{
    /// <summary><c>cyclic [triangular|triangular2|exp-range γ] lo to hi up u [down d]</c> (PyTorch <c>CyclicLR</c>).</summary>
    internal sealed class CyclicEntry : KernelEntry<CyclicKernel>
    {
        /// <summary>What a kernel's <c>momentum</c> option adds to its sentence.</summary>
        internal static string MomentumWords(MomentumOption? option) =>
            option is MomentumOption m ? ", the momentum cycling against it between " + SentenceWords.N(m.LowValue) + " and " + SentenceWords.N(m.HighValue) : string.Empty;

        /// <summary>The modes' words, in the order of <see cref="CyclicMode"/>.</summary>
        public static readonly string[] Modes = { "triangular", "triangular2", "exp-range" };

        public CyclicEntry()
            : base(
                KernelKind.Cyclic,
                "cyclic",
                new[] { new ClauseSpec("up", ClauseKind.Integer, "u", required: true), new ClauseSpec("down", ClauseKind.Integer, "d"), new ClauseSpec("momentum", ClauseKind.OptionalRange, "momentum") },
                new AttributeForm(
                    "CyclicAttribute",
                    AttributeArgument.NamedEnum("Mode", "CyclicMode", "triangular", "triangular2", "exp-range {Gamma|1}"),
                    AttributeArgument.Number(0),
                    AttributeArgument.Number(1, "to"),
                    AttributeArgument.Number(2, "up"),
                    AttributeArgument.Named("Down", "down"),
                    AttributeArgument.Momentum()),
                "triangular", "triangular2", "exp-range", "to")
        {
        }

        public override KernelNode? Parse(Parser parser, Token keyword)
        {
            CyclicMode mode = CyclicMode.Triangular;
            Written? gamma = null;
            if (parser.Current.Kind == TokenKind.Word && !parser.Current.IsWord("to"))
            {
                Token modeToken = parser.Current;
                string? modeWord = parser.ExpectChoice(Modes, "the mode", keyword);
                if (modeWord == null)
                {
                    parser.SkipToPhaseEnd();
                    return null;
                }

                mode = (CyclicMode)System.Array.IndexOf(Modes, modeWord);
                if (mode == CyclicMode.ExpRange)
                {
                    gamma = parser.ExpectNumber("the factor", modeToken);
                    if (gamma is not Written g || !parser.Positive(g, "the factor of 'exp-range'"))
                    {
                        parser.SkipToPhaseEnd();
                        return null;
                    }
                }
            }

            Written? low = parser.ExpectNumber("the lowest level", keyword);
            Written? high = null;
            if (low != null)
            {
                if (parser.Current.IsWord("to"))
                {
                    Token to = parser.Current;
                    parser.Advance();
                    high = parser.ExpectNumber("the highest level", to);
                }
                else
                {
                    parser.ReportUnexpected(parser.Current, "'to hi' after the lowest level of 'cyclic'");
                }
            }

            FoundClauses found = parser.ParseClauses(keyword, Clauses, out bool failed);
            if (low is not Written lo || high is not Written hi || failed || !parser.ReadMomentumOption(found, keyword, CyclicKernel.DefaultMomentumLow, CyclicKernel.DefaultMomentumHigh, out MomentumOption? momentum))
            {
                return null;
            }

            if (lo.Value >= hi.Value)
            {
                parser.Report(
                    DiagnosticIds.OutOfRange,
                    "The lowest level of 'cyclic' (" + Parser.Format(lo.Value) + ") must be below the highest (" + Parser.Format(hi.Value) + ")",
                    TextSpan.FromBounds(lo.Span.Offset, hi.Span.End));
                return null;
            }

            return new CyclicKernel(mode, gamma, lo, hi, found.Value("up")!.Value, found.Value("down"), Parser.Span(keyword), parser.SpanFrom(keyword), momentum);
        }

        protected override string Write(CyclicKernel kernel, CanonicalParts parts)
        {
            if (kernel.Mode == CyclicMode.Triangular2)
            {
                parts.Add("triangular2");
            }
            else if (kernel.Mode == CyclicMode.ExpRange)
            {
                parts.Clause("exp-range", kernel.Gamma!.Value);
            }

            return parts.Add(kernel.Low).Clause("to", kernel.High).Clause("up", kernel.Up).Optional("down", kernel.Down).Momentum(kernel.Momentum).ToString();
        }

        protected override string Explain(CyclicKernel kernel, SentenceWords words)
        {
            if (kernel.IsMomentumView)
            {
                string against = "move the momentum against the rate's cycle: down from " + SentenceWords.N(kernel.Low.Value) + " towards " + SentenceWords.N(kernel.High.Value)
                    + " while the rate rises over " + words.Count(kernel.UpLength) + ", back up while it falls over " + words.Count(kernel.DownLength);
                against += kernel.Mode == CyclicMode.Triangular2 ? ", the swing halving every cycle" : kernel.Mode == CyclicMode.ExpRange ? ", the swing scaled as the rate's" : string.Empty;
                return against + " (PyTorch CyclicLR, cycle_momentum)";
            }

            string cycle = "cycle between " + SentenceWords.N(kernel.Low.Value) + " and " + SentenceWords.N(kernel.High.Value) + ", rising over " + words.Count(kernel.UpLength)
                + " and falling over " + words.Count(kernel.DownLength);
            if (kernel.Mode == CyclicMode.Triangular2)
            {
                cycle += ", the height halving every cycle";
            }
            else if (kernel.Mode == CyclicMode.ExpRange)
            {
                cycle += ", the height scaled by " + SentenceWords.N(kernel.Gamma!.Value.Value) + " per " + words.Time.Singular;
            }

            return cycle + MomentumWords(kernel.Momentum) + " (PyTorch CyclicLR)";
        }
    }

    /// <summary><c>onecycle peak over N [warm p] [div a] [final-div b] [linear] [three-phase]</c> (PyTorch <c>OneCycleLR</c>).</summary>
    internal sealed class OneCycleEntry : KernelEntry<OneCycleKernel>
    {
        public OneCycleEntry()
            : base(
                KernelKind.OneCycle,
                "onecycle",
                new[]
                {
                    new ClauseSpec("over", ClauseKind.Integer, "N", required: true), new ClauseSpec("warm", ClauseKind.Number, "p"),
                    new ClauseSpec("div", ClauseKind.Number, "a"), new ClauseSpec("final-div", ClauseKind.Number, "b"),
                    new ClauseSpec("linear", ClauseKind.Flag, string.Empty), new ClauseSpec("three-phase", ClauseKind.Flag, string.Empty),
                    new ClauseSpec("momentum", ClauseKind.OptionalRange, "momentum"),
                },
                new AttributeForm(
                    "OneCycleAttribute",
                    AttributeArgument.Number(0),
                    AttributeArgument.Number(1, "over"),
                    AttributeArgument.Named("Warm", "warm"),
                    AttributeArgument.Named("Div", "div"),
                    AttributeArgument.Named("FinalDiv", "final-div"),
                    AttributeArgument.NamedFlag("Linear", "linear"),
                    AttributeArgument.NamedFlag("ThreePhase", "three-phase"),
                    AttributeArgument.Momentum()))
        {
        }

        public override KernelNode? Parse(Parser parser, Token keyword)
        {
            Written? peak = parser.ExpectNumber("the peak level", keyword);
            FoundClauses found = parser.ParseClauses(keyword, Clauses, out bool failed);
            if (peak is not Written top || failed)
            {
                return null;
            }

            Written n = found.Value("over")!.Value;
            Written? warm = found.Value("warm");
            Written? div = found.Value("div");
            Written? finalDiv = found.Value("final-div");
            bool ok = true;
            if (warm is Written w && (w.Value <= 0 || w.Value >= 1))
            {
                parser.Report(DiagnosticIds.OutOfRange, "'warm' of 'onecycle' is the fraction of the cycle spent rising and must lie strictly between 0 and 1, not " + Parser.Format(w.Value), w.Span);
                ok = false;
            }

            ok &= div is not Written a || parser.Positive(a, "'div' of 'onecycle'");
            ok &= finalDiv is not Written b || parser.Positive(b, "'final-div' of 'onecycle'");
            ok &= parser.ReadMomentumOption(found, keyword, OneCycleKernel.DefaultMomentumLow, OneCycleKernel.DefaultMomentumHigh, out MomentumOption? momentum);
            if (!ok)
            {
                return null;
            }

            var kernel = new OneCycleKernel(top, n, warm, div, finalDiv, found.Flag("linear"), found.Flag("three-phase"), Parser.Span(keyword), parser.SpanFrom(keyword), momentum);
            TextSpan blame = warm?.Span ?? n.Span;
            if (kernel.FirstEnd <= 0)
            {
                parser.Report(DiagnosticIds.OutOfRange, "'onecycle' over " + Parser.Format(n.Value) + " with warm " + Parser.Format(kernel.WarmFraction) + " leaves no room to rise: warm × N must exceed 1", blame);
                return null;
            }

            if (kernel.IsThreePhase && kernel.SecondEnd >= kernel.LastEnd)
            {
                parser.Report(
                    DiagnosticIds.OutOfRange,
                    "'onecycle … three-phase' over " + Parser.Format(n.Value) + " with warm " + Parser.Format(kernel.WarmFraction) + " leaves no room for the last phase: 2 × warm × N − 2 must be below N − 1",
                    blame);
                return null;
            }

            return kernel;
        }

        protected override string Write(OneCycleKernel kernel, CanonicalParts parts) =>
            parts.Add(kernel.Peak).Clause("over", kernel.Length).Optional("warm", kernel.Warm).Optional("div", kernel.Div).Optional("final-div", kernel.FinalDiv)
                .Flag("linear", kernel.IsLinear).Flag("three-phase", kernel.IsThreePhase).Momentum(kernel.Momentum).ToString();

        protected override string Explain(OneCycleKernel kernel, SentenceWords words)
        {
            if (kernel.IsMomentumView)
            {
                string fall = "one cycle of the momentum over " + words.Count(kernel.Length.AsLong) + ", against the rate: down from " + SentenceWords.N(kernel.Initial) + " to "
                    + SentenceWords.N(kernel.Peak.Value) + " while it rises, ";
                fall += kernel.IsThreePhase ? "back to " + SentenceWords.N(kernel.Initial) + " while it falls back, then held there" : "then back to " + SentenceWords.N(kernel.Minimum);
                return fall + " (PyTorch OneCycleLR, cycle_momentum)";
            }

            string rise = kernel.IsLinear ? "linearly" : "along a cosine";
            string one = "one cycle over " + words.Count(kernel.Length.AsLong) + ": rise " + rise + " from " + SentenceWords.N(kernel.Initial) + " to " + SentenceWords.N(kernel.Peak.Value)
                + " in the first " + SentenceWords.N(kernel.WarmFraction * 100) + "%";
            one += kernel.IsThreePhase
                ? ", fall back to " + SentenceWords.N(kernel.Initial) + " as long again, then fall to " + SentenceWords.N(kernel.Minimum)
                : ", then fall to " + SentenceWords.N(kernel.Minimum);
            return one + CyclicEntry.MomentumWords(kernel.Momentum) + " (PyTorch OneCycleLR)";
        }
    }

    /// <summary><c>plateau factor f patience p [cooldown c] [threshold r] [absolute] [mode min|max] [floor m]</c> (PyTorch <c>ReduceLROnPlateau</c>).</summary>
    internal sealed class PlateauEntry : KernelEntry<PlateauKernel>
    {
        /// <summary>The modes, in the order of the public <c>PlateauMode</c>.</summary>
        public static readonly string[] Modes = { "min", "max" };

        public PlateauEntry()
            : base(
                KernelKind.Plateau,
                "plateau",
                new[]
                {
                    new ClauseSpec("factor", ClauseKind.Number, "f", required: true), new ClauseSpec("patience", ClauseKind.Integer, "p", required: true, minimum: 0, inEpochs: false),
                    new ClauseSpec("cooldown", ClauseKind.Integer, "c", minimum: 0, inEpochs: false), new ClauseSpec("threshold", ClauseKind.Number, "r"),
                    new ClauseSpec("absolute", ClauseKind.Flag, string.Empty),
                    new ClauseSpec("mode", ClauseKind.Choice, "min|max", choices: Modes), new ClauseSpec("floor", ClauseKind.Number, "m"),
                },
                new AttributeForm(
                    "PlateauAttribute",
                    AttributeArgument.Number(0, "factor"),
                    AttributeArgument.Number(1, "patience"),
                    AttributeArgument.Named("Cooldown", "cooldown"),
                    AttributeArgument.Named("Threshold", "threshold"),
                    AttributeArgument.NamedFlag("AbsoluteThreshold", "absolute"),
                    AttributeArgument.NamedEnum("Mode", "PlateauMode", "mode min", "mode max"),
                    AttributeArgument.Named("Floor", "floor")),
                Modes)
        {
        }

        public override KernelNode? Parse(Parser parser, Token keyword)
        {
            FoundClauses found = parser.ParseClauses(keyword, Clauses, out bool failed);
            if (failed)
            {
                return null;
            }

            Written f = found.Value("factor")!.Value;
            if (f.Value <= 0 || f.Value >= 1)
            {
                parser.Report(DiagnosticIds.OutOfRange, "'factor' of 'plateau' multiplies the level on a plateau and must lie strictly between 0 and 1, not " + Parser.Format(f.Value), f.Span);
                return null;
            }

            bool? maximize = found.Choices.TryGetValue("mode", out string? mode) ? mode == "max" : (bool?)null;
            return new PlateauKernel(
                f, found.Value("patience")!.Value, found.Value("cooldown"), found.Value("threshold"), maximize, found.Value("floor"), parser.NextPlateauIndex(), Parser.Span(keyword), parser.SpanFrom(keyword),
                found.Flag("absolute"));
        }

        protected override string Write(PlateauKernel kernel, CanonicalParts parts)
        {
            parts.Clause("factor", kernel.Factor).Clause("patience", kernel.Patience).Optional("cooldown", kernel.Cooldown).Optional("threshold", kernel.Threshold)
                .Flag("absolute", kernel.IsAbsoluteThreshold);
            if (kernel.Maximize is bool maximize)
            {
                parts.Add(maximize ? "mode max" : "mode min");
            }

            return parts.Optional("floor", kernel.Floor).ToString();
        }

        protected override string Explain(PlateauKernel kernel, SentenceWords words)
        {
            string p = "start at " + words.Level + " and multiply it by " + SentenceWords.N(kernel.Factor.Value) + " when the metric has not "
                + (kernel.IsMaximizing ? "risen" : "fallen") + " by " + (kernel.IsAbsoluteThreshold ? "more than " : "a relative ") + SentenceWords.N(kernel.RelativeThreshold)
                + " for more than " + words.Count(kernel.PatienceCount);
            if (kernel.CooldownCount > 0)
            {
                p += ", then wait " + words.Count(kernel.CooldownCount);
            }

            if (kernel.FloorLevel > 0)
            {
                p += ", never below " + SentenceWords.N(kernel.FloorLevel);
            }

            return p + " (PyTorch ReduceLROnPlateau)";
        }
    }
}
