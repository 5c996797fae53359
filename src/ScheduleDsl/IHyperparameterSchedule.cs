namespace ScheduleDsl
{
    /// <summary>
    /// A schedule of several hyperparameters (channels): the learning rate, the momentum and the weight decay. Generated and
    /// parsed schedules implement it; a hyperparameter the text does not schedule reads as factor 1 (the optimizer's own
    /// value). Every member is allocation-free.
    /// </summary>
    public interface IHyperparameterSchedule : ILearningRateSchedule
    {
        /// <summary>Whether the text schedules <paramref name="channel"/> (for momentum, also through a kernel's <c>momentum</c> option).</summary>
        bool Schedules(ScheduleChannel channel);

        /// <summary>
        /// True when the channel's values are absolute (its header gives a number: <c>lr 0.1</c>, <c>momentum 0.9</c>, or a
        /// kernel's <c>momentum</c> option); false when they are factors of the optimizer's configured value.
        /// </summary>
        bool IsAbsoluteFor(ScheduleChannel channel);

        /// <summary>The channel's value at <paramref name="t"/> (0-based); 1 for a channel the text does not schedule.</summary>
        /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="t"/> is negative.</exception>
        double At(ScheduleChannel channel, long t);
    }
}
