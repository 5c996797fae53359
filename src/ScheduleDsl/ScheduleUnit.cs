namespace ScheduleDsl
{
    /// <summary>What one time index counts: an epoch (the default) or an optimizer update (<c>per step</c>).</summary>
    public enum ScheduleUnit
    {
        Epoch,
        Step,
    }
}
