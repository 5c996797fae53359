namespace ScheduleDsl
{
    /// <summary>A learning-rate schedule: a pure function from a 0-based time index to a rate (or a factor of the base rate).</summary>
    public interface ILearningRateSchedule
    {
        /// <summary>What <c>t</c> counts: epochs or optimizer steps.</summary>
        ScheduleUnit Unit { get; }

        /// <summary>
        /// True when the values are absolute learning rates (the schedule has an <c>lr</c> header); false when they are
        /// factors of the optimizer's base rate.
        /// </summary>
        bool IsAbsolute { get; }

        /// <summary>The value used by epoch (or step) <paramref name="t"/>, 0-based. Finite and ≥ 0 for every t ≥ 0.</summary>
        /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="t"/> is negative.</exception>
        double At(long t);
    }
}
