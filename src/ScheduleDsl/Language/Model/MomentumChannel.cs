using System.Collections.Generic;

namespace ScheduleDsl.Language.Model
{
    /// <summary>
    /// Builds the momentum channel that the <c>momentum</c> option of <c>onecycle</c>/<c>cyclic</c> adds: a tree with the
    /// learning-rate tree's shape and durations, where each kernel with the option becomes its momentum view and every other
    /// phase holds the momentum outside such phases (the <c>hi</c> of the first option in the text).
    /// </summary>
    internal static class MomentumChannel
    {
        /// <summary>The kernels' momentum options, in text order.</summary>
        public static List<MomentumOption> Options(ScheduleNode root)
        {
            var options = new List<MomentumOption>();
            foreach (KernelNode kernel in KernelWalk.Kernels(root))
            {
                MomentumOption? option = kernel switch
                {
                    CyclicKernel cyclic => cyclic.Momentum,
                    OneCycleKernel onecycle => onecycle.Momentum,
                    _ => null,
                };
                if (option is MomentumOption found)
                {
                    options.Add(found);
                }
            }

            return options;
        }

        /// <summary>The derived channel, or null when no kernel of <paramref name="rate"/> has the option.</summary>
        public static ChannelModel? Derive(ChannelModel rate)
        {
            List<MomentumOption> options = Options(rate.Root);
            if (options.Count == 0)
            {
                return null;
            }

            MomentumOption first = options[0];
            Written outside = first.At(first.HighValue);
            return new ChannelModel(ScheduleChannel.Momentum, outside, null, View(rate.Root, outside), first.Span, isDerived: true);
        }

        private static ScheduleNode View(ScheduleNode node, Written outside)
        {
            if (Options(node).Count == 0)
            {
                var hold = new ConstantKernel(outside, node.Span, node.Span);
                return node.Duration is long d ? new CutNode(hold, d, node.Span, node.Span) : hold;
            }

            switch (node)
            {
                case ChainNode chain:
                    return new ChainNode(System.Array.ConvertAll(chain.Phases, p => View(p, outside)), chain.Span);
                case ProductNode product:
                    // The parser allows one operand with the option per product; the momentum follows that operand, over the
                    // product's whole length.
                    ScheduleNode operand = System.Array.Find(product.Operands, o => Options(o).Count > 0)!;
                    ScheduleNode view = View(operand, outside);
                    if (product.Duration is long length)
                    {
                        return view.Duration == length ? view : new CutNode(view, length, product.Span, product.Span);
                    }

                    // An open-ended product stays open-ended: the bounded operand's end level holds (a bare 'constant').
                    return view.Duration == null ? view : new ChainNode(new[] { view, new ConstantKernel(null, product.Span, product.Span) }, product.Span);
                case CutNode cut:
                    return new CutNode(View(cut.Inner, outside), cut.Length, cut.ForSpan, cut.Span, cut.LengthWritten);
                case SkipNode skip:
                    return new SkipNode(View(skip.Inner, outside), skip.Skipped, skip.SkipSpan, skip.Span, skip.SkippedWritten);
                case CyclicKernel cyclic:
                    return cyclic.MomentumView();
                case OneCycleKernel onecycle:
                    return onecycle.MomentumView();
                default:
                    throw new System.InvalidOperationException("The momentum channel has no case for " + node.GetType().Name);
            }
        }
    }
}
