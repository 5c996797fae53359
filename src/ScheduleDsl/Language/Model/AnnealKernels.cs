using System;

namespace ScheduleDsl.Language.Model
{
    internal enum AnnealShape
    {
        Linear,
        Poly,
        Cosine,
        Tanh,
    }

    /// <summary>
    /// <c>linear N to e</c>, <c>poly N [power p] [to e]</c>, <c>cosine N [to e]</c>, <c>tanh N [to e]</c>:
    /// a bounded curve from the incoming level to <c>e</c> over N, then <c>e</c>.
    /// </summary>
    internal sealed class AnnealKernel : KernelNode
    {
        public AnnealKernel(AnnealShape shape, Written length, Written? power, Written? to, TextSpan keyword, TextSpan span)
            : base(keyword, span)
        {
            Shape = shape;
            Length = length;
            Power = power;
            To = to;
        }

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
            _ => throw new System.InvalidOperationException("No kernel kind for anneal shape " + Shape),
        };

        public override long? Duration => Length.AsLong;

        public override double Value(long tau, double s, PlateauState[]? states)
        {
            double e = End;
            long n = Length.AsLong;
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
                    return Levels.Cosine(s, e, x);
                default:
                    return Levels.Tanh(s, e, x);
            }
        }
    }

    /// <summary>
    /// <c>restarts N [mult m] [decay d] [to e]</c>: cosine cycles of length <c>N·m^i</c> from peak <c>max(s·d^i, e)</c> down to <c>e</c>
    /// (PyTorch <c>CosineAnnealingWarmRestarts</c> with timm's <c>cycle_decay</c>).
    /// </summary>
    internal sealed class RestartsKernel : KernelNode
    {
        public RestartsKernel(Written length, Written? mult, Written? decay, Written? to, TextSpan keyword, TextSpan span)
            : base(keyword, span)
        {
            Length = length;
            Mult = mult;
            Decay = decay;
            To = to;
        }

        public Written Length { get; }

        public Written? Mult { get; }

        public Written? Decay { get; }

        public Written? To { get; }

        public long Multiplier => Mult?.AsLong ?? 1;

        public double DecayFactor => Decay?.Value ?? 1;

        public double End => To?.Value ?? 0;

        public override KernelKind Kind => KernelKind.Restarts;

        public override long? Duration => null;

        public override double Value(long tau, double s, PlateauState[]? states)
        {
            FindCycle(tau, Length.AsLong, Multiplier, out long cycle, out long position, out double cycleLength);
            double e = End;
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
