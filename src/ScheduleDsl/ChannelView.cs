using System;

namespace ScheduleDsl
{
    /// <summary>One channel of a schedule seen as a schedule of its own, for APIs that take an <see cref="ILearningRateSchedule"/> (plots, tables).</summary>
    public static class ChannelViews
    {
        /// <summary>
        /// The values of <paramref name="channel"/> as an <see cref="ILearningRateSchedule"/>: its <c>At(t)</c> is the channel's value
        /// and <c>IsAbsolute</c> says whether the channel is absolute. The view reads the schedule live (a plateau's state too).
        /// </summary>
        public static ILearningRateSchedule View(this IHyperparameterSchedule schedule, ScheduleChannel channel) =>
            new ChannelView(schedule ?? throw new ArgumentNullException(nameof(schedule)), channel);

        private sealed class ChannelView : ILearningRateSchedule
        {
            private readonly IHyperparameterSchedule _schedule;
            private readonly ScheduleChannel _channel;

            public ChannelView(IHyperparameterSchedule schedule, ScheduleChannel channel)
            {
                _schedule = schedule;
                _channel = channel;
            }

            public ScheduleUnit Unit => _schedule.Unit;

            public bool IsAbsolute => _schedule.IsAbsoluteFor(_channel);

            public double At(long t) => _schedule.At(_channel, t);

            public override string ToString() => ChannelNames.Word(_channel) + " of " + _schedule;
        }
    }
}
