namespace ScheduleDsl.TorchSharp
{
    /// <summary>How a <see cref="ScheduleDriver"/> maps a schedule onto several parameter groups.</summary>
    public sealed class ScheduleDriverOptions
    {
        /// <summary>How an absolute schedule sets each group's rate; factor schedules always multiply each group's initial rate.</summary>
        public AbsoluteRates AbsoluteRates { get; set; } = AbsoluteRates.SameForEveryGroup;
    }
}
