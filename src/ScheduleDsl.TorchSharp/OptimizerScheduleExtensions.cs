using System;
using System.Collections.Generic;
using static TorchSharp.torch.optim;

namespace ScheduleDsl.TorchSharp
{
    /// <summary><c>optimizer.UseSchedule(…)</c>: a ScheduleDsl schedule driving a TorchSharp optimizer.</summary>
    public static class OptimizerScheduleExtensions
    {
        /// <summary>
        /// Drives every parameter group of <paramref name="optimizer"/> with <paramref name="schedule"/> (a <c>[Schedule]</c>
        /// type or a <c>Schedule.Parse</c> result); time 0's values are set at once.
        /// </summary>
        public static ScheduleDriver UseSchedule(this Optimizer optimizer, ILearningRateSchedule schedule, ScheduleDriverOptions? options = null) =>
            new ScheduleDriver(Groups(optimizer), new[] { schedule ?? throw new ArgumentNullException(nameof(schedule)) }, options);

        /// <summary>Parses <paramref name="text"/> and drives every parameter group of <paramref name="optimizer"/> with it.</summary>
        /// <exception cref="ScheduleParseException">The text has errors.</exception>
        public static ScheduleDriver UseSchedule(this Optimizer optimizer, string text, ScheduleDriverOptions? options = null) =>
            UseSchedule(optimizer, Schedule.Parse(text ?? throw new ArgumentNullException(nameof(text))), options);

        /// <summary>Drives parameter group i with <paramref name="schedules"/>[i]; every schedule counts the same unit.</summary>
        public static ScheduleDriver UseSchedules(this Optimizer optimizer, IReadOnlyList<ILearningRateSchedule> schedules, ScheduleDriverOptions? options = null) =>
            new ScheduleDriver(Groups(optimizer), schedules, options);

        /// <summary>
        /// Drives the given parameter groups (an optimizer of your own, or a subset of one's groups) with <paramref name="schedule"/>.
        /// </summary>
        public static ScheduleDriver UseSchedule(this IEnumerable<ILearningRateController> groups, ILearningRateSchedule schedule, ScheduleDriverOptions? options = null) =>
            new ScheduleDriver(new List<ILearningRateController>(groups ?? throw new ArgumentNullException(nameof(groups))), new[] { schedule ?? throw new ArgumentNullException(nameof(schedule)) }, options);

        /// <summary>Drives the given parameter groups, group i with <paramref name="schedules"/>[i].</summary>
        public static ScheduleDriver UseSchedules(this IEnumerable<ILearningRateController> groups, IReadOnlyList<ILearningRateSchedule> schedules, ScheduleDriverOptions? options = null) =>
            new ScheduleDriver(new List<ILearningRateController>(groups ?? throw new ArgumentNullException(nameof(groups))), schedules, options);

        private static List<ILearningRateController> Groups(Optimizer optimizer) =>
            new List<ILearningRateController>((optimizer ?? throw new ArgumentNullException(nameof(optimizer))).ParamGroups);
    }
}
