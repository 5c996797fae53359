using System;
using System.Collections.Generic;
using ScheduleDsl.Language.Model;

namespace ScheduleDsl.Language
{
    /// <summary>Kernel dispatch through the catalog, and what every kernel shares: clauses, and the range checks on values.</summary>
    internal sealed partial class Parser
    {
        /// <summary>Parses one kernel through its catalog entry, named by <paramref name="keyword"/>, which stands for the current token.</summary>
        private KernelNode? ParseKernel(Token keyword)
        {
            _position++;
            return KernelCatalog.Find(keyword.Text).Parse(this, keyword);
        }

        /// <summary>Reads the clauses after a kernel's positional arguments, in any order, each at most once.</summary>
        internal FoundClauses ParseClauses(Token kernel, ClauseSpec[] specs, out bool failed)
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

                if (token.Kind == TokenKind.Arrow || token.Kind == TokenKind.Star || token.Kind == TokenKind.CloseParen || token.Kind == TokenKind.Semicolon || token.Kind == TokenKind.End || token.IsWord("for") || token.IsWord("skip"))
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
                    remaining.Add("skip");
                    IReadOnlyList<string> meant = ReportUnknownWord(token, remaining);
                    ClauseSpec? likely = meant.Count == 1 ? Array.Find(specs, candidate => candidate.Keyword == meant[0]) : null;
                    if (likely != null)
                    {
                        // Read on as the one clause the word can have meant, so that a later mistake is found in the same pass.
                        _position++;
                        found.Seen.Add(likely.Keyword);
                        ParseClauseValue(likely, token.ReadAs(likely.Keyword), found);
                        failed = true;
                        continue;
                    }
                }
                else
                {
                    usages.Add("'for N'");
                    usages.Add("'skip K'");
                    usages.Add("'->'");
                    usages.Add("'*'");
                    usages.Add("';'");
                    string expected = string.Join(", ", usages) + " or end of text";
                    remaining.Add("for");
                    remaining.Add("skip");
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
                case ClauseKind.OptionalRange:
                    Written? low = null;
                    Written? high = null;
                    if (Current.Kind == TokenKind.Number || Current.Kind == TokenKind.BadNumber)
                    {
                        low = ExpectNumber("the lowest " + spec.Meaning, keyword);
                        if (low == null)
                        {
                            return false;
                        }

                        if (!Current.IsWord("to"))
                        {
                            ReportUnexpected(Current, "'to hi' after the lowest " + spec.Meaning + " of '" + keyword.Text + "'");
                            return false;
                        }

                        Token to = Current;
                        _position++;
                        high = ExpectNumber("the highest " + spec.Meaning, to);
                        if (high == null)
                        {
                            return false;
                        }
                    }

                    found.Ranges[spec.Keyword] = new FoundRange(low, high, SpanFrom(keyword));
                    return true;
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
                        ? ExpectInteger("the value", keyword, spec.Minimum, spec.InEpochs)
                        : ExpectNumber(spec.Keyword == "to" || spec.Keyword == "from" || spec.Keyword == "floor" ? "a level" : "'" + spec.Keyword + "'", keyword);
                    if (value is Written v)
                    {
                        found.Values[spec.Keyword] = v;
                        return true;
                    }

                    return false;
            }
        }

        /// <summary>
        /// The kernel's <c>momentum [lo to hi]</c> option, if written: both levels in [0, 1) and <c>lo</c> below <c>hi</c>
        /// (LRS0004 otherwise). Returns false after reporting.
        /// </summary>
        internal bool ReadMomentumOption(FoundClauses found, Token kernel, double defaultLow, double defaultHigh, out MomentumOption? option)
        {
            option = null;
            if (found.Range("momentum") is not FoundRange range)
            {
                return true;
            }

            if (range.Low is Written lo && range.High is Written hi)
            {
                foreach (Written level in new[] { lo, hi })
                {
                    if (level.Value >= 1)
                    {
                        Report(DiagnosticIds.OutOfRange, "A momentum of " + Format(level.Value) + " does not decay the past; momentum levels lie in [0, 1)", level.Span);
                        return false;
                    }
                }

                if (lo.Value >= hi.Value)
                {
                    Report(
                        DiagnosticIds.OutOfRange,
                        "The lowest momentum of '" + kernel.Text + "' (" + Format(lo.Value) + ") must be below the highest (" + Format(hi.Value) + ")",
                        TextSpan.FromBounds(lo.Span.Offset, hi.Span.End));
                    return false;
                }
            }

            option = new MomentumOption(range.Low, range.High, range.Span, defaultLow, defaultHigh);
            return true;
        }

        internal bool Positive(Written value, string what)
        {
            if (value.Value > 0)
            {
                return true;
            }

            Report(DiagnosticIds.OutOfRange, char.ToUpperInvariant(what[0]) + what.Substring(1) + " must be greater than 0", value.Span);
            return false;
        }

        /// <summary>Reports LRS0006 on the first item not greater than the one before (or than <paramref name="floor"/>).</summary>
        internal bool Increasing(Written[] items, double floor, string what, string before)
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

        internal static TextSpan Span(Token token) => new TextSpan(token.Offset, token.Length);

        internal TextSpan SpanFrom(Token first) => TextSpan.FromBounds(first.Offset, Previous.EndOffset);
    }
}
