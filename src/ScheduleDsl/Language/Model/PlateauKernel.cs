namespace ScheduleDsl.Language.Model
{
    /// <summary>
    /// <c>plateau factor f patience p [cooldown c] [threshold r] [mode min|max] [floor m]</c>: starts at the incoming level and
    /// multiplies it by <c>f</c> when the observed metric stops improving (PyTorch <c>ReduceLROnPlateau</c>, relative threshold).
    /// </summary>
    internal sealed class PlateauKernel : KernelNode
    {
        public const double DefaultThreshold = 1e-4;

        public PlateauKernel(Written factor, Written patience, Written? cooldown, Written? threshold, bool? maximize, Written? floor, int index, TextSpan keyword, TextSpan span, bool absolute = false)
            : base(keyword, span)
        {
            IsAbsoluteThreshold = absolute;
            Factor = factor;
            Patience = patience;
            Cooldown = cooldown;
            Threshold = threshold;
            Maximize = maximize;
            Floor = floor;
            Index = index;
        }

        public Written Factor { get; }

        public Written Patience { get; }

        public Written? Cooldown { get; }

        public Written? Threshold { get; }

        /// <summary>True for <c>mode max</c>, false for <c>mode min</c>, null when not written (min).</summary>
        public bool? Maximize { get; }

        public Written? Floor { get; }

        /// <summary><c>threshold r absolute</c>: improvement beyond <c>r</c> itself (PyTorch <c>threshold_mode='abs'</c>).</summary>
        public bool IsAbsoluteThreshold { get; }

        /// <summary>This plateau's slot in the schedule's state array, in order of appearance.</summary>
        public int Index { get; }

        public int PatienceCount => (int)Patience.Value;

        public int CooldownCount => (int)(Cooldown?.Value ?? 0);

        public double RelativeThreshold => Threshold?.Value ?? DefaultThreshold;

        public bool IsMaximizing => Maximize ?? false;

        public double FloorLevel => Floor?.Value ?? 0;

        public override KernelKind Kind => KernelKind.Plateau;

        public override long? Duration => null;

        public override bool IsStateful => true;

        public override double Value(long tau, double s, PlateauState[]? states) => states == null ? s : states[Index].Current(s);

        public override void Observe(long tau, double metric, double s, PlateauState[] states) =>
            states[Index].Observe(metric, s, Factor.Value, PatienceCount, CooldownCount, RelativeThreshold, IsMaximizing, FloorLevel, IsAbsoluteThreshold);
    }
}
