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
        public static string Summary(ScheduleModel model)
        {
            string unit = model.Unit == ScheduleUnit.Step ? "optimizer step" : "epoch";
            string text = model.Lr is Written lr
                ? "Absolute learning rates, starting at " + NumberText.Format(lr.Value) + ", one value per " + unit + "."
                : "Factors of the optimizer's base rate, starting at 1, one value per " + unit + ".";
            if (model.StepsPerEpoch is Written steps)
            {
                text = text.Substring(0, text.Length - 1) + ", " + NumberText.Format(steps.Value) + " steps to an epoch.";
            }

            if (model.Min is Written min)
            {
                text += " Never below " + NumberText.Format(min.Value) + ".";
            }

            if (model.IsStateful)
            {
                text += " Depends on the metric observed after each " + unit + ".";
            }

            return text;
        }

        public static List<PhaseExplanation> Explain(ScheduleModel model)
        {
            TimeWords units = model.Unit == ScheduleUnit.Step ? new TimeWords("step", "steps", model.StepsPerEpoch?.AsLong ?? 0) : TimeWords.Epochs;
            var result = new List<PhaseExplanation>();
            var chain = model.Root as ChainNode;
            ScheduleNode[] phases = chain != null ? chain.Phases : new[] { model.Root };
            long start = 0;
            for (int i = 0; i < phases.Length; i++)
            {
                ScheduleNode phase = phases[i];
                double? s = chain != null ? chain.StartLevelOf(i) : model.StartLevel;
                result.Add(new PhaseExplanation(start, phase.Duration, CanonicalWriter.Write(phase), Capitalize(Describe(phase, s, units)) + "."));
                start += phase.Duration ?? 0;
            }

            return result;
        }

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
