namespace ScheduleDsl
{
    /// <summary>
    /// The small state of one <c>plateau</c> phase (PyTorch <c>ReduceLROnPlateau</c>, relative threshold):
    /// the level it holds, the best metric so far and its counters. A checkpoint saves it; restoring it resumes exactly.
    /// </summary>
#if SCHEDULEDSL_RUNTIME
    public
#else
    internal
#endif
    struct PlateauState
    {
        /// <summary>The smallest change of level that counts as a reduction (PyTorch's <c>eps</c>).</summary>
        public const double MinimumReduction = 1e-8;

        /// <summary>The message when a metric schedule would observe more metrics than its counter holds.</summary>
        internal const string TooManyObservations = "The schedule has already observed long.MaxValue metrics; it cannot count another.";

        /// <exception cref="System.ArgumentOutOfRangeException">
        /// A started state's level is not a finite number ≥ 0, the best metric is NaN, or a counter is negative.
        /// </exception>
        public PlateauState(bool started, double level, double best, int badCount, int cooldownLeft)
        {
            if (started && !(level >= 0 && level <= double.MaxValue))
            {
                throw new System.ArgumentOutOfRangeException(nameof(level), level, "A plateau's level must be a finite number of at least 0.");
            }

            if (double.IsNaN(best))
            {
                throw new System.ArgumentOutOfRangeException(nameof(best), best, "A plateau's best metric cannot be NaN.");
            }

            if (badCount < 0)
            {
                throw new System.ArgumentOutOfRangeException(nameof(badCount), badCount, "A plateau's count of observations without improvement cannot be negative.");
            }

            if (cooldownLeft < 0)
            {
                throw new System.ArgumentOutOfRangeException(nameof(cooldownLeft), cooldownLeft, "A plateau's cooldown cannot be negative.");
            }

            Started = started;
            Level = level;
            Best = best;
            BadCount = badCount;
            CooldownLeft = cooldownLeft;
        }

        /// <summary>Whether the phase has observed a metric yet; before that it shows its incoming level.</summary>
        public bool Started { get; private set; }

        /// <summary>The level after the reductions so far (meaningful once <see cref="Started"/>).</summary>
        public double Level { get; private set; }

        /// <summary>The best metric seen so far.</summary>
        public double Best { get; private set; }

        /// <summary>Observations in a row without improvement.</summary>
        public int BadCount { get; private set; }

        /// <summary>Observations of cooldown still to come.</summary>
        public int CooldownLeft { get; private set; }

        /// <summary>The value this phase shows: its level once started, else the level it came in with.</summary>
        public readonly double Current(double incoming) => Started ? Level : incoming;

        /// <summary>
        /// Takes one metric. <paramref name="incoming"/> is the phase's incoming level, used when this is its first observation.
        /// </summary>
        public void Observe(double metric, double incoming, double factor, int patience, int cooldown, double threshold, bool maximize, double floor) =>
            Observe(metric, incoming, factor, patience, cooldown, threshold, maximize, floor, absoluteThreshold: false);

        /// <summary>
        /// Takes one metric; with <paramref name="absoluteThreshold"/> an improvement is a change beyond <paramref name="threshold"/>
        /// itself (PyTorch's <c>threshold_mode='abs'</c>) rather than beyond that fraction of the best.
        /// </summary>
        public void Observe(double metric, double incoming, double factor, int patience, int cooldown, double threshold, bool maximize, double floor, bool absoluteThreshold)
        {
            if (!Started)
            {
                Started = true;
                Level = incoming;
                Best = maximize ? double.NegativeInfinity : double.PositiveInfinity;
                BadCount = 0;
                CooldownLeft = 0;
            }

            bool improved = absoluteThreshold
                ? (maximize ? metric > Best + threshold : metric < Best - threshold)
                : (maximize ? metric > Best * (1 + threshold) : metric < Best * (1 - threshold));
            if (improved)
            {
                Best = metric;
                BadCount = 0;
            }
            else
            {
                BadCount++;
            }

            if (CooldownLeft > 0)
            {
                CooldownLeft--;
                BadCount = 0;
            }

            if (BadCount > patience)
            {
                double reduced = Level * factor;
                if (reduced < floor)
                {
                    reduced = floor;
                }

                if (Level - reduced > MinimumReduction)
                {
                    Level = reduced;
                }

                CooldownLeft = cooldown;
                BadCount = 0;
            }
        }
    }
}
