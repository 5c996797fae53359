namespace ScheduleDsl.Language.Model
{
    /// <summary><c>constant [v]</c>: the value <c>v</c>, or the incoming level.</summary>
    internal sealed class ConstantKernel : KernelNode
    {
        public ConstantKernel(Written? value, TextSpan keyword, TextSpan span)
            : base(keyword, span)
        {
            Level = value;
        }

        public Written? Level { get; }

        public override KernelKind Kind => KernelKind.Constant;

        public override long? Duration => null;

        public override double Value(long tau, double s, PlateauState[]? states) => Level?.Value ?? s;
    }

    /// <summary><c>warmup linear|cosine|exp|sqrt N [from a] [to b]</c>: rises from <c>a</c> to <c>b</c> over N.</summary>
    internal sealed class WarmupKernel : KernelNode
    {
        public WarmupKernel(WarmupShape shape, Written length, Written? from, Written? to, TextSpan keyword, TextSpan span)
            : base(keyword, span)
        {
            Shape = shape;
            Length = length;
            From = from;
            To = to;
        }

        public WarmupShape Shape { get; }

        public Written Length { get; }

        public Written? From { get; }

        public Written? To { get; }

        public override KernelKind Kind => KernelKind.Warmup;

        public override long? Duration => Length.AsLong;

        public double EndOf(double s) => To?.Value ?? s;

        public double StartOf(double s) => From?.Value ?? (Shape == WarmupShape.Exponential ? EndOf(s) / 100 : 0);

        public override double Value(long tau, double s, PlateauState[]? states)
        {
            double b = EndOf(s);
            long n = Length.AsLong;
            if (tau >= n)
            {
                return b;
            }

            double a = StartOf(s);
            double x = (double)tau / n;
            switch (Shape)
            {
                case WarmupShape.Linear:
                    return Levels.Linear(a, b, tau, n);
                case WarmupShape.Cosine:
                    return Levels.Cosine(a, b, x);
                case WarmupShape.Exponential:
                    return Levels.Geometric(a, b, x);
                case WarmupShape.Sqrt:
                    // a + (b−a)·(1−√(1−x)): the 1−sqrt cooldown run backwards, from b at 1−x.
                    return Levels.Sqrt(b, a, 1 - x);
                default:
                    throw new System.InvalidOperationException("No formula for warmup shape " + Shape);
            }
        }
    }

    /// <summary><c>piecewise v0 until b1, v1 until b2, …, vn</c>: a value per interval, switching at each boundary.</summary>
    internal sealed class PiecewiseKernel : KernelNode
    {
        public PiecewiseKernel(Written[] values, Written[] boundaries, TextSpan keyword, TextSpan span)
            : base(keyword, span)
        {
            Values = values;
            Boundaries = boundaries;
        }

        /// <summary>n+1 values.</summary>
        public Written[] Values { get; }

        /// <summary>n strictly increasing boundaries.</summary>
        public Written[] Boundaries { get; }

        public override KernelKind Kind => KernelKind.Piecewise;

        public override long? Duration => null;

        public override double Value(long tau, double s, PlateauState[]? states)
        {
            int j = 0;
            while (j < Boundaries.Length && Boundaries[j].AsLong <= tau)
            {
                j++;
            }

            return Values[j].Value;
        }
    }
}

namespace ScheduleDsl.Language.Model
{
    /// <summary><c>hold N</c>: the incoming level for N, the same as <c>constant for N</c>.</summary>
    internal sealed class HoldKernel : KernelNode
    {
        public HoldKernel(Written length, TextSpan keyword, TextSpan span)
            : base(keyword, span)
        {
            Length = length;
        }

        public Written Length { get; }

        public override KernelKind Kind => KernelKind.Hold;

        public override long? Duration => Length.AsLong;

        public override double Value(long tau, double s, PlateauState[]? states) => s;
    }
}
