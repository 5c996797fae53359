using System.Collections.Generic;
using System.Globalization;
using ScheduleDsl.Language.Model;

namespace ScheduleDsl.Language
{
    /// <summary>The outcome of parsing: a model when the text has no error, and every diagnostic found.</summary>
    internal sealed class ParseResult
    {
        public ParseResult(ScheduleModel? model, IReadOnlyList<ScheduleDiagnostic> diagnostics, int kernelCount = 0)
        {
            Model = model;
            Diagnostics = diagnostics;
            KernelCount = kernelCount;
        }

        /// <summary>How many kernels the text holds (up to the first one past <see cref="Parser.MaxKernels"/>).</summary>
        public int KernelCount { get; }

        public ScheduleModel? Model { get; }

        public IReadOnlyList<ScheduleDiagnostic> Diagnostics { get; }
    }

    /// <summary>
    /// Recursive-descent parser for the schedule language. Collects diagnostics instead of throwing, recovers at
    /// <c>-&gt;</c>, <c>*</c> and <c>)</c> so one run reports several errors, and bounds parenthesis nesting so hostile
    /// input cannot exhaust the stack.
    /// </summary>
    internal sealed partial class Parser
    {
        public const int MaxNesting = 32;

        /// <summary>The most kernels one schedule may hold: far above any real schedule, it bounds the work whatever the input.</summary>
        public const int MaxKernels = 100_000;

        /// <summary>The most kernels the source generator compiles into C#, within the C# compiler's limits (LRS0107 beyond).</summary>
        public const int MaxGeneratedKernels = 1000;

        private readonly List<Token> _tokens;
        private readonly List<ScheduleDiagnostic> _diagnostics;
        private int _position;
        private int _plateauCount;
        private ScheduleUnit _unit = ScheduleUnit.Epoch;
        private long? _stepsPerEpoch;
        private int _kernelCount;
        private bool _abandoned;

        private Parser(List<Token> tokens, List<ScheduleDiagnostic> diagnostics, IReadOnlyDictionary<string, System.Func<long, double, double>>? functions)
        {
            _tokens = tokens;
            _diagnostics = diagnostics;
            Functions = functions;
        }

        /// <summary>
        /// The <c>custom</c> functions by name, when parsing for evaluation at run time (a name not among them is LRS0012);
        /// null where the generator parses, which declares each name as a partial method instead.
        /// </summary>
        internal IReadOnlyDictionary<string, System.Func<long, double, double>>? Functions { get; }

        internal Token Current => _tokens[_position];

        internal Token Previous => _tokens[_position > 0 ? _position - 1 : 0];

        /// <summary>Moves past the current token.</summary>
        internal void Advance() => _position++;

        /// <summary>The index of the next <c>plateau</c> phase in the text, counting from 0: its slot in the state array.</summary>
        internal int NextPlateauIndex() => _plateauCount++;

        /// <summary>Parses as the generator does: a <c>custom NAME</c> is the partial method NAME of the generated type.</summary>
        public static ParseResult Parse(string text) => Parse(text, null);

        /// <summary>Parses for evaluation at run time, with the <c>custom</c> functions by name (null: as the generator).</summary>
        public static ParseResult Parse(string text, IReadOnlyDictionary<string, System.Func<long, double, double>>? functions)
        {
            var diagnostics = new List<ScheduleDiagnostic>();
            List<Token> tokens = Lexer.Tokenize(text, diagnostics);
            var parser = new Parser(tokens, diagnostics, functions);
            ScheduleModel? model = parser.ParseSchedule();
            if (model != null)
            {
                Validator.Validate(model, diagnostics);
            }

            diagnostics.Sort((a, b) => a.Offset != b.Offset ? a.Offset.CompareTo(b.Offset) : string.CompareOrdinal(a.Id, b.Id));
            bool hasError = diagnostics.Exists(d => d.Severity == ScheduleDiagnosticSeverity.Error);
            return new ParseResult(hasError ? null : model, diagnostics, parser._kernelCount);
        }

        private ScheduleModel? ParseSchedule()
        {
            var header = new TextHeader();
            var channels = new List<ChannelModel>();
            bool failed = false;
            int index = 0;
            while (true)
            {
                ChannelModel? channel = ParseChannel(index, header, channels);
                failed |= channel == null;
                if (channel != null)
                {
                    channels.Add(channel);
                }

                if (_abandoned || Current.Kind != TokenKind.Semicolon)
                {
                    break;
                }

                _position++;
                index++;
            }

            if (failed || _abandoned)
            {
                return null;
            }

            ChannelModel? rate = channels.Find(c => c.Channel == ScheduleChannel.LearningRate);
            if (rate != null && !channels.Exists(c => c.Channel == ScheduleChannel.Momentum) && MomentumChannel.Derive(rate) is ChannelModel derived)
            {
                channels.Add(derived);
            }

            return new ScheduleModel(header.Unit, header.UnitWritten, header.StepsPerEpoch, channels.ToArray(), _plateauCount);
        }

        private ScheduleNode? ParseChain(int depth)
        {
            int start = Current.Offset;
            var phases = new List<ScheduleNode?>();
            phases.Add(ParseProduct(depth));
            while (!_abandoned && Current.Kind == TokenKind.Arrow)
            {
                _position++;
                phases.Add(ParseProduct(depth));
            }

            if (_abandoned || phases.Contains(null))
            {
                return null;
            }

            if (phases.Count == 1)
            {
                return phases[0];
            }

            // Only the last phase may be open-ended. The chain is built from the reachable phases alone, so the model never
            // holds a phase that could not be evaluated; the error keeps that model from being used.
            int open = phases.FindIndex(p => p!.Duration is null);
            if (open >= 0 && open < phases.Count - 1)
            {
                for (int j = open + 1; j < phases.Count; j++)
                {
                    Report(DiagnosticIds.Unreachable, "This phase is never reached: the phase before it never ends; bound that one with 'for N'", phases[j]!.Span);
                }

                phases.RemoveRange(open + 1, phases.Count - open - 1);
                if (phases.Count == 1)
                {
                    return phases[0];
                }
            }

            return new ChainNode(phases.ConvertAll(p => p!).ToArray(), TextSpan.FromBounds(start, Previous.EndOffset));
        }

        private ScheduleNode? ParseProduct(int depth)
        {
            int start = Current.Offset;
            var operands = new List<ScheduleNode?>();
            operands.Add(ParsePhase(depth));
            while (!_abandoned && Current.Kind == TokenKind.Star)
            {
                _position++;
                operands.Add(ParsePhase(depth));
            }

            if (_abandoned || operands.Contains(null))
            {
                return null;
            }

            if (operands.Count == 1)
            {
                return operands[0];
            }

            return new ProductNode(operands.ConvertAll(p => p!).ToArray(), TextSpan.FromBounds(start, Previous.EndOffset));
        }

        private ScheduleNode? ParsePhase(int depth)
        {
            Token token = Current;
            ScheduleNode? node = null;
            switch (token.Kind)
            {
                case TokenKind.OpenParen:
                    if (depth >= MaxNesting)
                    {
                        Report(DiagnosticIds.Syntax, "Parentheses are nested more than " + MaxNesting.ToString(CultureInfo.InvariantCulture) + " deep", token);
                        _abandoned = true;
                        return null;
                    }

                    _position++;
                    node = ParseChain(depth + 1);
                    if (_abandoned)
                    {
                        return null;
                    }

                    if (Current.Kind == TokenKind.CloseParen)
                    {
                        _position++;
                    }
                    else
                    {
                        ReportUnexpected(Current, "')' to close the '(' at offset " + token.Offset.ToString(CultureInfo.InvariantCulture));
                        SkipToPhaseEnd();
                        if (Current.Kind == TokenKind.CloseParen)
                        {
                            _position++;
                        }

                        node = null;
                    }

                    break;
                case TokenKind.Word when KernelCatalog.IsKernel(token.Text):
                    if (++_kernelCount > MaxKernels)
                    {
                        Report(DiagnosticIds.Syntax, "A schedule holds at most " + MaxKernels.ToString(CultureInfo.InvariantCulture) + " kernels; this is one more", token);
                        _abandoned = true;
                        return null;
                    }

                    node = ParseKernel(token);
                    break;
                case TokenKind.Word when !Keywords.IsKeyword(token.Text):
                    IReadOnlyList<string> meant = ReportUnknownWord(token, Keywords.Kernels);
                    if (meant.Count != 1 || !KernelCatalog.IsKernel(meant[0]))
                    {
                        SkipToPhaseEnd();
                        return null;
                    }

                    // Read on as the one kernel the word can have meant, so that a second mistake in the phase is found in
                    // the same pass (and fixed by the same Fix All); the phase has failed either way, so the node stays null.
                    ParseKernel(token.ReadAs(meant[0]));
                    break;
                case TokenKind.BadNumber:
                case TokenKind.BadCharacter:
                    SkipToPhaseEnd();
                    return null;
                default:
                    ReportUnexpected(token, "a kernel such as 'constant', 'step' or 'cosine', or '('", Keywords.Kernels);
                    SkipToPhaseEnd();
                    return null;
            }

            // 'skip K' and 'for N', in either order, once each; 'for' counts from the skipped start either way.
            Written? skip = null;
            TextSpan skipSpan = default;
            Written? cut = null;
            TextSpan forSpan = default;
            bool failed = node == null;
            while (Current.IsWord("skip") || Current.IsWord("for"))
            {
                Token word = Current;
                _position++;
                bool isSkip = word.IsWord("skip");
                if (isSkip ? skip != null || skipSpan.Length > 0 : cut != null || forSpan.Length > 0)
                {
                    Report(DiagnosticIds.Syntax, "This phase already has '" + word.Text + "'; write it once", word);
                    failed = true;
                }

                Written? value = ExpectInteger(isSkip ? "the time units skipped" : "the length", word, 1);
                if (value is not Written v)
                {
                    failed = true;
                    continue;
                }

                TextSpan span = TextSpan.FromBounds(word.Offset, v.Span.End);
                if (isSkip)
                {
                    (skip, skipSpan) = (v, span);
                }
                else
                {
                    (cut, forSpan) = (v, span);
                }
            }

            if (failed)
            {
                return null;
            }

            if (skip is Written k)
            {
                if (node!.IsStateful)
                {
                    Report(DiagnosticIds.OutOfRange, "'skip' cannot start a phase that holds a 'plateau' part-way: a plateau's level comes from the metrics it observes, not from time", k.Span);
                    return null;
                }

                if (node.Duration is long length && k.AsLong >= length)
                {
                    Report(DiagnosticIds.OutOfRange, "'skip " + Format(k.Value) + "' skips the whole phase, which lasts " + Format(length) + "; skip less than its length", k.Span);
                    return null;
                }

                node = new SkipNode(node, k.AsLong, skipSpan, TextSpan.FromBounds(token.Offset, skipSpan.End), k);
            }

            if (cut is Written n)
            {
                int end = System.Math.Max(forSpan.End, skipSpan.End);
                node = new CutNode(node!, n.AsLong, forSpan, TextSpan.FromBounds(token.Offset, end), n);
            }

            return node;
        }

        /// <summary>Skips to the next <c>-&gt;</c>, <c>*</c> or <c>)</c> at this nesting level, or the end.</summary>
        internal void SkipToPhaseEnd()
        {
            int open = 0;
            while (true)
            {
                switch (Current.Kind)
                {
                    case TokenKind.End:
                        return;
                    case TokenKind.Semicolon:
                        return;
                    case TokenKind.Arrow:
                    case TokenKind.Star:
                        if (open == 0)
                        {
                            return;
                        }

                        break;
                    case TokenKind.OpenParen:
                        open++;
                        break;
                    case TokenKind.CloseParen:
                        if (open == 0)
                        {
                            return;
                        }

                        open--;
                        break;
                }

                _position++;
            }
        }

        internal Written? ExpectNumber(string meaning, Token after)
        {
            Token token = Current;
            if (token.Kind == TokenKind.Number)
            {
                _position++;
                return new Written(token.Number, new TextSpan(token.Offset, token.Length), NumberText.IsWhole(token.Text), token.Text);
            }

            if (token.Kind == TokenKind.BadNumber)
            {
                _position++;
                return null;
            }

            ReportUnexpected(token, "a number (" + meaning + ") after '" + after.Text + "'");
            return null;
        }

        /// <summary>
        /// A whole number; where <paramref name="inEpochs"/>, it may be written <c>K epochs</c> (or <c>K epoch</c>) in a
        /// <c>per step</c> schedule with <c>steps-per-epoch N</c>, and then stands for K·N steps.
        /// </summary>
        internal Written? ExpectInteger(string meaning, Token after, int minimum, bool inEpochs = true)
        {
            Written? number = ExpectNumber(meaning, after);
            if (number is not Written w || !CheckInteger(w, meaning, after.Text, minimum))
            {
                return null;
            }

            if (!(Current.IsWord("epochs") || Current.IsWord("epoch")))
            {
                return w;
            }

            Token word = Current;
            _position++;
            if (!inEpochs)
            {
                Report(DiagnosticIds.Syntax, meaning.Substring(0, 1).ToUpperInvariant() + meaning.Substring(1) + " of '" + after.Text + "' counts observations, so it cannot be written in epochs", word);
                return null;
            }

            if (_unit != ScheduleUnit.Step || _stepsPerEpoch == null)
            {
                Report(
                    DiagnosticIds.EpochsWithoutStepsPerEpoch,
                    "'" + word.Text + "' needs a per-step schedule that says how many steps an epoch has: write 'per step steps-per-epoch N' in the header"
                        + (_unit == ScheduleUnit.Step ? string.Empty : " (in a per-epoch schedule, lengths are already epochs)"),
                    word);
                return null;
            }

            double steps = w.Value * _stepsPerEpoch.Value;
            TextSpan span = TextSpan.FromBounds(w.Span.Offset, word.EndOffset);
            if (steps > int.MaxValue)
            {
                Report(DiagnosticIds.OutOfRange, Format(w.Value) + " epochs of " + Format(_stepsPerEpoch.Value) + " steps are " + Format(steps) + " steps; " + meaning + " of '" + after.Text + "' is at most 2147483647", span);
                return null;
            }

            return new Written(steps, span, isWhole: true, text: null, epochs: w.AsLong);
        }

        private bool CheckInteger(Written w, string meaning, string owner, int minimum)
        {
            if (!w.IsWhole)
            {
                Report(DiagnosticIds.OutOfRange, (w.Text ?? Format(w.Value)) + " is not a whole number; " + meaning + " of '" + owner + "' must be one", w.Span);
                return false;
            }

            if (w.Value > int.MaxValue)
            {
                Report(DiagnosticIds.BadNumber, Format(w.Value) + " is out of range; " + meaning + " of '" + owner + "' is at most 2147483647", w.Span);
                return false;
            }

            if (w.Value < minimum)
            {
                Report(DiagnosticIds.OutOfRange, meaning.Substring(0, 1).ToUpperInvariant() + meaning.Substring(1) + " of '" + owner + "' must be at least " + minimum.ToString(CultureInfo.InvariantCulture) + ", not " + Format(w.Value), w.Span);
                return false;
            }

            return true;
        }

        internal string? ExpectChoice(string[] choices, string meaning, Token after)
        {
            Token token = Current;
            if (token.Kind == TokenKind.Word && System.Array.IndexOf(choices, token.Text) >= 0)
            {
                _position++;
                return token.Text;
            }

            if (token.Kind == TokenKind.Word && !Keywords.IsKeyword(token.Text))
            {
                ReportUnknownWord(token, choices);
                _position++;
                return null;
            }

            ReportUnexpected(token, Quote(choices) + " (" + meaning + ") after '" + after.Text + "'", choices);
            return null;
        }

        internal void Report(string id, string message, Token token) => Report(id, message, new TextSpan(token.Offset, token.Length));

        internal void Report(string id, string message, TextSpan span, IReadOnlyList<string>? suggestions = null)
        {
            // One error per mistake: a text that stops short ('lr', 'step', '(', 'lr 1e-') makes every rule after it
            // expect something at the same empty spot; the first error there (or just before it) says what is wrong.
            if (span.Length == 0 && _diagnostics.Count > 0)
            {
                ScheduleDiagnostic last = _diagnostics[_diagnostics.Count - 1];
                if (last.Offset + last.Length == span.Offset && last.Severity == ScheduleDiagnosticSeverity.Error)
                {
                    return;
                }
            }

            _diagnostics.Add(new ScheduleDiagnostic(id, DiagnosticIds.SeverityOf(id), message, span.Offset, span.Length, suggestions ?? System.Array.Empty<string>()));
        }

        /// <summary>Reports that <paramref name="token"/> is not what the rule expects; a keyword that is out of place gets the words of <paramref name="validHere"/> it may have meant.</summary>
        internal void ReportUnexpected(Token token, string expected, IEnumerable<string>? validHere = null)
        {
            if (token.Kind == TokenKind.BadNumber || token.Kind == TokenKind.BadCharacter)
            {
                return; // the lexer already said what is wrong with it
            }

            IReadOnlyList<string> suggestions = token.Kind == TokenKind.Word && validHere != null ? Keywords.Suggest(token.Text, validHere) : System.Array.Empty<string>();
            Report(DiagnosticIds.Syntax, "Expected " + expected + ", found " + token.Describe() + DidYouMean(suggestions), new TextSpan(token.Offset, token.Length), suggestions);
        }

        /// <summary>Reports an unknown word and returns the keywords it may have meant.</summary>
        private IReadOnlyList<string> ReportUnknownWord(Token token, IEnumerable<string> validHere)
        {
            IReadOnlyList<string> suggestions = Keywords.Suggest(token.Text, validHere);
            string message = "Unknown word " + token.Describe() + (suggestions.Count > 0 ? DidYouMean(suggestions) : "; expected one of " + Quote(validHere));
            Report(DiagnosticIds.UnknownWord, message, new TextSpan(token.Offset, token.Length), suggestions);
            return suggestions;
        }

        private static string DidYouMean(IReadOnlyList<string> suggestions) => suggestions.Count == 0 ? string.Empty : "; did you mean " + Quote(suggestions) + "?";

        internal static string Quote(IEnumerable<string> words)
        {
            var quoted = new List<string>();
            foreach (string word in words)
            {
                quoted.Add("'" + word + "'");
            }

            if (quoted.Count <= 1)
            {
                return string.Join(string.Empty, quoted);
            }

            return string.Join(", ", quoted.GetRange(0, quoted.Count - 1)) + " or " + quoted[quoted.Count - 1];
        }

        internal static string Format(double value) => NumberText.Format(value);
    }
}
