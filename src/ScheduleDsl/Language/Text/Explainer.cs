using System.Collections.Generic;
using System.Globalization;
using ScheduleDsl.Language.Model;

namespace ScheduleDsl.Language
{
    /// <summary>One top-level phase explained: where it starts, how long it runs, and a sentence in English.</summary>
    internal sealed class PhaseExplanation
    {
        public PhaseExplanation(long start, long? duration, string text, string sentence)
        {
            Start = start;
            Duration = duration;
            Text = text;
            Sentence = sentence;
        }

        public long Start { get; }

        public long? Duration { get; }

        /// <summary>The phase's canonical text.</summary>
        public string Text { get; }

        public string Sentence { get; }
    }

    /// <summary>
    /// Explains a schedule in English, one sentence per phase. <c>schedule explain</c> prints these sentences and the
    /// generator writes the same ones into the generated code.
    /// </summary>
    internal static class Explainer
    {
        /// <summary>One sentence per channel: what its values are, the unit, a floor, metric dependence.</summary>
        public static string Summary(ScheduleModel model)
        {
            if (model.Channels.Length == 1 && model.Channels[0].Channel == ScheduleChannel.LearningRate)
            {
                return Summary(model, model.Channels[0]);
            }

            var sentences = new List<string>();
            foreach (ChannelModel channel in model.Channels)
            {
                sentences.Add(ChannelModel.Title(channel.Channel) + ": " + LowerFirst(Summary(model, channel)));
            }

            if (model.Rate == null)
            {
                sentences.Add("The learning rate is not scheduled: it stays at the optimizer's rate.");
            }

            return string.Join(" ", sentences);
        }

        public static string Summary(ScheduleModel model, ChannelModel channel)
        {
            string unit = model.Unit == ScheduleUnit.Step ? "optimizer step" : "epoch";
            string noun = ChannelModel.Noun(channel.Channel);
            string text = channel.IsDerived
                ? "Absolute momentum values, cycled against the rate by the 'momentum' option, " + NumberText.Format(channel.StartLevel) + " outside its phase, one value per " + unit + "."
                : channel.Level is Written level
                ? (channel.Channel == ScheduleChannel.LearningRate ? "Absolute learning rates" : "Absolute " + noun + " values") + ", starting at " + NumberText.Format(level.Value) + ", one value per " + unit + "."
                : "Factors of the optimizer's " + (channel.Channel == ScheduleChannel.LearningRate ? "base rate" : noun) + ", starting at 1, one value per " + unit + ".";
            if (model.StepsPerEpoch is Written steps)
            {
                text = text.Substring(0, text.Length - 1) + ", " + NumberText.Format(steps.Value) + " steps to an epoch.";
            }

            if (channel.Min is Written min)
            {
                text += " Never below " + NumberText.Format(min.Value) + ".";
            }

            if (channel.Root.IsStateful)
            {
                text += " Depends on the metric observed after each " + unit + ".";
            }

            return text;
        }

        /// <summary>The learning-rate channel's phases (none when the text does not schedule the rate).</summary>
        public static List<PhaseExplanation> Explain(ScheduleModel model) => model.Rate is ChannelModel rate ? Explain(model, rate) : new List<PhaseExplanation>();

        public static List<PhaseExplanation> Explain(ScheduleModel model, ChannelModel channel)
        {
            TimeWords units = model.Unit == ScheduleUnit.Step ? new TimeWords("step", "steps", model.StepsPerEpoch?.AsLong ?? 0) : TimeWords.Epochs;
            var result = new List<PhaseExplanation>();
            // A derived momentum channel has the rate's top-level phases (the same durations); each is shown by the rate's text.
            ScheduleNode shape = channel.IsDerived ? model.Rate!.Root : channel.Root;
            var chain = shape is ChainNode ? channel.Root as ChainNode : null;
            ScheduleNode[] phases = chain != null ? chain.Phases : new[] { channel.Root };
            ScheduleNode[] texts = shape is ChainNode shapeChain ? shapeChain.Phases : new[] { shape };
            long start = 0;
            for (int i = 0; i < phases.Length; i++)
            {
                ScheduleNode phase = phases[i];
                double? s = chain != null ? chain.StartLevelOf(i) : channel.StartLevel;
                string text = channel.IsDerived ? "momentum of " + CanonicalWriter.Write(texts[i]) : CanonicalWriter.Write(phase);
                string sentence = channel.IsDerived && MomentumChannel.Options(texts[i]).Count == 0
                    ? "Hold the momentum at " + NumberText.Format(channel.StartLevel) + ", as outside every phase that cycles it"
                    : Describe(phase, s, units);
                result.Add(new PhaseExplanation(start, phase.Duration, text, Capitalize(sentence) + "."));
                start += phase.Duration ?? 0;
            }

            return result;
        }

        private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text.Substring(1);

        private static string Describe(ScheduleNode node, double? s, TimeWords u)
        {
            switch (node)
            {
                case ChainNode chain:
                    var steps = new List<string>();
                    for (int i = 0; i < chain.Phases.Length; i++)
                    {
                        steps.Add(Describe(chain.Phases[i], chain.StartLevelOf(i), u));
                    }

                    return "in turn: " + string.Join("; then ", steps);
                case ProductNode product:
                    var factors = new List<string>();
                    foreach (ScheduleNode operand in product.Operands)
                    {
                        factors.Add("(" + Describe(operand, 1.0, u) + ")");
                    }

                    return "multiply " + Level(s) + " by the product of " + factors.Count + " factor curves, each starting at 1: " + string.Join(" × ", factors);
                case CutNode cut:
                    return "for " + new SentenceWords(s, u).Count(cut.Length) + " only, " + Describe(cut.Inner, s, u) + ", then hold the level reached at " + u.Singular + " " + SentenceWords.Int(cut.Length);
                case SkipNode skip:
                    string skipped = new SentenceWords(s, u).Count(skip.Skipped);
                    return Describe(skip.Inner, s, u) + ", starting " + skipped + " into it (its first " + skipped + " are skipped)";
                case KernelNode kernel:
                    return KernelCatalog.Of(kernel).Sentence(kernel, s, u);
                default:
                    throw new System.InvalidOperationException("The explainer has no case for " + node.GetType().Name);
            }
        }

        private static string Level(double? s) => SentenceWords.Of(s);

        private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
    }
}
