using System.Collections.Generic;

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
                IsOpaque |= phase.IsOpaque;
            }

            Duration = open ? null : total;
        }

        public ScheduleNode[] Phases { get; }

        /// <summary>The level this chain was bound to start from (NaN: none), and the levels its phases then start from.</summary>
        private double _boundLevel = double.NaN;
        private double[] _incoming = new double[0];

        public override long? Duration { get; }

        public override bool IsStateful { get; }

        public override bool IsOpaque { get; }

        /// <summary>
        /// The level phase <paramref name="index"/> starts from, as worked out when the model was built; null when it
        /// depends on observed metrics (it comes after a plateau) or the chain's own start does. The validator, the
        /// explainer and the emitter all take the levels from here.
        /// </summary>
        public double? StartLevelOf(int index) => index < _incoming.Length ? _incoming[index] : (double?)null;

        internal override void Bind(double? s)
        {
            var incoming = new List<double>();
            double? level = s;
            for (int i = 0; i < Phases.Length; i++)
            {
                ScheduleNode phase = Phases[i];
                phase.Bind(level);
                if (level is double known)
                {
                    incoming.Add(known);
                }

                // After a plateau the levels depend on the metrics (after a custom function, on the user's code), so they are computed on each call from there on.
                level = level is double l && !phase.HasUnknownEnd && phase.Duration is long d ? phase.Value(d, l, null) : (double?)null;
            }

            _incoming = incoming.ToArray();
            _boundLevel = s ?? double.NaN;
        }

        public override double Value(long tau, double s, PlateauState[]? states)
        {
            // The phases' starting levels were worked out once when this chain started from the same level.
            double[]? known = s == _boundLevel ? _incoming : null;
            int last = Phases.Length - 1;
            for (int i = 0; i < last; i++)
            {
                ScheduleNode phase = Phases[i];
                long d = phase.Duration!.Value;
                if (tau < d)
                {
                    return phase.Value(tau, s, states);
                }

                s = known != null && i + 1 < known.Length ? known[i + 1] : phase.Value(d, s, states);
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
