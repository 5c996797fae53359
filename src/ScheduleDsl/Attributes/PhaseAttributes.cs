using System;

namespace ScheduleDsl
{
    /// <summary>The shape of a warmup.</summary>
    public enum WarmupShape
    {
        Linear,
        Cosine,
        Exponential,
    }

    /// <summary>The mode of a cyclical schedule (PyTorch <c>CyclicLR</c>).</summary>
    public enum CyclicMode
    {
        Triangular,
        Triangular2,
        ExpRange,
    }

    /// <summary>Whether a plateau waits for the metric to fall (a loss) or to rise (an accuracy).</summary>
    public enum PlateauMode
    {
        Min,
        Max,
    }

    /// <summary>
    /// A phase of a schedule in the attribute form of <see cref="ScheduleAttribute"/>. Phases run in the order they are
    /// written, each on its own local time; properties left unset take the language's defaults.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = false)]
    public abstract class SchedulePhaseAttribute : Attribute
    {
        /// <summary>Cuts the phase after this many time units (<c>for N</c>).</summary>
        public int For { get; set; }
    }

    /// <summary><c>constant [v]</c>.</summary>
    public sealed class ConstantAttribute : SchedulePhaseAttribute
    {
        public ConstantAttribute()
        {
        }

        public ConstantAttribute(double value) => Value = value;

        public double Value { get; }
    }

    /// <summary><c>hold N</c>: the incoming level for N.</summary>
    public sealed class HoldAttribute : SchedulePhaseAttribute
    {
        public HoldAttribute(int length) => Length = length;

        public int Length { get; }
    }

    /// <summary><c>warmup linear|cosine|exp N [from a] [to b]</c>.</summary>
    public sealed class WarmupAttribute : SchedulePhaseAttribute
    {
        public WarmupAttribute(WarmupShape shape, int length)
        {
            Shape = shape;
            Length = length;
        }

        public WarmupShape Shape { get; }

        public int Length { get; }

        public double From { get; set; }

        public double To { get; set; }
    }

    /// <summary><c>step g every k</c> (PyTorch <c>StepLR</c>).</summary>
    public sealed class StepDecayAttribute : SchedulePhaseAttribute
    {
        public StepDecayAttribute(double factor) => Factor = factor;

        public double Factor { get; }

        public int Every { get; set; }
    }

    /// <summary><c>multistep g at m1, m2, …</c> (PyTorch <c>MultiStepLR</c>).</summary>
    public sealed class MultiStepDecayAttribute : SchedulePhaseAttribute
    {
        public MultiStepDecayAttribute(double factor, params int[] milestones)
        {
            Factor = factor;
            Milestones = milestones;
        }

        public double Factor { get; }

        public int[] Milestones { get; }
    }

    /// <summary><c>exp g [every k] [staircase]</c> (PyTorch <c>ExponentialLR</c>, Keras <c>ExponentialDecay</c>).</summary>
    public sealed class ExponentialDecayAttribute : SchedulePhaseAttribute
    {
        public ExponentialDecayAttribute(double factor) => Factor = factor;

        public double Factor { get; }

        public int Every { get; set; }

        public bool Staircase { get; set; }
    }

    /// <summary><c>inverse-time r [every k] [staircase]</c> (Keras <c>InverseTimeDecay</c>).</summary>
    public sealed class InverseTimeDecayAttribute : SchedulePhaseAttribute
    {
        public InverseTimeDecayAttribute(double rate) => Rate = rate;

        public double Rate { get; }

        public int Every { get; set; }

        public bool Staircase { get; set; }
    }

    /// <summary><c>inverse-sqrt [scale k]</c>.</summary>
    public sealed class InverseSqrtDecayAttribute : SchedulePhaseAttribute
    {
        public double Scale { get; set; }
    }

    /// <summary><c>linear N to e</c>.</summary>
    public sealed class LinearDecayAttribute : SchedulePhaseAttribute
    {
        public LinearDecayAttribute(int length, double to)
        {
            Length = length;
            To = to;
        }

        public int Length { get; }

        public double To { get; }
    }

    /// <summary><c>poly N [power p] [to e]</c> (PyTorch <c>PolynomialLR</c>).</summary>
    public sealed class PolynomialDecayAttribute : SchedulePhaseAttribute
    {
        public PolynomialDecayAttribute(int length) => Length = length;

        public int Length { get; }

        public double Power { get; set; }

        public double To { get; set; }
    }

    /// <summary><c>cosine N [to e]</c> (Keras <c>CosineDecay</c>).</summary>
    public sealed class CosineDecayAttribute : SchedulePhaseAttribute
    {
        public CosineDecayAttribute(int length) => Length = length;

        public int Length { get; }

        public double To { get; set; }
    }

    /// <summary><c>tanh N [to e]</c> (timm <c>TanhLRScheduler</c>).</summary>
    public sealed class TanhDecayAttribute : SchedulePhaseAttribute
    {
        public TanhDecayAttribute(int length) => Length = length;

        public int Length { get; }

        public double To { get; set; }
    }

    /// <summary><c>restarts N [mult m] [decay d] [to e]</c> (SGDR).</summary>
    public sealed class CosineRestartsAttribute : SchedulePhaseAttribute
    {
        public CosineRestartsAttribute(int length) => Length = length;

        public int Length { get; }

        public int Mult { get; set; }

        public double Decay { get; set; }

        public double To { get; set; }
    }

    /// <summary><c>cyclic [mode] lo to hi up u [down d]</c> (PyTorch <c>CyclicLR</c>).</summary>
    public sealed class CyclicAttribute : SchedulePhaseAttribute
    {
        public CyclicAttribute(double low, double high, int up)
        {
            Low = low;
            High = high;
            Up = up;
        }

        public double Low { get; }

        public double High { get; }

        public int Up { get; }

        public int Down { get; set; }

        public CyclicMode Mode { get; set; }

        /// <summary>The factor of <see cref="CyclicMode.ExpRange"/>.</summary>
        public double Gamma { get; set; }
    }

    /// <summary><c>onecycle peak over N …</c> (PyTorch <c>OneCycleLR</c>).</summary>
    public sealed class OneCycleAttribute : SchedulePhaseAttribute
    {
        public OneCycleAttribute(double peak, int length)
        {
            Peak = peak;
            Length = length;
        }

        public double Peak { get; }

        public int Length { get; }

        public double Warm { get; set; }

        public double Div { get; set; }

        public double FinalDiv { get; set; }

        public bool Linear { get; set; }

        public bool ThreePhase { get; set; }
    }

    /// <summary><c>piecewise v0 until b1, v1 until b2, …, vn</c>: one more value than boundaries.</summary>
    public sealed class PiecewiseAttribute : SchedulePhaseAttribute
    {
        public PiecewiseAttribute(double[] values, int[] boundaries)
        {
            Values = values;
            Boundaries = boundaries;
        }

        public double[] Values { get; }

        public int[] Boundaries { get; }
    }

    /// <summary><c>plateau factor f patience p …</c> (PyTorch <c>ReduceLROnPlateau</c>).</summary>
    public sealed class PlateauAttribute : SchedulePhaseAttribute
    {
        public PlateauAttribute(double factor, int patience)
        {
            Factor = factor;
            Patience = patience;
        }

        public double Factor { get; }

        public int Patience { get; }

        public int Cooldown { get; set; }

        public double Threshold { get; set; }

        public PlateauMode Mode { get; set; }

        public double Floor { get; set; }
    }
}
