using System;
using System.Collections.Generic;

namespace ScheduleDsl
{
    /// <summary>The state of a metric schedule: how many metrics it has observed and the state of each plateau phase, in text order.</summary>
    public sealed class MetricScheduleState
    {
        /// <summary>A state with <paramref name="observations"/> metrics seen and one <see cref="PlateauState"/> per plateau phase, in text order.</summary>
        public MetricScheduleState(long observations, IReadOnlyList<PlateauState> plateaus)
        {
            if (observations < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(observations), observations, "The number of observations cannot be negative.");
            }

            Observations = observations;
            Plateaus = plateaus ?? throw new ArgumentNullException(nameof(plateaus));
        }

        /// <summary>How many metrics the schedule has observed.</summary>
        public long Observations { get; }

        /// <summary>The state of each plateau phase, in the order they appear in the text.</summary>
        public IReadOnlyList<PlateauState> Plateaus { get; }
    }
}
