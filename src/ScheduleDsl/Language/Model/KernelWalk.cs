using System.Collections.Generic;

namespace ScheduleDsl.Language.Model
{
    /// <summary>The kernels of a tree, in text order: the one walk over chains, products, cuts and skips that searches share.</summary>
    internal static class KernelWalk
    {
        public static List<KernelNode> Kernels(ScheduleNode root)
        {
            var kernels = new List<KernelNode>();
            Collect(root, kernels);
            return kernels;
        }

        private static void Collect(ScheduleNode node, List<KernelNode> kernels)
        {
            switch (node)
            {
                case ChainNode chain:
                    foreach (ScheduleNode phase in chain.Phases)
                    {
                        Collect(phase, kernels);
                    }

                    break;
                case ProductNode product:
                    foreach (ScheduleNode operand in product.Operands)
                    {
                        Collect(operand, kernels);
                    }

                    break;
                case CutNode cut:
                    Collect(cut.Inner, kernels);
                    break;
                case SkipNode skip:
                    Collect(skip.Inner, kernels);
                    break;
                case KernelNode kernel:
                    kernels.Add(kernel);
                    break;
                default:
                    throw new System.InvalidOperationException("The kernel walk has no case for " + node.GetType().Name);
            }
        }
    }
}
