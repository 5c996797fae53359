namespace ScheduleDsl
{
    /// <summary>What one time index counts: an epoch (the default) or an optimizer update (<c>per step</c>).</summary>
    public enum ScheduleUnit
    {
        /// <summary>One time index per epoch (the default).</summary>
        Epoch,
        /// <summary>One time index per optimizer step.</summary>
        Step,
    }
}
