using System;
using System.Collections.Generic;

namespace ScheduleDsl
{
    /// <summary>The state of a metric schedule: how many metrics it has observed and the state of each plateau phase, in text order.</summary>
    public sealed class MetricScheduleState
    {
        public MetricScheduleState(long observations, IReadOnlyList<PlateauState> plateaus)
        {
            if (observations < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(observations), observations, "The number of observations cannot be negative.");
            }

            Observations = observations;
            Plateaus = plateaus ?? throw new ArgumentNullException(nameof(plateaus));
        }

        public long Observations { get; }

        public IReadOnlyList<PlateauState> Plateaus { get; }
    }
}
