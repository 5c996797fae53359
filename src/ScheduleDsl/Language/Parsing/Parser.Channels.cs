using System.Collections.Generic;
using System.Globalization;
using ScheduleDsl.Language.Model;

namespace ScheduleDsl.Language
{
    /// <summary>Channels and their headers: <c>[header ":"] chain</c>, separated by <c>;</c>.</summary>
    internal sealed partial class Parser
    {
        /// <summary>What the first channel's header says for the whole text.</summary>
        private sealed class TextHeader
        {
            public ScheduleUnit Unit = ScheduleUnit.Epoch;
            public bool UnitWritten;
            public Written? StepsPerEpoch;
        }

        /// <summary>One channel: <c>[header ":"] chain</c>; <paramref name="index"/> counts channels from 0.</summary>
        private ChannelModel? ParseChannel(int index, TextHeader header, List<ChannelModel> before)
        {
            int start = Current.Offset;
            ChannelHeader? named = null;
            Written? min = null;
            if (Current.Kind == TokenKind.Word && System.Array.IndexOf(Keywords.HeaderItems, Current.Text) >= 0)
            {
                named = ParseHeader(index, header, ref min);
            }

            if (index == 0)
            {
                _unit = header.Unit;
                _stepsPerEpoch = header.StepsPerEpoch?.AsLong;
            }

            if (Current.Kind == TokenKind.End || Current.Kind == TokenKind.Semicolon)
            {
                Report(DiagnosticIds.Syntax, "Expected a schedule: a kernel such as 'constant', 'step' or 'cosine', or '('; found " + Current.Describe() + (index > 0 && named == null ? " after ';' (a channel such as 'momentum 0.9: constant')" : string.Empty), Current);
                return null;
            }

            bool failed = false;
            ScheduleChannel channel = named?.Channel ?? ScheduleChannel.LearningRate;
            if (named == null && index > 0)
            {
                Report(DiagnosticIds.Syntax, "Only the first channel may leave its hyperparameter unnamed (it is then the learning rate); start this one with 'momentum' or 'weight-decay'", Current);
                failed = true;
            }
            else if (before.Find(c => c.Channel == channel) is ChannelModel earlier)
            {
                Report(DiagnosticIds.Syntax, "The text already schedules the " + ChannelModel.Noun(channel) + " (at offset " + earlier.Name.Offset.ToString(CultureInfo.InvariantCulture) + "); each hyperparameter has one channel", named!.Name);
                failed = true;
            }


            ScheduleNode? root = ParseChain(0);
            if (!_abandoned && Current.Kind != TokenKind.End && Current.Kind != TokenKind.Semicolon)
            {
                if (Current.Kind == TokenKind.CloseParen)
                {
                    Report(DiagnosticIds.Syntax, "Unexpected ')': there is no '(' for it to close", Current);
                }
                else
                {
                    ReportUnexpected(Current, "'->', '*', ';' or end of text");
                }

                while (Current.Kind != TokenKind.End && Current.Kind != TokenKind.Semicolon)
                {
                    _position++;
                }

                root = null;
            }

            if (root == null || failed)
            {
                return null;
            }

            return new ChannelModel(channel, named?.Level, min, root, named?.Name ?? new TextSpan(start, 0));
        }

        /// <summary>The hyperparameter a header names, and its start level when absolute.</summary>
        private sealed class ChannelHeader
        {
            public ChannelHeader(ScheduleChannel channel, Written? level, TextSpan name)
            {
                Channel = channel;
                Level = level;
                Name = name;
            }

            public ScheduleChannel Channel { get; }

            public Written? Level { get; }

            public TextSpan Name { get; }
        }

        private ChannelHeader? ParseHeader(int index, TextHeader header, ref Written? min)
        {
            var seen = new HashSet<string>();
            ChannelHeader? named = null;
            while (true)
            {
                Token token = Current;
                if (token.Kind == TokenKind.Colon)
                {
                    _position++;
                    return named;
                }

                if (token.Kind == TokenKind.Word && System.Array.IndexOf(Keywords.HeaderItems, token.Text) >= 0)
                {
                    _position++;
                    if (!seen.Add(token.Text))
                    {
                        Report(DiagnosticIds.Syntax, "The header already gives '" + token.Text + "'; write each header item once", token);
                    }

                    switch (token.Text)
                    {
                        case "lr":
                        case "momentum":
                        case "weight-decay":
                            ChannelHeader? name = ParseChannelName(token, index, named);
                            named ??= name;
                            break;
                        case "min":
                            min = ExpectNumber("the lowest value", token) ?? min;
                            break;
                        case "steps-per-epoch":
                            Written? steps = ExpectNumber("the optimizer steps in one epoch", token);
                            if (WholeText(token, index) && steps is Written n && CheckInteger(n, "the number of steps", token.Text, 1))
                            {
                                header.StepsPerEpoch = n;
                            }

                            break;
                        default:
                            string? chosen = ExpectChoice(Keywords.Units, "the unit", token);
                            if (WholeText(token, index) && chosen != null)
                            {
                                header.Unit = chosen == "step" ? ScheduleUnit.Step : ScheduleUnit.Epoch;
                                header.UnitWritten = true;
                            }

                            break;
                    }

                    continue;
                }

                string expected = "':' after the header (or another of 'lr X', 'momentum [X]', 'weight-decay [X]', 'per epoch|step', 'min X', 'steps-per-epoch N')";
                if (token.Kind == TokenKind.Word && !Keywords.IsKeyword(token.Text))
                {
                    ReportUnknownWord(token, Keywords.HeaderItems);
                    _position++;
                    continue;
                }

                ReportUnexpected(token, expected, Keywords.HeaderItems);
                if (token.Kind == TokenKind.End || token.Kind == TokenKind.Semicolon || token.Kind == TokenKind.OpenParen || (token.Kind == TokenKind.Word && KernelCatalog.IsKernel(token.Text)))
                {
                    // Most likely a forgotten ':'; read on as if it were there so later errors still show.
                    return named;
                }

                _position++;
            }
        }

        /// <summary><c>lr X</c>, <c>momentum [X]</c> or <c>weight-decay [X]</c>: the hyperparameter this channel drives.</summary>
        private ChannelHeader? ParseChannelName(Token word, int index, ChannelHeader? named)
        {
            ScheduleChannel channel = word.Text == "lr" ? ScheduleChannel.LearningRate : word.Text == "momentum" ? ScheduleChannel.Momentum : ScheduleChannel.WeightDecay;
            Written? level = channel == ScheduleChannel.LearningRate
                ? ExpectNumber("the learning rate", word)
                : Current.Kind == TokenKind.Number ? ExpectNumber("the " + ChannelModel.Noun(channel), word) : null;
            if (channel == ScheduleChannel.LearningRate && level == null)
            {
                return null;
            }

            if (named != null)
            {
                Report(
                    DiagnosticIds.Syntax,
                    "This channel already schedules the " + ChannelModel.Noun(named.Channel) + "; a channel drives one hyperparameter, so start another with ';' before '" + word.Text + "'",
                    word);
                return null;
            }

            if (channel == ScheduleChannel.LearningRate && index > 0)
            {
                Report(DiagnosticIds.Syntax, "The learning-rate channel comes first: move 'lr' and its phases to the start of the text", word);
                return null;
            }

            if (channel == ScheduleChannel.Momentum && level is Written m && m.Value >= 1)
            {
                Report(DiagnosticIds.OutOfRange, "A momentum of " + Format(m.Value) + " does not decay the past; momentum levels lie in [0, 1)", m.Span);
                return null;
            }

            return new ChannelHeader(channel, level, TextSpan.FromBounds(word.Offset, Previous.EndOffset));
        }

        /// <summary>Reports an item that applies to the whole text (<c>per</c>, <c>steps-per-epoch</c>) in a later channel's header.</summary>
        private bool WholeText(Token item, int index)
        {
            if (index == 0)
            {
                return true;
            }

            Report(DiagnosticIds.Syntax, "'" + item.Text + "' applies to the whole text: write it in the first channel's header", item);
            return false;
        }
    }
}
