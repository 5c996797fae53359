namespace ScheduleDsl.Language.Model
{
    /// <summary><c>A -&gt; B -&gt; …</c>: phases one after another, each on its own local time, each starting at the end level of the one before.</summary>
    internal sealed class ChainNode : ScheduleNode
    {
        public ChainNode(ScheduleNode[] phases, TextSpan span)
            : base(span)
        {
            Phases = phases;
            long total = 0;
            bool open = false;
            foreach (ScheduleNode phase in phases)
            {
                if (phase.Duration is long d)
                {
                    total += d;
                }
                else
                {
                    open = true;
                }

                IsStateful |= phase.IsStateful;
            }

            Duration = open ? null : total;
        }

        public ScheduleNode[] Phases { get; }

        public override long? Duration { get; }

        public override bool IsStateful { get; }

        public override double Value(long tau, double s, PlateauState[]? states)
        {
            int last = Phases.Length - 1;
            for (int i = 0; i < last; i++)
            {
                ScheduleNode phase = Phases[i];
                long d = phase.Duration!.Value;
                if (tau < d)
                {
                    return phase.Value(tau, s, states);
                }

                s = phase.Value(d, s, states);
                tau -= d;
            }

            return Phases[last].Value(tau, s, states);
        }

        public override void Observe(long tau, double metric, double s, PlateauState[] states)
        {
            int last = Phases.Length - 1;
            for (int i = 0; i < last; i++)
            {
                ScheduleNode phase = Phases[i];
                long d = phase.Duration!.Value;
                if (tau < d)
                {
                    phase.Observe(tau, metric, s, states);
                    return;
                }

                s = phase.Value(d, s, states);
                tau -= d;
            }

            ScheduleNode lastPhase = Phases[last];
            if (lastPhase.Duration is not long end || tau < end)
            {
                lastPhase.Observe(tau, metric, s, states);
            }
        }
    }
}
