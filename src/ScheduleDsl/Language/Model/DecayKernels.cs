using System;

namespace ScheduleDsl.Language.Model
{
    /// <summary><c>step g every k</c>: <c>s·g^⌊τ/k⌋</c> (PyTorch <c>StepLR</c>).</summary>
    internal sealed class StepKernel : KernelNode
    {
        public StepKernel(Written factor, Written every, TextSpan keyword, TextSpan span)
            : base(keyword, span)
        {
            Factor = factor;
            Every = every;
        }

        public Written Factor { get; }

        public Written Every { get; }

        public override KernelKind Kind => KernelKind.Step;

        public override long? Duration => null;

        public override double Value(long tau, double s, PlateauState[]? states) =>
            Levels.Scale(s, Math.Pow(Factor.Value, tau / Every.AsLong));
    }

    /// <summary><c>multistep g at m1, m2, …</c>: <c>s·g^(number of milestones ≤ τ)</c> (PyTorch <c>MultiStepLR</c>).</summary>
    internal sealed class MultiStepKernel : KernelNode
    {
        public MultiStepKernel(Written factor, Written[] milestones, TextSpan keyword, TextSpan span)
            : base(keyword, span)
        {
            Factor = factor;
            Milestones = milestones;
        }

        public Written Factor { get; }

        public Written[] Milestones { get; }

        public override KernelKind Kind => KernelKind.MultiStep;

        public override long? Duration => null;

        public override double Value(long tau, double s, PlateauState[]? states)
        {
            int passed = 0;
            while (passed < Milestones.Length && Milestones[passed].AsLong <= tau)
            {
                passed++;
            }

            return Levels.Scale(s, Math.Pow(Factor.Value, passed));
        }
    }

    /// <summary><c>exp g [every k] [staircase]</c>: <c>s·g^(τ/k)</c> (PyTorch <c>ExponentialLR</c>, Keras <c>ExponentialDecay</c>).</summary>
    internal sealed class ExpKernel : KernelNode
    {
        public ExpKernel(Written factor, Written? every, bool staircase, TextSpan keyword, TextSpan span)
            : base(keyword, span)
        {
            Factor = factor;
            Every = every;
            Staircase = staircase;
        }

        public Written Factor { get; }

        public Written? Every { get; }

        public bool Staircase { get; }

        public long Period => Every?.AsLong ?? 1;

        public override KernelKind Kind => KernelKind.Exp;

        public override long? Duration => null;

        public override double Value(long tau, double s, PlateauState[]? states)
        {
            double exponent = Staircase ? tau / Period : (double)tau / Period;
            return Levels.Scale(s, Math.Pow(Factor.Value, exponent));
        }
    }

    /// <summary><c>inverse-time r [every k] [staircase]</c>: <c>s / (1 + r·τ/k)</c> (Keras <c>InverseTimeDecay</c>).</summary>
    internal sealed class InverseTimeKernel : KernelNode
    {
        public InverseTimeKernel(Written rate, Written? every, bool staircase, TextSpan keyword, TextSpan span)
            : base(keyword, span)
        {
            Rate = rate;
            Every = every;
            Staircase = staircase;
        }

        public Written Rate { get; }

        public Written? Every { get; }

        public bool Staircase { get; }

        public long Period => Every?.AsLong ?? 1;

        public override KernelKind Kind => KernelKind.InverseTime;

        public override long? Duration => null;

        public override double Value(long tau, double s, PlateauState[]? states)
        {
            double p = Staircase ? tau / Period : (double)tau / Period;
            return s / (1 + Rate.Value * p);
        }
    }

    /// <summary><c>inverse-sqrt [scale k]</c>: <c>s·sqrt(k / (τ + k))</c> (Hugging Face <c>inverse_sqrt</c>).</summary>
    internal sealed class InverseSqrtKernel : KernelNode
    {
        public InverseSqrtKernel(Written? scale, TextSpan keyword, TextSpan span)
            : base(keyword, span)
        {
            Scale = scale;
        }

        public Written? Scale { get; }

        public double TimeScale => Scale?.Value ?? 1;

        public override KernelKind Kind => KernelKind.InverseSqrt;

        public override long? Duration => null;

        public override double Value(long tau, double s, PlateauState[]? states) =>
            s * Math.Sqrt(TimeScale / (tau + TimeScale));
    }
}
