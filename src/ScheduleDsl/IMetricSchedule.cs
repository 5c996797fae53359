namespace ScheduleDsl
{
    /// <summary>
    /// A schedule holding a <c>plateau</c> phase: its values also depend on a metric observed after each epoch (or step).
    /// Call <see cref="Observe"/> once per time index, in order: the metric observed at the end of time t first affects
    /// the value at t + 1.
    /// </summary>
    public interface IMetricSchedule : ILearningRateSchedule
    {
        /// <summary>How many metrics have been observed; the next one is the metric of time index <c>Observations</c>.</summary>
        long Observations { get; }

        /// <summary>Observes the metric of the time index <see cref="Observations"/> (for example the validation loss).</summary>
        /// <exception cref="System.ArgumentException">The metric is NaN.</exception>
        void Observe(double metric);

        /// <summary>A copy of the small state, to save in a checkpoint.</summary>
        MetricScheduleState GetState();

        /// <summary>Restores a state from <see cref="GetState"/>; training then resumes exactly.</summary>
        /// <exception cref="System.ArgumentException">The state belongs to a schedule with another number of plateau phases.</exception>
        void SetState(MetricScheduleState state);

        /// <summary>Forgets every observation.</summary>
        void Reset();
    }
}
