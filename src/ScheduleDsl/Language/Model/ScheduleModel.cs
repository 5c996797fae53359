namespace ScheduleDsl.Language.Model
{
    /// <summary>
    /// A valid schedule: the settings that apply to the whole text and its channels (the learning rate, momentum, weight
    /// decay). Immutable; the plateau state lives with whoever evaluates it.
    /// </summary>
    internal sealed class ScheduleModel
    {
        public ScheduleModel(ScheduleUnit unit, bool unitWritten, Written? stepsPerEpoch, ChannelModel[] channels, int plateauCount)
        {
            Unit = unit;
            UnitWritten = unitWritten;
            StepsPerEpoch = stepsPerEpoch;
            Channels = channels;
            PlateauCount = plateauCount;
            Rate = Find(ScheduleChannel.LearningRate);
        }

        public ScheduleUnit Unit { get; }

        public bool UnitWritten { get; }

        /// <summary>The <c>steps-per-epoch N</c> header: what <c>K epochs</c> means in a per-step schedule, and what a trainer checks.</summary>
        public Written? StepsPerEpoch { get; }

        /// <summary>The channels in text order; a momentum channel derived from a kernel's option comes last.</summary>
        public ChannelModel[] Channels { get; }

        public int PlateauCount { get; }

        public bool IsStateful => PlateauCount > 0;

        /// <summary>The learning-rate channel; null when the text schedules only other hyperparameters.</summary>
        public ChannelModel? Rate { get; }

        public ChannelModel? Find(ScheduleChannel channel)
        {
            foreach (ChannelModel c in Channels)
            {
                if (c.Channel == channel)
                {
                    return c;
                }
            }

            return null;
        }

        public bool IsAbsolute(ScheduleChannel channel) => Find(channel)?.IsAbsolute ?? false;

        /// <summary>A channel's value at <paramref name="t"/>; factor 1 for a hyperparameter the text does not schedule.</summary>
        public double At(ScheduleChannel channel, long t, PlateauState[]? states) => Find(channel)?.At(t, states) ?? 1.0;

        /// <summary>The learning rate (or factor) at <paramref name="t"/>; found once, as every training step asks.</summary>
        public double At(long t, PlateauState[]? states) => Rate?.At(t, states) ?? 1.0;

        /// <summary>Hands the metric observed at the end of time <paramref name="t"/> to the plateau phases active then (they drive the rate only).</summary>
        public void Observe(long t, double metric, PlateauState[] states) => Rate?.Observe(t, metric, states);
    }
}
