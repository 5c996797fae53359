using System.Collections.Generic;
using ScheduleDsl.Language.Model;

namespace ScheduleDsl.Language
{
    /// <summary>
    /// The checks that need the whole tree: unbounded growth, suspicious levels, warmups from 0 and
    /// cuts that stop a phase early. Walks with the incoming level where it is known before training starts.
    /// </summary>
    internal static class Validator
    {
        public static void Validate(ScheduleModel model, List<ScheduleDiagnostic> diagnostics)
        {
            string unit = model.Unit == ScheduleUnit.Step ? "step" : "epoch";
            bool explicitMomentum = false;
            foreach (ChannelModel channel in model.Channels)
            {
                if (channel.IsDerived)
                {
                    continue; // its levels are the option's, checked where they were parsed
                }

                explicitMomentum |= channel.Channel == ScheduleChannel.Momentum;
                var context = new Context(diagnostics, unit, channel.Channel);
                if (channel.Channel == ScheduleChannel.LearningRate && channel.Level is Written lr && lr.Value > 1)
                {
                    context.Report(DiagnosticIds.SuspiciousLevel, "A learning rate of " + NumberText.Format(lr.Value) + " is above 1; rates are usually far smaller (did you mean a factor?)", lr.Span);
                }

                if (channel.IsAbsolute && channel.Min is Written min)
                {
                    CheckLevel(context, min, "The lowest value");
                }

                Walk(context, channel.Root, absolute: channel.IsAbsolute, bounded: false, channel.StartLevel);
            }

            CheckMomentumOptions(model, diagnostics, explicitMomentum);
        }

        /// <summary>
        /// A kernel's <c>momentum</c> option belongs to the learning-rate channel of a text without a momentum channel of its
        /// own, once per product (the momentum follows one operand); LRS0001 on the option otherwise.
        /// </summary>
        private static void CheckMomentumOptions(ScheduleModel model, List<ScheduleDiagnostic> diagnostics, bool explicitMomentum)
        {
            var context = new Context(diagnostics, string.Empty, ScheduleChannel.LearningRate);
            foreach (ChannelModel channel in model.Channels)
            {
                if (channel.IsDerived)
                {
                    continue;
                }

                foreach (MomentumOption option in MomentumChannel.Options(channel.Root))
                {
                    if (channel.Channel != ScheduleChannel.LearningRate)
                    {
                        context.Report(DiagnosticIds.Syntax, "The 'momentum' option cycles the momentum against the learning rate, so it belongs to a kernel of the learning-rate channel, not the " + ChannelModel.Noun(channel.Channel) + "'s", option.Span);
                    }
                    else if (explicitMomentum)
                    {
                        context.Report(DiagnosticIds.Syntax, "The text schedules the momentum in its own channel, so this kernel cannot cycle it too; drop the 'momentum' option or the momentum channel", option.Span);
                    }
                }

                CheckProducts(context, channel.Root);
            }
        }

        private static void CheckProducts(Context context, ScheduleNode node)
        {
            switch (node)
            {
                case ChainNode chain:
                    foreach (ScheduleNode phase in chain.Phases)
                    {
                        CheckProducts(context, phase);
                    }

                    break;
                case ProductNode product:
                    bool seen = false;
                    foreach (ScheduleNode operand in product.Operands)
                    {
                        List<MomentumOption> options = MomentumChannel.Options(operand);
                        if (seen && options.Count > 0)
                        {
                            context.Report(DiagnosticIds.Syntax, "Another factor of this product already cycles the momentum; the momentum can follow only one of them", options[0].Span);
                        }

                        seen |= options.Count > 0;
                        CheckProducts(context, operand);
                    }

                    break;
                case CutNode cut:
                    CheckProducts(context, cut.Inner);
                    break;
                case SkipNode skip:
                    CheckProducts(context, skip.Inner);
                    break;
            }
        }

        private static void Walk(Context context, ScheduleNode node, bool absolute, bool bounded, double? s)
        {
            switch (node)
            {
                case ChainNode chain:
                    // The parser has already reported phases after an open-ended one and left them out of the chain.
                    for (int i = 0; i < chain.Phases.Length; i++)
                    {
                        Walk(context, chain.Phases[i], absolute, bounded, chain.StartLevelOf(i));
                    }

                    return;
                case ProductNode product:
                    foreach (ScheduleNode operand in product.Operands)
                    {
                        Walk(context, operand, absolute: false, bounded, 1.0);
                    }

                    return;
                case CutNode cut:
                    if (cut.Inner.Duration is long innerLength && innerLength > cut.Length)
                    {
                        context.Report(DiagnosticIds.ForCutsPhase, "'for " + NumberText.Format(cut.Length) + "' stops a phase of length " + NumberText.Format(innerLength) + " early, so it never reaches its end level", cut.ForSpan);
                    }

                    Walk(context, cut.Inner, absolute, bounded: true, s);
                    return;
                case SkipNode skip:
                    Walk(context, skip.Inner, absolute, bounded, s);
                    return;
                case KernelNode kernel:
                    CheckKernel(context, kernel, absolute, bounded, s);
                    return;
                default:
                    throw new System.InvalidOperationException("The validator has no case for " + node.GetType().Name);
            }
        }

        private static void CheckKernel(Context context, KernelNode kernel, bool absolute, bool bounded, double? s)
        {
            switch (kernel)
            {
                case ConstantKernel constant when absolute && constant.Level is Written v:
                    CheckLevel(context, v, "The level");
                    break;
                case WarmupKernel warmup:
                    CheckWarmup(context, warmup, absolute, s);
                    break;
                case StepKernel step when !bounded:
                    CheckGrowth(context, step.Factor, "step");
                    break;
                case ExpKernel exp when !bounded:
                    CheckGrowth(context, exp.Factor, "exp");
                    break;
                case AnnealKernel anneal when absolute && anneal.To is Written e:
                    CheckLevel(context, e, "The end level");
                    break;
                case RestartsKernel restarts:
                    if (!bounded && restarts.Decay is Written d)
                    {
                        CheckGrowth(context, d, "restarts … decay");
                    }

                    if (!bounded && restarts.Amplitude is Written a)
                    {
                        CheckGrowth(context, a, "restarts … amplitude");
                    }

                    if (absolute && restarts.To is Written end)
                    {
                        CheckLevel(context, end, "The end level");
                    }

                    break;
                case CyclicKernel cyclic:
                    if (!bounded && cyclic.Gamma is Written g)
                    {
                        CheckGrowth(context, g, "exp-range");
                    }

                    if (absolute)
                    {
                        CheckLevel(context, cyclic.Low, "The lowest level");
                        CheckLevel(context, cyclic.High, "The highest level");
                    }

                    break;
                case OneCycleKernel onecycle when absolute:
                    CheckLevel(context, onecycle.Peak, "The peak");
                    break;
                case PiecewiseKernel piecewise when absolute:
                    foreach (Written value in piecewise.Values)
                    {
                        CheckLevel(context, value, "The level");
                    }

                    break;
                case PlateauKernel plateau when context.Channel != ScheduleChannel.LearningRate:
                    context.Report(DiagnosticIds.OutOfRange, "A plateau in the " + ChannelModel.Noun(context.Channel) + "'s channel has no metric to follow: metrics drive the learning rate only", plateau.Keyword);
                    break;
                case PlateauKernel plateau when absolute && plateau.Floor is Written floor:
                    CheckLevel(context, floor, "The floor");
                    break;
            }
        }

        private static void CheckWarmup(Context context, WarmupKernel warmup, bool absolute, double? s)
        {
            if (absolute)
            {
                if (warmup.From is Written from)
                {
                    CheckLevel(context, from, "The start level");
                }

                if (warmup.To is Written to)
                {
                    CheckLevel(context, to, "The end level");
                }
            }

            if (context.Channel != ScheduleChannel.LearningRate)
            {
                return; // momentum falling during a warmup, or weight decay starting at 0, is ordinary
            }

            double? end = warmup.To?.Value ?? s;
            if (end is double b)
            {
                double a = warmup.StartOf(b);
                if (b < a)
                {
                    TextSpan blame = warmup.To?.Span ?? warmup.From!.Value.Span;
                    context.Report(DiagnosticIds.SuspiciousLevel, "This warmup ends at " + NumberText.Format(b) + ", below its start " + NumberText.Format(a) + ": it decays instead of warming up", blame);
                }

                if (a == 0 && warmup.Shape != WarmupShape.Exponential)
                {
                    string start = NumberText.Format(b / 100);
                    context.Report(
                        DiagnosticIds.WarmupFromZero,
                        "This warmup starts at exactly 0, so its first " + context.Unit + " does not train; add 'from X' with a small start such as 'from " + start + "'",
                        warmup.Keyword,
                        StartFix(warmup, start));
                }
            }
            else if (warmup.Shape != WarmupShape.Exponential && (warmup.From == null || warmup.From.Value.Value == 0))
            {
                context.Report(DiagnosticIds.WarmupFromZero, "This warmup starts at exactly 0, so its first " + context.Unit + " does not train; add 'from X' with a small start", warmup.Keyword, StartFix(warmup, "0.01"));
            }
        }

        /// <summary>Gives the warmup a start: the written <c>from 0</c> becomes <c>from X</c>, or <c>from X</c> is added after the kernel.</summary>
        private static ScheduleTextEdit StartFix(WarmupKernel warmup, string start) =>
            warmup.From is Written from
                ? new ScheduleTextEdit(from.Span.Offset, from.Span.Length, start, "Start the warmup at " + start)
                : new ScheduleTextEdit(warmup.Span.End, 0, " from " + start, "Start the warmup at " + start);

        private static void CheckLevel(Context context, Written level, string what)
        {
            if (context.Channel == ScheduleChannel.Momentum)
            {
                if (level.Value >= 1)
                {
                    context.Report(DiagnosticIds.OutOfRange, what + " " + NumberText.Format(level.Value) + " is a momentum that does not decay the past; momentum levels lie in [0, 1)", level.Span);
                }

                return;
            }

            if (context.Channel == ScheduleChannel.WeightDecay)
            {
                return; // any weight decay ≥ 0 is meaningful, and the grammar has no negative numbers
            }

            if (level.Value > 1)
            {
                context.Report(DiagnosticIds.SuspiciousLevel, what + " " + NumberText.Format(level.Value) + " is a learning rate above 1; rates are usually far smaller", level.Span);
            }
        }

        private static void CheckGrowth(Context context, Written factor, string kernel)
        {
            if (factor.Value > 1)
            {
                context.Report(
                    DiagnosticIds.Unbounded,
                    "'" + kernel + " " + NumberText.Format(factor.Value) + "' grows without bound because the phase never ends; use a factor of at most 1, or bound the phase with 'for N'",
                    factor.Span);
            }
        }

        private sealed class Context
        {
            private readonly List<ScheduleDiagnostic> _diagnostics;

            public Context(List<ScheduleDiagnostic> diagnostics, string unit, ScheduleChannel channel)
            {
                _diagnostics = diagnostics;
                Unit = unit;
                Channel = channel;
            }

            public string Unit { get; }

            /// <summary>The channel being checked: level checks differ by hyperparameter.</summary>
            public ScheduleChannel Channel { get; }

            public void Report(string id, string message, TextSpan span, ScheduleTextEdit? fix = null) =>
                _diagnostics.Add(new ScheduleDiagnostic(id, DiagnosticIds.SeverityOf(id), message, span.Offset, span.Length, System.Array.Empty<string>(), fix));
        }
    }
}
