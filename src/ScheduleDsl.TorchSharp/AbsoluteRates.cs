namespace ScheduleDsl.TorchSharp
{
    /// <summary>How an absolute schedule (<c>lr X: …</c>) sets the rates of several parameter groups.</summary>
    public enum AbsoluteRates
    {
        /// <summary>Every group gets the schedule's rate (PyTorch schedulers built from absolute values, such as <c>OneCycleLR(max_lr=x)</c>).</summary>
        SameForEveryGroup,

        /// <summary>Group i gets the schedule's rate × its initial rate / the first group's initial rate, keeping the groups' ratios.</summary>
        ProportionalToInitialRates,
    }
}
