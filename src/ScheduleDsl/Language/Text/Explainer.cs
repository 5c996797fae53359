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
            string unit = model.Unit == TimeUnit.Step ? "optimizer step" : "epoch";
            string text = model.Lr is Written lr
                ? "Absolute learning rates, starting at " + NumberText.Format(lr.Value) + ", one value per " + unit + "."
                : "Factors of the optimizer's base rate, starting at 1, one value per " + unit + ".";
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
            var units = model.Unit == TimeUnit.Step ? new Units("step", "steps") : new Units("epoch", "epochs");
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

        private static string Describe(ScheduleNode node, double? s, Units u)
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
                    return "for " + Count(cut.Length, u) + " only, " + Describe(cut.Inner, s, u) + ", then hold the level reached at " + u.Singular + " " + Int(cut.Length);
                case KernelNode kernel:
                    return DescribeKernel(kernel, s, u);
                default:
                    return CanonicalWriter.Write(node);
            }
        }

        private static string DescribeKernel(KernelNode kernel, double? s, Units u)
        {
            switch (kernel)
            {
                case ConstantKernel constant:
                    return constant.Level is Written v ? "hold the rate at " + N(v.Value) : "hold the incoming level " + Level(s);
                case HoldKernel hold:
                    return "hold the incoming level " + Level(s) + " for " + Count(hold.Length.AsLong, u);
                case WarmupKernel warmup:
                    string shape = warmup.Shape == WarmupCurve.Linear ? "linearly" : warmup.Shape == WarmupCurve.Cosine ? "along a half cosine" : "exponentially";
                    string from = warmup.From is Written a ? N(a.Value) : warmup.Shape == WarmupCurve.Exp ? "1% of its target" : "0";
                    string to = warmup.To is Written b ? N(b.Value) : Level(s);
                    return "warm up " + shape + " from " + from + " to " + to + " over " + Count(warmup.Length.AsLong, u);
                case StepKernel step:
                    return "multiply " + Level(s) + " by " + N(step.Factor.Value) + " every " + Every(step.Every.AsLong, u) + " (PyTorch StepLR)";
                case MultiStepKernel multistep:
                    var milestones = new List<string>();
                    foreach (Written m in multistep.Milestones)
                    {
                        milestones.Add(Int(m.AsLong));
                    }

                    return "multiply " + Level(s) + " by " + N(multistep.Factor.Value) + " at " + u.Singular + (milestones.Count > 1 ? "s " : " ") + JoinAnd(milestones) + " (PyTorch MultiStepLR)";
                case ExpKernel exp:
                    return "decay " + Level(s) + " exponentially by a factor of " + N(exp.Factor.Value) + " every " + Every(exp.Period, u)
                        + (exp.Staircase ? ", in whole steps" : ", smoothly") + " (PyTorch ExponentialLR, Keras ExponentialDecay)";
                case InverseTimeKernel inverse:
                    return "divide " + Level(s) + " by 1 + " + N(inverse.Rate.Value) + " × (" + u.Plural + " elapsed / " + Int(inverse.Period) + ")"
                        + (inverse.Staircase ? ", counted in whole periods" : string.Empty) + " (Keras InverseTimeDecay)";
                case InverseSqrtKernel sqrt:
                    return "decay " + Level(s) + " as the inverse square root of time, √(" + N(sqrt.TimeScale) + " / (τ + " + N(sqrt.TimeScale) + "))";
                case AnnealKernel anneal:
                    string curve = anneal.Shape switch
                    {
                        AnnealShape.Linear => "decrease linearly",
                        AnnealShape.Poly => "decay polynomially with power " + N(anneal.Exponent),
                        AnnealShape.Cosine => "anneal along a half cosine",
                        _ => "anneal along a tanh curve (timm)",
                    };
                    return curve + " from " + Level(s) + " to " + N(anneal.End) + " over " + Count(anneal.Length.AsLong, u);
                case RestartsKernel restarts:
                    string text = "anneal along cosine cycles from " + Level(s) + " to " + N(restarts.End) + ", the first " + Count(restarts.Length.AsLong, u) + " long";
                    if (restarts.Multiplier != 1)
                    {
                        text += ", each " + Int(restarts.Multiplier) + " times longer than the one before";
                    }

                    if (restarts.DecayFactor != 1)
                    {
                        text += ", each peak " + N(restarts.DecayFactor) + " times the one before";
                    }

                    return text + " (SGDR: PyTorch CosineAnnealingWarmRestarts)";
                case CyclicKernel cyclic:
                    string cycle = "cycle between " + N(cyclic.Low.Value) + " and " + N(cyclic.High.Value) + ", rising over " + Count(cyclic.UpLength, u) + " and falling over " + Count(cyclic.DownLength, u);
                    if (cyclic.Mode == CyclicKind.Triangular2)
                    {
                        cycle += ", the height halving every cycle";
                    }
                    else if (cyclic.Mode == CyclicKind.ExpRange)
                    {
                        cycle += ", the height scaled by " + N(cyclic.Gamma!.Value.Value) + " per " + u.Singular;
                    }

                    return cycle + " (PyTorch CyclicLR)";
                case OneCycleKernel onecycle:
                    string anneal1 = onecycle.IsLinear ? "linearly" : "along a cosine";
                    string one = "one cycle over " + Count(onecycle.Length.AsLong, u) + ": rise " + anneal1 + " from " + N(onecycle.Initial) + " to " + N(onecycle.Peak.Value)
                        + " in the first " + N(onecycle.WarmFraction * 100) + "%";
                    one += onecycle.IsThreePhase
                        ? ", fall back to " + N(onecycle.Initial) + " as long again, then fall to " + N(onecycle.Minimum)
                        : ", then fall to " + N(onecycle.Minimum);
                    return one + " (PyTorch OneCycleLR)";
                case PiecewiseKernel piecewise:
                    var pieces = new List<string>();
                    for (int i = 0; i < piecewise.Boundaries.Length; i++)
                    {
                        pieces.Add(N(piecewise.Values[i].Value) + " until " + u.Singular + " " + Int(piecewise.Boundaries[i].AsLong));
                    }

                    pieces.Add(N(piecewise.Values[piecewise.Values.Length - 1].Value) + (pieces.Count > 0 ? " from then on" : string.Empty));
                    return "use " + string.Join(", ", pieces);
                case PlateauKernel plateau:
                    string p = "start at " + Level(s) + " and multiply it by " + N(plateau.Factor.Value) + " when the metric has not "
                        + (plateau.IsMaximizing ? "risen" : "fallen") + " by a relative " + N(plateau.RelativeThreshold) + " for more than "
                        + Count(plateau.PatienceCount, u);
                    if (plateau.CooldownCount > 0)
                    {
                        p += ", then wait " + Count(plateau.CooldownCount, u);
                    }

                    if (plateau.FloorLevel > 0)
                    {
                        p += ", never below " + N(plateau.FloorLevel);
                    }

                    return p + " (PyTorch ReduceLROnPlateau)";
                default:
                    return CanonicalWriter.KernelText(kernel);
            }
        }

        private static string Level(double? s) => s is double known ? N(known) : "the incoming level";

        private static string N(double value) => NumberText.Tidy(value.ToString("G6", CultureInfo.InvariantCulture));

        private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Count(long n, Units u) => Int(n) + " " + (n == 1 ? u.Singular : u.Plural);

        /// <summary>"every epoch" rather than "every 1 epoch"; "every 2 epochs" otherwise.</summary>
        private static string Every(long n, Units u) => n == 1 ? u.Singular : Count(n, u);

        private static string JoinAnd(List<string> items) =>
            items.Count <= 1 ? string.Join(string.Empty, items) : string.Join(", ", items.GetRange(0, items.Count - 1)) + " and " + items[items.Count - 1];

        private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

        private readonly struct Units
        {
            public Units(string singular, string plural)
            {
                Singular = singular;
                Plural = plural;
            }

            public string Singular { get; }

            public string Plural { get; }
        }
    }
}
