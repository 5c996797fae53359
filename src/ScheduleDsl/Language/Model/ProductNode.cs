namespace ScheduleDsl.Language.Model
{
    /// <summary>
    /// <c>A * B * …</c>: every operand runs in factor units from level 1; the incoming level is multiplied by their product
    /// (PyTorch <c>ChainedScheduler</c>).
    /// </summary>
    internal sealed class ProductNode : ScheduleNode
    {
        public ProductNode(ScheduleNode[] operands, TextSpan span)
            : base(span)
        {
            Operands = operands;
            long longest = 0;
            bool open = false;
            foreach (ScheduleNode operand in operands)
            {
                if (operand.Duration is long d)
                {
                    longest = d > longest ? d : longest;
                }
                else
                {
                    open = true;
                }

                IsStateful |= operand.IsStateful;
                IsOpaque |= operand.IsOpaque;
            }

            Duration = open ? null : longest;
        }

        public ScheduleNode[] Operands { get; }

        public override long? Duration { get; }

        public override bool IsStateful { get; }

        public override bool IsOpaque { get; }

        internal override void Bind(double? s)
        {
            foreach (ScheduleNode operand in Operands)
            {
                operand.Bind(1.0);
            }
        }

        public override double Value(long tau, double s, PlateauState[]? states)
        {
            double value = s;
            foreach (ScheduleNode operand in Operands)
            {
                value = Levels.Scale(value, operand.Value(tau, 1.0, states));
            }

            return value;
        }

        public override void Observe(long tau, double metric, double s, PlateauState[] states)
        {
            foreach (ScheduleNode operand in Operands)
            {
                if (operand.Duration is not long d || tau < d)
                {
                    operand.Observe(tau, metric, 1.0, states);
                }
            }
        }
    }
}
