using System;

namespace ScheduleDsl
{
    /// <summary>Whether a plateau waits for the metric to fall (a loss) or to rise (an accuracy).</summary>
    public enum PlateauMode
    {
        /// <summary>The metric should fall (a loss).</summary>
        Min,
        /// <summary>The metric should rise (an accuracy).</summary>
        Max,
    }

    /// <summary>
    /// A phase of a schedule in the attribute form of <see cref="ScheduleAttribute"/>. Phases run in the order they are
    /// written, each on its own local time; properties left unset take the language's defaults.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = false)]
    public abstract class SchedulePhaseAttribute : Attribute
    {
        /// <summary>Cuts the phase after this many time units (<c>for N</c>), counted from the skipped start.</summary>
        public int For { get; set; }

        /// <summary>Starts the phase this many time units along its curve (<c>skip K</c>; timm's <c>warmup_prefix=False</c>).</summary>
        public int Skip { get; set; }
    }

    /// <summary><c>constant [v]</c>.</summary>
    public sealed class ConstantAttribute : SchedulePhaseAttribute
    {
        /// <summary>Holds the incoming level (<c>constant</c>).</summary>
        public ConstantAttribute()
        {
        }

        /// <summary>Holds <paramref name="value"/> (<c>constant v</c>): an absolute rate under <c>lr</c>, else a factor.</summary>
        public ConstantAttribute(double value) => Value = value;

        /// <summary>The level held; 0 when the constructor without a value was used (the incoming level).</summary>
        public double Value { get; }
    }

    /// <summary><c>hold N</c>: the incoming level for N.</summary>
    public sealed class HoldAttribute : SchedulePhaseAttribute
    {
        /// <summary>Holds the incoming level for <paramref name="length"/> time units.</summary>
        public HoldAttribute(int length) => Length = length;

        /// <summary>How many time units the level is held.</summary>
        public int Length { get; }
    }

    /// <summary><c>warmup linear|cosine|exp N [from a] [to b]</c>.</summary>
    public sealed class WarmupAttribute : SchedulePhaseAttribute
    {
        /// <summary>Warms up along <paramref name="shape"/> over <paramref name="length"/> time units.</summary>
        public WarmupAttribute(WarmupShape shape, int length)
        {
            Shape = shape;
            Length = length;
        }

        /// <summary>The curve of the warmup.</summary>
        public WarmupShape Shape { get; }

        /// <summary>The length of the warmup in time units.</summary>
        public int Length { get; }

        /// <summary>The start level (<c>from a</c>); unset: 0, or the end level / 100 for <see cref="WarmupShape.Exponential"/>.</summary>
        public double From { get; set; }

        /// <summary>The end level (<c>to b</c>); unset: the incoming level.</summary>
        public double To { get; set; }
    }

    /// <summary><c>step g every k</c> (PyTorch <c>StepLR</c>).</summary>
    public sealed class StepDecayAttribute : SchedulePhaseAttribute
    {
        /// <summary>Multiplies the level by <paramref name="factor"/> every <see cref="Every"/> time units.</summary>
        public StepDecayAttribute(double factor) => Factor = factor;

        /// <summary>The factor applied at each step (PyTorch <c>gamma</c>).</summary>
        public double Factor { get; }

        /// <summary>The time units between steps (PyTorch <c>step_size</c>).</summary>
        public int Every { get; set; }
    }

    /// <summary><c>multistep g at m1, m2, …</c> (PyTorch <c>MultiStepLR</c>).</summary>
    public sealed class MultiStepDecayAttribute : SchedulePhaseAttribute
    {
        /// <summary>Multiplies the level by <paramref name="factor"/> at each of <paramref name="milestones"/>.</summary>
        public MultiStepDecayAttribute(double factor, params int[] milestones)
        {
            Factor = factor;
            Milestones = milestones;
        }

        /// <summary>The factor applied at each milestone (PyTorch <c>gamma</c>).</summary>
        public double Factor { get; }

        /// <summary>The time indices at which the factor is applied, in increasing order.</summary>
        public int[] Milestones { get; }
    }

    /// <summary><c>exp g [every k] [staircase]</c> (PyTorch <c>ExponentialLR</c>, Keras <c>ExponentialDecay</c>).</summary>
    public sealed class ExponentialDecayAttribute : SchedulePhaseAttribute
    {
        /// <summary>Decays by <paramref name="factor"/> per period (<see cref="Every"/>).</summary>
        public ExponentialDecayAttribute(double factor) => Factor = factor;

        /// <summary>The decay per period (PyTorch <c>gamma</c>, Keras <c>decay_rate</c>).</summary>
        public double Factor { get; }

        /// <summary>The period in time units (Keras <c>decay_steps</c>); unset: 1.</summary>
        public int Every { get; set; }

        /// <summary>Whether the decay happens in whole periods (Keras <c>staircase</c>) rather than smoothly.</summary>
        public bool Staircase { get; set; }
    }

    /// <summary><c>inverse-time r [every k] [staircase]</c> (Keras <c>InverseTimeDecay</c>).</summary>
    public sealed class InverseTimeDecayAttribute : SchedulePhaseAttribute
    {
        /// <summary>Divides the level by <c>1 + rate·t/k</c>.</summary>
        public InverseTimeDecayAttribute(double rate) => Rate = rate;

        /// <summary>The decay rate (Keras <c>decay_rate</c>).</summary>
        public double Rate { get; }

        /// <summary>The period k in time units (Keras <c>decay_steps</c>); unset: 1.</summary>
        public int Every { get; set; }

        /// <summary>Whether <c>t/k</c> is taken in whole periods (Keras <c>staircase</c>).</summary>
        public bool Staircase { get; set; }
    }

    /// <summary><c>custom NAME</c>: the type's own function <c>private partial double NAME(long t, double level)</c>, which the generator declares.</summary>
    public sealed class CustomAttribute : SchedulePhaseAttribute
    {
        /// <summary>Follows the function <paramref name="name"/> (letters and digits), implemented in the same type.</summary>
        public CustomAttribute(string name)
        {
            Name = name;
        }

        /// <summary>The function's name.</summary>
        public string Name { get; }
    }

    /// <summary><c>inverse-sqrt [scale k]</c>.</summary>
    public sealed class InverseSqrtDecayAttribute : SchedulePhaseAttribute
    {
        /// <summary>The time scale k of <c>1/√(1 + t/k)</c>; unset: 1.</summary>
        public double Scale { get; set; }
    }

    /// <summary><c>linear N to e</c>.</summary>
    public sealed class LinearDecayAttribute : SchedulePhaseAttribute
    {
        /// <summary>Goes in a straight line to <paramref name="to"/> over <paramref name="length"/> time units.</summary>
        public LinearDecayAttribute(int length, double to)
        {
            Length = length;
            To = to;
        }

        /// <summary>The length of the decay in time units.</summary>
        public int Length { get; }

        /// <summary>The end level.</summary>
        public double To { get; }
    }

    /// <summary><c>poly N [power p] [to e]</c> (PyTorch <c>PolynomialLR</c>).</summary>
    public sealed class PolynomialDecayAttribute : SchedulePhaseAttribute
    {
        /// <summary>Decays along a polynomial over <paramref name="length"/> time units.</summary>
        public PolynomialDecayAttribute(int length) => Length = length;

        /// <summary>The length of the decay in time units.</summary>
        public int Length { get; }

        /// <summary>The power of the polynomial; unset: 1 (PyTorch <c>PolynomialLR</c>'s default).</summary>
        public double Power { get; set; }

        /// <summary>The end level; unset: 0.</summary>
        public double To { get; set; }

        /// <summary>Keras' <c>cycle=True</c> (<c>cycle</c>): open-ended, restarting over a longer span each time the end is reached.</summary>
        public bool Cycle { get; set; }
    }

    /// <summary><c>cosine N [to e]</c> (Keras <c>CosineDecay</c>).</summary>
    public sealed class CosineDecayAttribute : SchedulePhaseAttribute
    {
        /// <summary>Anneals along a half cosine over <paramref name="length"/> time units.</summary>
        public CosineDecayAttribute(int length) => Length = length;

        /// <summary>The length of the decay in time units.</summary>
        public int Length { get; }

        /// <summary>The end level; unset: 0.</summary>
        public double To { get; set; }

        /// <summary>The exponent of the cosine weight (optax <c>exponent</c>, <c>power p</c>); unset: 1.</summary>
        public double Power { get; set; }

        /// <summary>Time enters as <c>(τ/N)^k</c> (timm <c>k_decay</c>, <c>k-decay k</c>); unset: 1.</summary>
        public double KDecay { get; set; }
    }

    /// <summary><c>sqrt N [to e]</c>: the 1−sqrt cooldown of warmup-stable-decay, <c>e + (s−e)·(1−√(τ/N))</c>.</summary>
    public sealed class SqrtDecayAttribute : SchedulePhaseAttribute
    {
        /// <summary>Decays as 1 − √(τ/N) over <paramref name="length"/> time units (HF <c>decay_type="1-sqrt"</c>).</summary>
        public SqrtDecayAttribute(int length) => Length = length;

        /// <summary>The length of the decay in time units.</summary>
        public int Length { get; }

        /// <summary>The end level; unset: 0.</summary>
        public double To { get; set; }
    }

    /// <summary><c>tanh N [to e]</c> (timm <c>TanhLRScheduler</c>).</summary>
    public sealed class TanhDecayAttribute : SchedulePhaseAttribute
    {
        /// <summary>Anneals along timm's tanh curve over <paramref name="length"/> time units.</summary>
        public TanhDecayAttribute(int length) => Length = length;

        /// <summary>The length of the decay in time units.</summary>
        public int Length { get; }

        /// <summary>The end level; unset: 0.</summary>
        public double To { get; set; }
    }

    /// <summary><c>restarts N [mult m] [decay d] [to e]</c> (SGDR).</summary>
    public sealed class CosineRestartsAttribute : SchedulePhaseAttribute
    {
        /// <summary>Cosine cycles with warm restarts, the first <paramref name="length"/> time units long.</summary>
        public CosineRestartsAttribute(int length) => Length = length;

        /// <summary>The length of the first cycle in time units.</summary>
        public int Length { get; }

        /// <summary>How many times as long each cycle is as the one before, any number ≥ 1 (timm <c>cycle_mul</c>, Keras <c>t_mul</c>); unset: 1.</summary>
        public double Mult { get; set; }

        /// <summary>The factor applied to the peak at each restart; unset: 1.</summary>
        public double Decay { get; set; }

        /// <summary>Instead of <see cref="Decay"/>: the factor applied to each cycle's height above the end level (Keras <c>m_mul</c>); unset: 1.</summary>
        public double Amplitude { get; set; }

        /// <summary>The level at the end of each cycle; unset: 0.</summary>
        public double To { get; set; }
    }

    /// <summary><c>cyclic [mode] lo to hi up u [down d]</c> (PyTorch <c>CyclicLR</c>).</summary>
    public sealed class CyclicAttribute : SchedulePhaseAttribute
    {
        /// <summary>Cycles between <paramref name="low"/> and <paramref name="high"/>, rising over <paramref name="up"/> time units.</summary>
        public CyclicAttribute(double low, double high, int up)
        {
            Low = low;
            High = high;
            Up = up;
        }

        /// <summary>The lowest level of a cycle.</summary>
        public double Low { get; }

        /// <summary>The highest level of a cycle.</summary>
        public double High { get; }

        /// <summary>Time units from the low to the high level.</summary>
        public int Up { get; }

        /// <summary>Time units from the high back to the low level; unset: <see cref="Up"/>.</summary>
        public int Down { get; set; }

        /// <summary>How the amplitude changes from cycle to cycle.</summary>
        public CyclicMode Mode { get; set; }

        /// <summary>The factor of <see cref="CyclicMode.ExpRange"/>.</summary>
        public double Gamma { get; set; }

        /// <summary>Also cycles the momentum against the rate (PyTorch's <c>cycle_momentum=True</c>): the text's <c>momentum</c> option, with its default levels unless <see cref="MomentumLow"/> and <see cref="MomentumHigh"/> are set.</summary>
        public bool CycleMomentum { get; set; }

        /// <summary>The momentum at the rate's peak (<c>momentum lo to hi</c>); set with <see cref="MomentumHigh"/>.</summary>
        public double MomentumLow { get; set; }

        /// <summary>The momentum where the rate is lowest, and outside the phase; set with <see cref="MomentumLow"/>.</summary>
        public double MomentumHigh { get; set; }
    }

    /// <summary><c>onecycle peak over N …</c> (PyTorch <c>OneCycleLR</c>).</summary>
    public sealed class OneCycleAttribute : SchedulePhaseAttribute
    {
        /// <summary>Smith's one-cycle policy, peaking at <paramref name="peak"/>, over <paramref name="length"/> time units.</summary>
        public OneCycleAttribute(double peak, int length)
        {
            Peak = peak;
            Length = length;
        }

        /// <summary>The highest level (PyTorch <c>max_lr</c>).</summary>
        public double Peak { get; }

        /// <summary>The length of the whole cycle in time units (PyTorch <c>total_steps</c>).</summary>
        public int Length { get; }

        /// <summary>The fraction of the cycle spent rising (PyTorch <c>pct_start</c>); unset: 0.3.</summary>
        public double Warm { get; set; }

        /// <summary>The start is <c>peak/div</c> (PyTorch <c>div_factor</c>); unset: 25.</summary>
        public double Div { get; set; }

        /// <summary>The end is <c>start/final-div</c> (PyTorch <c>final_div_factor</c>); unset: 10000.</summary>
        public double FinalDiv { get; set; }

        /// <summary>Linear instead of cosine segments (PyTorch <c>anneal_strategy="linear"</c>).</summary>
        public bool Linear { get; set; }

        /// <summary>PyTorch's <c>three_phase</c>: back to the start symmetrically, then down to the end.</summary>
        public bool ThreePhase { get; set; }

        /// <summary>Also cycles the momentum against the rate (PyTorch's <c>cycle_momentum=True</c>): the text's <c>momentum</c> option, with its default levels unless <see cref="MomentumLow"/> and <see cref="MomentumHigh"/> are set.</summary>
        public bool CycleMomentum { get; set; }

        /// <summary>The momentum at the rate's peak (<c>momentum lo to hi</c>); set with <see cref="MomentumHigh"/>.</summary>
        public double MomentumLow { get; set; }

        /// <summary>The momentum where the rate is lowest, and outside the phase; set with <see cref="MomentumLow"/>.</summary>
        public double MomentumHigh { get; set; }
    }

    /// <summary><c>piecewise v0 until b1, v1 until b2, …, vn</c>: one more value than boundaries.</summary>
    public sealed class PiecewiseAttribute : SchedulePhaseAttribute
    {
        /// <summary>Constant pieces: <paramref name="values"/>[i] until <paramref name="boundaries"/>[i], the last value after.</summary>
        public PiecewiseAttribute(double[] values, int[] boundaries)
        {
            Values = values;
            Boundaries = boundaries;
        }

        /// <summary>The level of each piece; one more than the boundaries.</summary>
        public double[] Values { get; }

        /// <summary>The time indices at which the next piece begins, in increasing order.</summary>
        public int[] Boundaries { get; }
    }

    /// <summary><c>plateau factor f patience p …</c> (PyTorch <c>ReduceLROnPlateau</c>).</summary>
    public sealed class PlateauAttribute : SchedulePhaseAttribute
    {
        /// <summary>Multiplies the level by <paramref name="factor"/> when the metric has not improved for more than <paramref name="patience"/> time units.</summary>
        public PlateauAttribute(double factor, int patience)
        {
            Factor = factor;
            Patience = patience;
        }

        /// <summary>The factor applied at each reduction.</summary>
        public double Factor { get; }

        /// <summary>Time units without improvement tolerated before a reduction.</summary>
        public int Patience { get; }

        /// <summary>Time units to wait after a reduction before counting again; unset: 0.</summary>
        public int Cooldown { get; set; }

        /// <summary>The relative improvement that counts; unset: 1e-4.</summary>
        public double Threshold { get; set; }

        /// <summary>The threshold is an absolute change of the metric (PyTorch <c>threshold_mode='abs'</c>, <c>absolute</c>).</summary>
        public bool AbsoluteThreshold { get; set; }

        /// <summary>Whether the metric should fall or rise.</summary>
        public PlateauMode Mode { get; set; }

        /// <summary>The lowest level reductions go to (PyTorch <c>min_lr</c>); unset: 0.</summary>
        public double Floor { get; set; }
    }
}
