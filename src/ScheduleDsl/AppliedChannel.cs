namespace ScheduleDsl
{
    /// <summary>
    /// One hyperparameter of a schedule as an optimizer applies it: whether the schedule drives it and whether absolutely
    /// are read once, and <see cref="At"/> gives the value to use — the schedule's absolute value, its factor times the
    /// optimizer's configured value, or that value when the schedule does not drive the hyperparameter. For trainers and
    /// drivers (the built-in trainer and ScheduleDsl.TorchSharp use it); allocation-free.
    /// </summary>
    public readonly struct AppliedChannel
    {
        private readonly ILearningRateSchedule? _schedule;
        private readonly IHyperparameterSchedule? _channels;
        private readonly ScheduleChannel _channel;

        /// <summary>The channel <paramref name="channel"/> of <paramref name="schedule"/> (null: none); any schedule has the learning rate.</summary>
        public AppliedChannel(ILearningRateSchedule? schedule, ScheduleChannel channel)
        {
            _channel = channel;
            _channels = schedule as IHyperparameterSchedule;
            bool isRate = channel == ScheduleChannel.LearningRate;
            IsScheduled = isRate ? schedule != null : _channels?.Schedules(channel) ?? false;
            _schedule = IsScheduled ? schedule : null;
            IsAbsolute = IsScheduled && (isRate ? schedule!.IsAbsolute : _channels!.IsAbsoluteFor(channel));
        }

        /// <summary>Whether the schedule drives this hyperparameter.</summary>
        public bool IsScheduled { get; }

        /// <summary>Whether its values are absolute rather than factors of the configured value.</summary>
        public bool IsAbsolute { get; }

        /// <summary>The value for time index <paramref name="t"/>, given the optimizer's <paramref name="configured"/> value.</summary>
        public double At(long t, double configured)
        {
            if (_schedule == null)
            {
                return configured;
            }

            double value = _channel == ScheduleChannel.LearningRate ? _schedule.At(t) : _channels!.At(_channel, t);
            return IsAbsolute ? value : value * configured;
        }
    }
}
