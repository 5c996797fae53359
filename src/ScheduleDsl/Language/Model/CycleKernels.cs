using System;

namespace ScheduleDsl.Language.Model
{
    /// <summary>
    /// <c>cyclic [triangular|triangular2|exp-range g] lo to hi up u [down d]</c>: PyTorch <c>CyclicLR</c>, with the position in the
    /// cycle found in integer arithmetic.
    /// </summary>
    internal sealed class CyclicKernel : KernelNode
    {
        public CyclicKernel(CyclicMode mode, Written? gamma, Written low, Written high, Written up, Written? down, TextSpan keyword, TextSpan span)
            : base(keyword, span)
        {
            Mode = mode;
            Gamma = gamma;
            Low = low;
            High = high;
            Up = up;
            Down = down;
        }

        public CyclicMode Mode { get; }

        /// <summary>The factor of <c>exp-range</c>.</summary>
        public Written? Gamma { get; }

        public Written Low { get; }

        public Written High { get; }

        public Written Up { get; }

        public Written? Down { get; }

        public long UpLength => Up.AsLong;

        public long DownLength => Down?.AsLong ?? Up.AsLong;

        public override KernelKind Kind => KernelKind.Cyclic;

        public override long? Duration => null;

        public override double Value(long tau, double s, PlateauState[]? states)
        {
            long up = UpLength;
            long period = up + DownLength;
            long cycle = tau / period;
            long position = tau % period;
            double rise = position <= up ? (double)position / up : (double)(period - position) / DownLength;
            double lo = Low.Value;
            double height = (High.Value - lo) * rise;
            switch (Mode)
            {
                case CyclicMode.Triangular:
                    return lo + height;
                case CyclicMode.Triangular2:
                    return lo + height * (1 / Math.Pow(2, cycle));
                default:
                    return lo + Levels.Scale(height, Math.Pow(Gamma!.Value.Value, tau));
            }
        }
    }

    /// <summary>
    /// <c>onecycle peak over N [warm p] [div a] [final-div b] [linear] [three-phase]</c>: PyTorch <c>OneCycleLR</c>, including its
    /// fractional phase boundaries; holds <c>peak/(a·b)</c> from N on.
    /// </summary>
    internal sealed class OneCycleKernel : KernelNode
    {
        public const double DefaultWarm = 0.3;
        public const double DefaultDiv = 25;
        public const double DefaultFinalDiv = 1e4;

        public OneCycleKernel(Written peak, Written length, Written? warm, Written? div, Written? finalDiv, bool linear, bool threePhase, TextSpan keyword, TextSpan span)
            : base(keyword, span)
        {
            Peak = peak;
            Length = length;
            Warm = warm;
            Div = div;
            FinalDiv = finalDiv;
            IsLinear = linear;
            IsThreePhase = threePhase;
        }

        public Written Peak { get; }

        public Written Length { get; }

        public Written? Warm { get; }

        public Written? Div { get; }

        public Written? FinalDiv { get; }

        public bool IsLinear { get; }

        public bool IsThreePhase { get; }

        public double WarmFraction => Warm?.Value ?? DefaultWarm;

        /// <summary><c>peak/a</c>, saturating at <see cref="double.MaxValue"/> for a tiny <c>div</c>.</summary>
        public double Initial => Levels.Saturate(Peak.Value / (Div?.Value ?? DefaultDiv));

        /// <summary><c>peak/(a·b)</c>, saturating at <see cref="double.MaxValue"/> for a tiny <c>final-div</c>.</summary>
        public double Minimum => Levels.Saturate(Initial / (FinalDiv?.Value ?? DefaultFinalDiv));

        /// <summary>PyTorch's phase end steps: <c>p·N − 1</c>, then <c>2·p·N − 2</c> with three phases, then <c>N − 1</c>.</summary>
        public double FirstEnd => WarmFraction * Length.AsLong - 1;

        public double SecondEnd => 2 * WarmFraction * Length.AsLong - 2;

        public double LastEnd => Length.AsLong - 1;

        public override KernelKind Kind => KernelKind.OneCycle;

        public override long? Duration => Length.AsLong;

        public override double Value(long tau, double s, PlateauState[]? states)
        {
            if (tau >= Length.AsLong)
            {
                return Minimum;
            }

            double t = tau;
            double firstEnd = FirstEnd;
            if (t <= firstEnd)
            {
                return Anneal(Initial, Peak.Value, t / firstEnd);
            }

            if (!IsThreePhase)
            {
                return Anneal(Peak.Value, Minimum, (t - firstEnd) / (LastEnd - firstEnd));
            }

            double secondEnd = SecondEnd;
            if (t <= secondEnd)
            {
                return Anneal(Peak.Value, Initial, (t - firstEnd) / (secondEnd - firstEnd));
            }

            return Anneal(Initial, Minimum, (t - secondEnd) / (LastEnd - secondEnd));
        }

        private double Anneal(double from, double to, double pct) =>
            IsLinear ? (to - from) * pct + from : Levels.OneCycleCosine(from, to, pct);
    }
}
