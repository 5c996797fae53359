using System;

namespace ScheduleDsl.Language.Model
{
    /// <summary>
    /// <c>cyclic [triangular|triangular2|exp-range g] lo to hi up u [down d]</c>: PyTorch <c>CyclicLR</c>, with the position in the
    /// cycle found in integer arithmetic.
    /// </summary>
    internal sealed class CyclicKernel : KernelNode
    {
        public const double DefaultMomentumLow = 0.8;
        public const double DefaultMomentumHigh = 0.9;

        public CyclicKernel(CyclicMode mode, Written? gamma, Written low, Written high, Written up, Written? down, TextSpan keyword, TextSpan span, MomentumOption? momentum = null, bool isMomentumView = false)
            : base(keyword, span)
        {
            Momentum = momentum;
            IsMomentumView = isMomentumView;
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

        /// <summary>The <c>momentum [lo to hi]</c> option: the text also cycles the momentum, against the rate.</summary>
        public MomentumOption? Momentum { get; }

        /// <summary>
        /// True for the kernel of the momentum channel the option adds: the same cycle from <c>hi</c> towards <c>lo</c> (PyTorch
        /// computes <c>hi − (hi − lo)·rise·scale</c>, which is this kernel's formula with the two levels exchanged).
        /// </summary>
        public bool IsMomentumView { get; }

        /// <summary>The kernel of the momentum channel that <see cref="Momentum"/> adds.</summary>
        public CyclicKernel MomentumView()
        {
            MomentumOption option = Momentum!.Value;
            return new CyclicKernel(Mode, Gamma, option.At(option.HighValue), option.At(option.LowValue), Up, Down, Keyword, Span, null, isMomentumView: true);
        }

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

        public const double DefaultMomentumLow = 0.85;
        public const double DefaultMomentumHigh = 0.95;

        /// <summary>The levels of the momentum view: it starts and ends at <c>hi</c> and passes <c>lo</c> at the rate's peak.</summary>
        private readonly double? _initial;
        private readonly double? _minimum;

        public OneCycleKernel(Written peak, Written length, Written? warm, Written? div, Written? finalDiv, bool linear, bool threePhase, TextSpan keyword, TextSpan span, MomentumOption? momentum = null)
            : base(keyword, span)
        {
            Momentum = momentum;
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

        /// <summary>The <c>momentum [lo to hi]</c> option: the text also cycles the momentum, against the rate.</summary>
        public MomentumOption? Momentum { get; }

        /// <summary>
        /// True for the kernel of the momentum channel the option adds: PyTorch's phases with the momentum's levels, <c>hi</c>
        /// (start, and end) and <c>lo</c> (at the rate's peak); with <c>three-phase</c> the last phase holds <c>hi</c>.
        /// </summary>
        public bool IsMomentumView => _initial != null;

        /// <summary>The kernel of the momentum channel that <see cref="Momentum"/> adds.</summary>
        public OneCycleKernel MomentumView()
        {
            MomentumOption option = Momentum!.Value;
            return new OneCycleKernel(this, option.At(option.LowValue), option.HighValue);
        }

        private OneCycleKernel(OneCycleKernel rate, Written low, double high)
            : this(low, rate.Length, rate.Warm, rate.Div, rate.FinalDiv, rate.IsLinear, rate.IsThreePhase, rate.Keyword, rate.Span)
        {
            _initial = high;
            _minimum = high;
        }

        public double WarmFraction => Warm?.Value ?? DefaultWarm;

        /// <summary><c>peak/a</c>, saturating at <see cref="double.MaxValue"/> for a tiny <c>div</c>.</summary>
        public double Initial => _initial ?? Levels.Saturate(Peak.Value / (Div?.Value ?? DefaultDiv));

        /// <summary><c>peak/(a·b)</c>, saturating at <see cref="double.MaxValue"/> for a tiny <c>final-div</c>.</summary>
        public double Minimum => _minimum ?? Levels.Saturate(Initial / (FinalDiv?.Value ?? DefaultFinalDiv));

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
