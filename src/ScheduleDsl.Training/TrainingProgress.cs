namespace ScheduleDsl.Training
{
    /// <summary>Where training stands: the next epoch to run, the optimizer steps taken, and the shuffling generator's state.</summary>
    public sealed class TrainingProgress
    {
        internal TrainingProgress(int epoch, long step, Rng rng)
        {
            Epoch = epoch;
            Step = step;
            Rng = rng;
        }

        /// <summary>The next epoch to run (epochs done so far).</summary>
        public int Epoch { get; internal set; }

        /// <summary>Optimizer steps taken so far.</summary>
        public long Step { get; internal set; }

        internal Rng Rng { get; set; }
    }
}
