using System.Collections.Generic;
using System.Text;
using ScheduleDsl.Language.Model;

namespace ScheduleDsl.Language
{
    /// <summary>
    /// Writes a model back as schedule text in one canonical form: single spaces, clauses in a fixed order, numbers in
    /// shortest round-trip form. Parsing the result gives the same schedule.
    /// </summary>
    internal static class CanonicalWriter
    {
        public static string Write(ScheduleModel model)
        {
            var builder = new StringBuilder();
            var header = new List<string>();
            if (model.Lr is Written lr)
            {
                header.Add("lr " + N(lr));
            }

            if (model.UnitWritten)
            {
                header.Add(model.Unit == TimeUnit.Step ? "per step" : "per epoch");
            }

            if (model.Min is Written min)
            {
                header.Add("min " + N(min));
            }

            if (header.Count > 0)
            {
                builder.Append(string.Join(" ", header)).Append(": ");
            }

            WriteNode(builder, model.Root);
            return builder.ToString();
        }

        /// <summary>The text of one node on its own, as it would appear as a phase.</summary>
        public static string Write(ScheduleNode node)
        {
            var builder = new StringBuilder();
            WriteNode(builder, node);
            return builder.ToString();
        }

        private static void WriteNode(StringBuilder builder, ScheduleNode node)
        {
            switch (node)
            {
                case ChainNode chain:
                    for (int i = 0; i < chain.Phases.Length; i++)
                    {
                        if (i > 0)
                        {
                            builder.Append(" -> ");
                        }

                        WriteNode(builder, chain.Phases[i]);
                    }

                    break;
                case ProductNode product:
                    for (int i = 0; i < product.Operands.Length; i++)
                    {
                        if (i > 0)
                        {
                            builder.Append(" * ");
                        }

                        WriteOperand(builder, product.Operands[i], parenthesizeCut: false);
                    }

                    break;
                case CutNode cut:
                    WriteOperand(builder, cut.Inner, parenthesizeCut: true);
                    builder.Append(" for ").Append(NumberText.Format(cut.Length));
                    break;
                case KernelNode kernel:
                    builder.Append(KernelText(kernel));
                    break;
            }
        }

        /// <summary>Writes a node that is an operand of <c>*</c> or <c>for</c>, in parentheses where it would otherwise bind differently.</summary>
        private static void WriteOperand(StringBuilder builder, ScheduleNode node, bool parenthesizeCut)
        {
            bool parenthesize = node is ChainNode || node is ProductNode || (parenthesizeCut && node is CutNode);
            if (parenthesize)
            {
                builder.Append('(');
            }

            WriteNode(builder, node);
            if (parenthesize)
            {
                builder.Append(')');
            }
        }

        public static string KernelText(KernelNode kernel)
        {
            var parts = new List<string>();
            switch (kernel)
            {
                case ConstantKernel constant:
                    parts.Add("constant");
                    if (constant.Level is Written v)
                    {
                        parts.Add(N(v));
                    }

                    break;
                case HoldKernel hold:
                    parts.Add("hold " + N(hold.Length));
                    break;
                case WarmupKernel warmup:
                    parts.Add("warmup " + (warmup.Shape == WarmupCurve.Linear ? "linear" : warmup.Shape == WarmupCurve.Cosine ? "cosine" : "exp") + " " + N(warmup.Length));
                    Optional(parts, "from", warmup.From);
                    Optional(parts, "to", warmup.To);
                    break;
                case StepKernel step:
                    parts.Add("step " + N(step.Factor) + " every " + N(step.Every));
                    break;
                case MultiStepKernel multistep:
                    parts.Add("multistep " + N(multistep.Factor) + " at " + List(multistep.Milestones));
                    break;
                case ExpKernel exp:
                    parts.Add("exp " + N(exp.Factor));
                    Optional(parts, "every", exp.Every);
                    Flag(parts, "staircase", exp.Staircase);
                    break;
                case InverseTimeKernel inverse:
                    parts.Add("inverse-time " + N(inverse.Rate));
                    Optional(parts, "every", inverse.Every);
                    Flag(parts, "staircase", inverse.Staircase);
                    break;
                case InverseSqrtKernel sqrt:
                    parts.Add("inverse-sqrt");
                    Optional(parts, "scale", sqrt.Scale);
                    break;
                case AnnealKernel anneal:
                    parts.Add(AnnealWord(anneal.Shape) + " " + N(anneal.Length));
                    Optional(parts, "power", anneal.Power);
                    Optional(parts, "to", anneal.To);
                    break;
                case RestartsKernel restarts:
                    parts.Add("restarts " + N(restarts.Length));
                    Optional(parts, "mult", restarts.Mult);
                    Optional(parts, "decay", restarts.Decay);
                    Optional(parts, "to", restarts.To);
                    break;
                case CyclicKernel cyclic:
                    parts.Add("cyclic");
                    if (cyclic.Mode == CyclicKind.Triangular2)
                    {
                        parts.Add("triangular2");
                    }
                    else if (cyclic.Mode == CyclicKind.ExpRange)
                    {
                        parts.Add("exp-range " + N(cyclic.Gamma!.Value));
                    }

                    parts.Add(N(cyclic.Low) + " to " + N(cyclic.High) + " up " + N(cyclic.Up));
                    Optional(parts, "down", cyclic.Down);
                    break;
                case OneCycleKernel onecycle:
                    parts.Add("onecycle " + N(onecycle.Peak) + " over " + N(onecycle.Length));
                    Optional(parts, "warm", onecycle.Warm);
                    Optional(parts, "div", onecycle.Div);
                    Optional(parts, "final-div", onecycle.FinalDiv);
                    Flag(parts, "linear", onecycle.IsLinear);
                    Flag(parts, "three-phase", onecycle.IsThreePhase);
                    break;
                case PiecewiseKernel piecewise:
                    var pieces = new List<string>();
                    for (int i = 0; i < piecewise.Boundaries.Length; i++)
                    {
                        pieces.Add(N(piecewise.Values[i]) + " until " + N(piecewise.Boundaries[i]));
                    }

                    pieces.Add(N(piecewise.Values[piecewise.Values.Length - 1]));
                    parts.Add("piecewise " + string.Join(", ", pieces));
                    break;
                case PlateauKernel plateau:
                    parts.Add("plateau factor " + N(plateau.Factor) + " patience " + N(plateau.Patience));
                    Optional(parts, "cooldown", plateau.Cooldown);
                    Optional(parts, "threshold", plateau.Threshold);
                    if (plateau.Maximize is bool maximize)
                    {
                        parts.Add(maximize ? "mode max" : "mode min");
                    }

                    Optional(parts, "floor", plateau.Floor);
                    break;
            }

            return string.Join(" ", parts);
        }

        public static string AnnealWord(AnnealShape shape) => shape switch
        {
            AnnealShape.Linear => "linear",
            AnnealShape.Poly => "poly",
            AnnealShape.Cosine => "cosine",
            _ => "tanh",
        };

        private static void Optional(List<string> parts, string keyword, Written? value)
        {
            if (value is Written v)
            {
                parts.Add(keyword + " " + N(v));
            }
        }

        private static void Flag(List<string> parts, string keyword, bool present)
        {
            if (present)
            {
                parts.Add(keyword);
            }
        }

        private static string List(Written[] items)
        {
            var texts = new string[items.Length];
            for (int i = 0; i < items.Length; i++)
            {
                texts[i] = N(items[i]);
            }

            return string.Join(", ", texts);
        }

        private static string N(Written value) => NumberText.Format(value.Value);
    }
}
