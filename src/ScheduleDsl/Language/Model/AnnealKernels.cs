using System;

namespace ScheduleDsl.Language.Model
{
    internal enum AnnealShape
    {
        Linear,
        Poly,
        Cosine,
        Tanh,
        Sqrt,
    }

    /// <summary>
    /// <c>linear N to e</c>, <c>poly N [power p] [to e] [cycle]</c>, <c>cosine N [to e] [power p] [k-decay k]</c>,
    /// <c>tanh N [to e]</c>, <c>sqrt N [to e]</c>: a bounded curve from the incoming level to <c>e</c> over N, then <c>e</c>
    /// (<c>poly … cycle</c> instead starts a cycle twice, three times … as long whenever it reaches its end, as Keras does).
    /// </summary>
    internal sealed class AnnealKernel : KernelNode
    {
        public AnnealKernel(AnnealShape shape, Written length, Written? power, Written? to, TextSpan keyword, TextSpan span, Written? kDecay = null, bool cycle = false)
            : base(keyword, span)
        {
            Shape = shape;
            Length = length;
            Power = power;
            To = to;
            KDecay = kDecay;
            Cycle = cycle;
        }

        /// <summary>timm's <c>k_decay</c> of a cosine: time enters as <c>(τ/N)^k</c> (1 when not written).</summary>
        public Written? KDecay { get; }

        /// <summary><c>poly … cycle</c>: Keras' <c>PolynomialDecay(cycle=True)</c>, open-ended.</summary>
        public bool Cycle { get; }

        public double KDecayExponent => KDecay?.Value ?? 1;

        /// <summary>Whether a cosine has written options (power or k-decay) and so is not the plain half cosine.</summary>
        public bool IsShapedCosine => Shape == AnnealShape.Cosine && (Power != null || KDecay != null);

        public AnnealShape Shape { get; }

        public Written Length { get; }

        public Written? Power { get; }

        public Written? To { get; }

        public double End => To?.Value ?? 0;

        public double Exponent => Power?.Value ?? 1;

        public override KernelKind Kind => Shape switch
        {
            AnnealShape.Linear => KernelKind.Linear,
            AnnealShape.Poly => KernelKind.Poly,
            AnnealShape.Cosine => KernelKind.Cosine,
            AnnealShape.Tanh => KernelKind.Tanh,
            AnnealShape.Sqrt => KernelKind.Sqrt,
            _ => throw new System.InvalidOperationException("No kernel kind for anneal shape " + Shape),
        };

        public override long? Duration => Cycle ? null : Length.AsLong;

        /// <summary>For <c>poly … cycle</c>: the cycle count <c>max(1, ⌈τ/N⌉)</c>, so the decay runs over <c>N·cycles</c>.</summary>
        public static long Cycles(long tau, long n) => tau <= n ? 1 : tau / n + (tau % n == 0 ? 0 : 1);

        public override double Value(long tau, double s, PlateauState[]? states)
        {
            double e = End;
            long n = Length.AsLong;
            if (Cycle)
            {
                return Levels.Poly(s, e, (double)tau / ((double)n * Cycles(tau, n)), Exponent);
            }

            if (tau >= n)
            {
                return e;
            }

            double x = (double)tau / n;
            switch (Shape)
            {
                case AnnealShape.Linear:
                    return Levels.Linear(s, e, tau, n);
                case AnnealShape.Poly:
                    return Levels.Poly(s, e, x, Exponent);
                case AnnealShape.Cosine:
                    return IsShapedCosine ? Levels.CosinePower(s, e, x, Exponent, KDecayExponent) : Levels.Cosine(s, e, x);
                case AnnealShape.Tanh:
                    return Levels.Tanh(s, e, x);
                case AnnealShape.Sqrt:
                    return Levels.Sqrt(s, e, x);
                default:
                    throw new System.InvalidOperationException("No formula for anneal shape " + Shape);
            }
        }
    }

    /// <summary>
    /// <c>restarts N [mult m] [decay d | amplitude d] [to e]</c>: cosine cycles of length <c>N·m^i</c> from peak
    /// <c>max(s·d^i, e)</c> down to <c>e</c> (PyTorch <c>CosineAnnealingWarmRestarts</c> with timm's <c>cycle_decay</c>), or
    /// with <c>amplitude d</c> the height above <c>e</c> scaled by <c>d^i</c> (Keras <c>CosineDecayRestarts</c> <c>m_mul</c>).
    /// </summary>
    internal sealed class RestartsKernel : KernelNode
    {
        public RestartsKernel(Written length, Written? mult, Written? decay, Written? to, TextSpan keyword, TextSpan span, Written? amplitude = null)
            : base(keyword, span)
        {
            Amplitude = amplitude;
            Length = length;
            Mult = mult;
            Decay = decay;
            To = to;
        }

        public Written Length { get; }

        public Written? Mult { get; }

        public Written? Decay { get; }

        public Written? To { get; }

        /// <summary><c>amplitude d</c>: each cycle's height above the end level is <c>d</c> times the one before.</summary>
        public Written? Amplitude { get; }

        /// <summary>m, any number ≥ 1.</summary>
        public double MultiplierValue => Mult?.Value ?? 1;

        /// <summary>Whether m is a whole number, so the cycles are found in exact integer arithmetic.</summary>
        public bool HasWholeMultiplier => MultiplierValue == System.Math.Floor(MultiplierValue) && MultiplierValue <= int.MaxValue;

        /// <summary>m as a whole number (only when <see cref="HasWholeMultiplier"/>).</summary>
        public long Multiplier => HasWholeMultiplier ? (long)MultiplierValue : throw new System.InvalidOperationException("mult " + MultiplierValue + " is not a whole number");

        public double AmplitudeFactor => Amplitude?.Value ?? 1;

        public double DecayFactor => Decay?.Value ?? 1;

        public double End => To?.Value ?? 0;

        public override KernelKind Kind => KernelKind.Restarts;

        public override long? Duration => null;

        public override double Value(long tau, double s, PlateauState[]? states)
        {
            long cycle;
            double position;
            double cycleLength;
            if (HasWholeMultiplier)
            {
                FindCycle(tau, Length.AsLong, Multiplier, out cycle, out long whole, out cycleLength);
                position = whole;
            }
            else
            {
                Levels.GeometricCycle(tau, Length.AsLong, MultiplierValue, out cycle, out position, out cycleLength);
            }

            double e = End;
            if (Amplitude != null)
            {
                return e + (s - e) * Math.Pow(AmplitudeFactor, cycle) * (1 + Math.Cos(Math.PI * position / cycleLength)) / 2;
            }

            double peak = Levels.Scale(s, Math.Pow(DecayFactor, cycle));
            if (peak < e)
            {
                peak = e;
            }

            return e + (peak - e) * (1 + Math.Cos(Math.PI * position / cycleLength)) / 2;
        }

        /// <summary>
        /// Finds the cycle holding <paramref name="tau"/> in exact integer arithmetic. With <c>m ≥ 2</c> the cycles double
        /// at least, so the loop runs at most 63 times. A cycle whose end would pass <see cref="long.MaxValue"/> never ends; its
        /// length, still <c>N·m^i</c>, is then given as a double.
        /// </summary>
        public static void FindCycle(long tau, long first, long mult, out long cycle, out long position, out double cycleLength)
        {
            if (mult == 1)
            {
                cycle = tau / first;
                position = tau % first;
                cycleLength = first;
                return;
            }

            long start = 0;
            long length = first;
            cycle = 0;
            while (tau - start >= length)
            {
                start += length;
                cycle++;
                if (length > long.MaxValue / mult)
                {
                    position = tau - start;
                    cycleLength = (double)length * mult;
                    return;
                }

                length *= mult;
            }

            position = tau - start;
            cycleLength = length;
        }
    }
}
