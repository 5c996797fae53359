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
            bool first = true;
            foreach (ChannelModel channel in model.Channels)
            {
                if (channel.IsDerived)
                {
                    continue; // written as the kernel's 'momentum' option
                }

                var header = new List<string>();
                if (channel.Channel != ScheduleChannel.LearningRate || channel.Level != null)
                {
                    header.Add(ChannelModel.Word(channel.Channel) + (channel.Level is Written level ? " " + N(level) : string.Empty));
                }

                if (first && model.UnitWritten)
                {
                    header.Add(model.Unit == ScheduleUnit.Step ? "per step" : "per epoch");
                }

                if (first && model.StepsPerEpoch is Written steps)
                {
                    header.Add("steps-per-epoch " + N(steps));
                }

                if (channel.Min is Written min)
                {
                    header.Add("min " + N(min));
                }

                if (!first)
                {
                    builder.Append("; ");
                }

                if (header.Count > 0)
                {
                    builder.Append(string.Join(" ", header)).Append(": ");
                }

                WriteNode(builder, channel.Root);
                first = false;
            }

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
                case CutNode { Inner: SkipNode skipped } cut:
                    WriteOperand(builder, skipped.Inner, parenthesizeCut: true);
                    builder.Append(" skip ").Append(Count(skipped.SkippedWritten, skipped.Skipped)).Append(" for ").Append(Count(cut.LengthWritten, cut.Length));
                    break;
                case CutNode cut:
                    WriteOperand(builder, cut.Inner, parenthesizeCut: true);
                    builder.Append(" for ").Append(Count(cut.LengthWritten, cut.Length));
                    break;
                case SkipNode skip:
                    WriteOperand(builder, skip.Inner, parenthesizeCut: true);
                    builder.Append(" skip ").Append(Count(skip.SkippedWritten, skip.Skipped));
                    break;
                case KernelNode kernel:
                    builder.Append(KernelCatalog.Of(kernel).Canonical(kernel));
                    break;
                default:
                    throw new System.InvalidOperationException("The canonical writer has no case for " + node.GetType().Name);
            }
        }

        /// <summary>Writes a node that is an operand of <c>*</c> or <c>for</c>, in parentheses where it would otherwise bind differently.</summary>
        private static void WriteOperand(StringBuilder builder, ScheduleNode node, bool parenthesizeCut)
        {
            // 'X skip K for N' is one phase (skip, then for); any other nesting of the two needs parentheses.
            bool parenthesize = node is ChainNode || node is ProductNode || (parenthesizeCut && (node is CutNode || node is SkipNode));
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

        /// <summary>A phase's length or skip as written (<c>5 epochs</c>), or the number.</summary>
        private static string Count(Written? written, long value) => written is Written w ? CanonicalParts.N(w) : NumberText.Format(value);

        private static string N(Written value) => NumberText.Format(value.Value);
    }
}
