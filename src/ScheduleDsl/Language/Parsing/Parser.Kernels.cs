using System.Collections.Generic;
using ScheduleDsl.Language.Model;

namespace ScheduleDsl.Language
{
    /// <summary>The kernels: their positional arguments, their clauses, and the range checks on both.</summary>
    internal sealed partial class Parser
    {
        private static readonly ClauseSpec[] NoClauses = new ClauseSpec[0];
        private static readonly ClauseSpec[] WarmupClauses = { new ClauseSpec("from", ClauseKind.Number, "a"), new ClauseSpec("to", ClauseKind.Number, "b") };
        private static readonly ClauseSpec[] StepClauses = { new ClauseSpec("every", ClauseKind.Integer, "k", required: true) };
        private static readonly ClauseSpec[] MultiStepClauses = { new ClauseSpec("at", ClauseKind.IntegerList, "m1, m2, …", required: true, minimum: 0) };
        private static readonly ClauseSpec[] ExpClauses = { new ClauseSpec("every", ClauseKind.Integer, "k"), new ClauseSpec("staircase", ClauseKind.Flag, string.Empty) };
        private static readonly ClauseSpec[] InverseSqrtClauses = { new ClauseSpec("scale", ClauseKind.Number, "k") };
        private static readonly ClauseSpec[] LinearClauses = { new ClauseSpec("to", ClauseKind.Number, "e", required: true) };
        private static readonly ClauseSpec[] PolyClauses = { new ClauseSpec("power", ClauseKind.Number, "p"), new ClauseSpec("to", ClauseKind.Number, "e") };
        private static readonly ClauseSpec[] ToClauses = { new ClauseSpec("to", ClauseKind.Number, "e") };
        private static readonly ClauseSpec[] RestartsClauses =
        {
            new ClauseSpec("mult", ClauseKind.Number, "m"), new ClauseSpec("decay", ClauseKind.Number, "d"), new ClauseSpec("to", ClauseKind.Number, "e"),
        };

        private static readonly ClauseSpec[] CyclicClauses = { new ClauseSpec("up", ClauseKind.Integer, "u", required: true), new ClauseSpec("down", ClauseKind.Integer, "d") };
        private static readonly ClauseSpec[] OneCycleClauses =
        {
            new ClauseSpec("over", ClauseKind.Integer, "N", required: true), new ClauseSpec("warm", ClauseKind.Number, "p"),
            new ClauseSpec("div", ClauseKind.Number, "a"), new ClauseSpec("final-div", ClauseKind.Number, "b"),
            new ClauseSpec("linear", ClauseKind.Flag, string.Empty), new ClauseSpec("three-phase", ClauseKind.Flag, string.Empty),
        };

        private static readonly ClauseSpec[] PlateauClauses =
        {
            new ClauseSpec("factor", ClauseKind.Number, "f", required: true), new ClauseSpec("patience", ClauseKind.Integer, "p", required: true, minimum: 0),
            new ClauseSpec("cooldown", ClauseKind.Integer, "c", minimum: 0), new ClauseSpec("threshold", ClauseKind.Number, "r"),
            new ClauseSpec("mode", ClauseKind.Choice, "min|max", choices: Keywords.PlateauModes), new ClauseSpec("floor", ClauseKind.Number, "m"),
        };

        private KernelNode? ParseKernel()
        {
            Token keyword = Current;
            _position++;
            switch (keyword.Text)
            {
                case "constant":
                    return ParseConstant(keyword);
                case "hold":
                    return ParseHold(keyword);
                case "warmup":
                    return ParseWarmup(keyword);
                case "step":
                    return ParseStep(keyword);
                case "multistep":
                    return ParseMultiStep(keyword);
                case "exp":
                case "inverse-time":
                    return ParseExpOrInverseTime(keyword);
                case "inverse-sqrt":
                    return ParseInverseSqrt(keyword);
                case "linear":
                case "poly":
                case "cosine":
                case "tanh":
                    return ParseAnneal(keyword);
                case "restarts":
                    return ParseRestarts(keyword);
                case "cyclic":
                    return ParseCyclic(keyword);
                case "onecycle":
                    return ParseOneCycle(keyword);
                case "piecewise":
                    return ParsePiecewise(keyword);
                default:
                    return ParsePlateau(keyword);
            }
        }

        private KernelNode? ParseConstant(Token keyword)
        {
            Written? value = null;
            if (Current.Kind == TokenKind.Number || Current.Kind == TokenKind.BadNumber)
            {
                value = ExpectNumber("the value", keyword);
                if (value == null)
                {
                    return null;
                }
            }

            ParseClauses(keyword, NoClauses, out bool failed);
            return failed ? null : new ConstantKernel(value, Span(keyword), SpanFrom(keyword));
        }

        /// <summary><c>hold N</c> is <c>constant for N</c>.</summary>
        private KernelNode? ParseHold(Token keyword)
        {
            Written? length = ExpectInteger("the length", keyword, 1);
            ParseClauses(keyword, NoClauses, out bool failed);
            if (length is not Written n || failed)
            {
                return null;
            }

            return new HoldKernel(n, Span(keyword), SpanFrom(keyword));
        }

        private KernelNode? ParseWarmup(Token keyword)
        {
            string? shapeWord = ExpectChoice(Keywords.WarmupShapes, "the shape", keyword);
            Written? length = shapeWord == null ? null : ExpectInteger("the length", keyword, 1);
            FoundClauses found = ParseClauses(keyword, WarmupClauses, out bool failed);
            if (shapeWord == null || length is not Written n || failed)
            {
                return null;
            }

            WarmupCurve shape = shapeWord == "linear" ? WarmupCurve.Linear : shapeWord == "cosine" ? WarmupCurve.Cosine : WarmupCurve.Exp;
            Written? from = found.Value("from");
            if (shape == WarmupCurve.Exp && from is Written a && a.Value == 0)
            {
                Report(DiagnosticIds.OutOfRange, "'warmup exp' multiplies its start level, so 'from' must be greater than 0", a.Span);
                return null;
            }

            return new WarmupKernel(shape, n, from, found.Value("to"), Span(keyword), SpanFrom(keyword));
        }

        private KernelNode? ParseStep(Token keyword)
        {
            Written? factor = ExpectNumber("the decay factor", keyword);
            FoundClauses found = ParseClauses(keyword, StepClauses, out bool failed);
            if (factor is not Written g || failed || !Positive(g, "the factor of 'step'"))
            {
                return null;
            }

            return new StepKernel(g, found.Value("every")!.Value, Span(keyword), SpanFrom(keyword));
        }

        private KernelNode? ParseMultiStep(Token keyword)
        {
            Written? factor = ExpectNumber("the decay factor", keyword);
            FoundClauses found = ParseClauses(keyword, MultiStepClauses, out bool failed);
            if (factor is not Written g || failed || !Positive(g, "the factor of 'multistep'"))
            {
                return null;
            }

            Written[] milestones = found.Lists["at"];
            return Increasing(milestones, -1, "milestone", "the one before") ? new MultiStepKernel(g, milestones, Span(keyword), SpanFrom(keyword)) : null;
        }

        private KernelNode? ParseExpOrInverseTime(Token keyword)
        {
            bool isExp = keyword.Text == "exp";
            Written? factor = ExpectNumber(isExp ? "the decay factor" : "the decay rate", keyword);
            FoundClauses found = ParseClauses(keyword, ExpClauses, out bool failed);
            if (factor is not Written g || failed)
            {
                return null;
            }

            bool staircase = found.Flag("staircase");
            if (isExp)
            {
                return Positive(g, "the factor of 'exp'") ? new ExpKernel(g, found.Value("every"), staircase, Span(keyword), SpanFrom(keyword)) : null;
            }

            return new InverseTimeKernel(g, found.Value("every"), staircase, Span(keyword), SpanFrom(keyword));
        }

        private KernelNode? ParseInverseSqrt(Token keyword)
        {
            FoundClauses found = ParseClauses(keyword, InverseSqrtClauses, out bool failed);
            Written? scale = found.Value("scale");
            if (failed || (scale is Written k && !Positive(k, "the scale of 'inverse-sqrt'")))
            {
                return null;
            }

            return new InverseSqrtKernel(scale, Span(keyword), SpanFrom(keyword));
        }

        private KernelNode? ParseAnneal(Token keyword)
        {
            Written? length = ExpectInteger("the length", keyword, 1);
            AnnealShape shape = keyword.Text == "linear" ? AnnealShape.Linear : keyword.Text == "poly" ? AnnealShape.Poly : keyword.Text == "cosine" ? AnnealShape.Cosine : AnnealShape.Tanh;
            ClauseSpec[] clauses = shape == AnnealShape.Linear ? LinearClauses : shape == AnnealShape.Poly ? PolyClauses : ToClauses;
            FoundClauses found = ParseClauses(keyword, clauses, out bool failed);
            Written? power = found.Value("power");
            if (length is not Written n || failed || (power is Written p && !Positive(p, "the power of 'poly'")))
            {
                return null;
            }

            return new AnnealKernel(shape, n, power, found.Value("to"), Span(keyword), SpanFrom(keyword));
        }

        private KernelNode? ParseRestarts(Token keyword)
        {
            Written? length = ExpectInteger("the length of the first cycle", keyword, 1);
            FoundClauses found = ParseClauses(keyword, RestartsClauses, out bool failed);
            if (length is not Written n || failed)
            {
                return null;
            }

            Written? mult = found.Value("mult");
            if (mult is Written m && (m.Value < 1 || !m.IsWhole || m.Value > int.MaxValue))
            {
                Report(DiagnosticIds.OutOfRange, "'mult' of 'restarts' must be a positive whole number (each cycle is that many times longer), not " + (m.Text ?? Format(m.Value)), m.Span);
                return null;
            }

            Written? decay = found.Value("decay");
            if (decay is Written d && !Positive(d, "the decay of 'restarts'"))
            {
                return null;
            }

            return new RestartsKernel(n, mult, decay, found.Value("to"), Span(keyword), SpanFrom(keyword));
        }

        private KernelNode? ParseCyclic(Token keyword)
        {
            CyclicKind mode = CyclicKind.Triangular;
            Written? gamma = null;
            if (Current.Kind == TokenKind.Word && !Current.IsWord("to"))
            {
                Token modeToken = Current;
                string? modeWord = ExpectChoice(Keywords.CyclicModes, "the mode", keyword);
                if (modeWord == null)
                {
                    SkipToPhaseEnd();
                    return null;
                }

                mode = modeWord == "triangular" ? CyclicKind.Triangular : modeWord == "triangular2" ? CyclicKind.Triangular2 : CyclicKind.ExpRange;
                if (mode == CyclicKind.ExpRange)
                {
                    gamma = ExpectNumber("the factor", modeToken);
                    if (gamma is not Written g || !Positive(g, "the factor of 'exp-range'"))
                    {
                        SkipToPhaseEnd();
                        return null;
                    }
                }
            }

            Written? low = ExpectNumber("the lowest level", keyword);
            Written? high = null;
            if (low != null)
            {
                if (Current.IsWord("to"))
                {
                    Token to = Current;
                    _position++;
                    high = ExpectNumber("the highest level", to);
                }
                else
                {
                    ReportUnexpected(Current, "'to hi' after the lowest level of 'cyclic'");
                }
            }

            FoundClauses found = ParseClauses(keyword, CyclicClauses, out bool failed);
            if (low is not Written lo || high is not Written hi || failed)
            {
                return null;
            }

            if (lo.Value >= hi.Value)
            {
                Report(DiagnosticIds.OutOfRange, "The lowest level of 'cyclic' (" + Format(lo.Value) + ") must be below the highest (" + Format(hi.Value) + ")", TextSpan.FromBounds(lo.Span.Offset, hi.Span.End));
                return null;
            }

            return new CyclicKernel(mode, gamma, lo, hi, found.Value("up")!.Value, found.Value("down"), Span(keyword), SpanFrom(keyword));
        }

        private KernelNode? ParseOneCycle(Token keyword)
        {
            Written? peak = ExpectNumber("the peak level", keyword);
            FoundClauses found = ParseClauses(keyword, OneCycleClauses, out bool failed);
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
                Report(DiagnosticIds.OutOfRange, "'warm' of 'onecycle' is the fraction of the cycle spent rising and must lie strictly between 0 and 1, not " + Format(w.Value), w.Span);
                ok = false;
            }

            ok &= div is not Written a || Positive(a, "'div' of 'onecycle'");
            ok &= finalDiv is not Written b || Positive(b, "'final-div' of 'onecycle'");
            if (!ok)
            {
                return null;
            }

            var kernel = new OneCycleKernel(top, n, warm, div, finalDiv, found.Flag("linear"), found.Flag("three-phase"), Span(keyword), SpanFrom(keyword));
            TextSpan blame = warm?.Span ?? n.Span;
            if (kernel.FirstEnd <= 0)
            {
                Report(DiagnosticIds.OutOfRange, "'onecycle' over " + Format(n.Value) + " with warm " + Format(kernel.WarmFraction) + " leaves no room to rise: warm × N must exceed 1", blame);
                return null;
            }

            if (kernel.IsThreePhase && kernel.SecondEnd >= kernel.LastEnd)
            {
                Report(DiagnosticIds.OutOfRange, "'onecycle … three-phase' over " + Format(n.Value) + " with warm " + Format(kernel.WarmFraction) + " leaves no room for the last phase: 2 × warm × N − 2 must be below N − 1", blame);
                return null;
            }

            return kernel;
        }

        private KernelNode? ParsePiecewise(Token keyword)
        {
            var values = new List<Written>();
            var boundaries = new List<Written>();
            bool failed = false;
            Written? value = ExpectNumber("the first value", keyword);
            while (value is Written v)
            {
                values.Add(v);
                if (!Current.IsWord("until"))
                {
                    break;
                }

                Token until = Current;
                _position++;
                Written? boundary = ExpectInteger("the boundary", until, 0);
                if (boundary is not Written b)
                {
                    failed = true;
                    break;
                }

                boundaries.Add(b);
                if (Current.Kind != TokenKind.Comma)
                {
                    ReportUnexpected(Current, "',' and the next value after 'until " + Format(b.Value) + "'");
                    failed = true;
                    break;
                }

                Token comma = Current;
                _position++;
                value = ExpectNumber("the next value", comma);
            }

            failed |= value == null;
            if (failed)
            {
                SkipToPhaseEnd();
                return null;
            }

            ParseClauses(keyword, NoClauses, out failed);
            if (failed || !Increasing(boundaries.ToArray(), 0, "boundary", boundaries.Count > 0 && boundaries[0].Value <= 0 ? "the start of the phase (0)" : "the one before"))
            {
                return null;
            }

            return new PiecewiseKernel(values.ToArray(), boundaries.ToArray(), Span(keyword), SpanFrom(keyword));
        }

        private KernelNode? ParsePlateau(Token keyword)
        {
            FoundClauses found = ParseClauses(keyword, PlateauClauses, out bool failed);
            if (failed)
            {
                return null;
            }

            Written f = found.Value("factor")!.Value;
            if (f.Value <= 0 || f.Value >= 1)
            {
                Report(DiagnosticIds.OutOfRange, "'factor' of 'plateau' multiplies the level on a plateau and must lie strictly between 0 and 1, not " + Format(f.Value), f.Span);
                return null;
            }

            bool? maximize = found.Choices.TryGetValue("mode", out string? mode) ? mode == "max" : (bool?)null;
            return new PlateauKernel(
                f, found.Value("patience")!.Value, found.Value("cooldown"), found.Value("threshold"), maximize, found.Value("floor"), _plateauCount++, Span(keyword), SpanFrom(keyword));
        }

        /// <summary>Reads the clauses after a kernel's positional arguments, in any order, each at most once.</summary>
        private FoundClauses ParseClauses(Token kernel, ClauseSpec[] specs, out bool failed)
        {
            var found = new FoundClauses();
            failed = false;
            while (true)
            {
                Token token = Current;
                ClauseSpec? spec = null;
                if (token.Kind == TokenKind.Word)
                {
                    foreach (ClauseSpec candidate in specs)
                    {
                        if (candidate.Keyword == token.Text)
                        {
                            spec = candidate;
                        }
                    }
                }

                if (spec != null)
                {
                    _position++;
                    if (!found.Seen.Add(spec.Keyword))
                    {
                        Report(DiagnosticIds.Syntax, "'" + kernel.Text + "' already has '" + spec.Keyword + "'; write each clause once", token);
                        failed = true;
                    }

                    failed |= !ParseClauseValue(spec, token, found);
                    continue;
                }

                if (token.Kind == TokenKind.Arrow || token.Kind == TokenKind.Star || token.Kind == TokenKind.CloseParen || token.Kind == TokenKind.End || token.IsWord("for"))
                {
                    break;
                }

                var remaining = new List<string>();
                var usages = new List<string>();
                foreach (ClauseSpec candidate in specs)
                {
                    if (!found.Seen.Contains(candidate.Keyword))
                    {
                        remaining.Add(candidate.Keyword);
                        usages.Add(candidate.Usage);
                    }
                }

                if (token.Kind == TokenKind.Word && !Keywords.IsKeyword(token.Text))
                {
                    remaining.Add("for");
                    ReportUnknownWord(token, remaining);
                }
                else
                {
                    usages.Add("'for N'");
                    usages.Add("'->'");
                    usages.Add("'*'");
                    string expected = string.Join(", ", usages) + " or end of text";
                    remaining.Add("for");
                    ReportUnexpected(token, expected + " after '" + kernel.Text + "'", remaining);
                }

                failed = true;
                SkipToPhaseEnd();
                return found;
            }

            foreach (ClauseSpec spec in specs)
            {
                if (spec.Required && !found.Seen.Contains(spec.Keyword))
                {
                    if (!failed)
                    {
                        Report(DiagnosticIds.Syntax, "'" + kernel.Text + "' needs " + spec.Usage + "; found " + Current.Describe(), Current);
                    }

                    failed = true;
                }
            }

            return found;
        }

        private bool ParseClauseValue(ClauseSpec spec, Token keyword, FoundClauses found)
        {
            switch (spec.Kind)
            {
                case ClauseKind.Flag:
                    found.Flags[spec.Keyword] = Span(keyword);
                    return true;
                case ClauseKind.Choice:
                    string? choice = ExpectChoice(spec.Choices!, spec.Meaning, keyword);
                    if (choice != null)
                    {
                        found.Choices[spec.Keyword] = choice;
                    }

                    return choice != null;
                case ClauseKind.IntegerList:
                    var items = new List<Written>();
                    Token after = keyword;
                    while (true)
                    {
                        Written? item = ExpectInteger("a milestone", after, spec.Minimum);
                        if (item is not Written w)
                        {
                            return false;
                        }

                        items.Add(w);
                        if (Current.Kind != TokenKind.Comma)
                        {
                            break;
                        }

                        after = Current;
                        _position++;
                    }

                    found.Lists[spec.Keyword] = items.ToArray();
                    return true;
                default:
                    Written? value = spec.Kind == ClauseKind.Integer
                        ? ExpectInteger("the value", keyword, spec.Minimum)
                        : ExpectNumber(spec.Keyword == "to" || spec.Keyword == "from" || spec.Keyword == "floor" ? "a level" : "'" + spec.Keyword + "'", keyword);
                    if (value is Written v)
                    {
                        found.Values[spec.Keyword] = v;
                        return true;
                    }

                    return false;
            }
        }

        private bool Positive(Written value, string what)
        {
            if (value.Value > 0)
            {
                return true;
            }

            Report(DiagnosticIds.OutOfRange, char.ToUpperInvariant(what[0]) + what.Substring(1) + " must be greater than 0", value.Span);
            return false;
        }

        /// <summary>Reports LRS0006 on the first item not greater than the one before (or than <paramref name="floor"/>).</summary>
        private bool Increasing(Written[] items, double floor, string what, string before)
        {
            double previous = floor;
            foreach (Written item in items)
            {
                if (item.Value <= previous)
                {
                    string against = previous == floor ? before : "the one before (" + Format(previous) + ")";
                    Report(DiagnosticIds.NotIncreasing, "Each " + what + " must be greater than " + against + "; " + Format(item.Value) + " is not", item.Span);
                    return false;
                }

                previous = item.Value;
            }

            return true;
        }

        private static TextSpan Span(Token token) => new TextSpan(token.Offset, token.Length);

        private TextSpan SpanFrom(Token first) => TextSpan.FromBounds(first.Offset, Previous.EndOffset);
    }
}
