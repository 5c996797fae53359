using System;

namespace ScheduleDsl
{
    /// <summary>
    /// Makes a <c>partial</c> class, struct or record a learning-rate schedule, compiled at build time by the ScheduleDsl
    /// source generator. Either give the schedule as text — <c>[Schedule("lr 1e-2: step 0.8 every 2")]</c> — or use the
    /// parameterless form with <see cref="Lr"/>, <see cref="Per"/>, <see cref="Min"/> and phase attributes such as
    /// <see cref="WarmupAttribute"/> and <see cref="StepDecayAttribute"/>, which run in the order they are written.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
    public sealed class ScheduleAttribute : Attribute
    {
        /// <summary>The attribute form: the phases come from the phase attributes on the same declaration.</summary>
        public ScheduleAttribute()
        {
        }

        /// <summary>The text form: the whole schedule in the language described at https://github.com/scheduledsl/scheduledsl/blob/main/docs/dsl.md.</summary>
        public ScheduleAttribute(string text)
        {
            Text = text;
        }

        /// <summary>The schedule text of the text form; null in the attribute form.</summary>
        public string? Text { get; }

        /// <summary>Attribute form: values are absolute rates starting at this rate (the <c>lr</c> header).</summary>
        public double Lr { get; set; }

        /// <summary>Attribute form: what one time index counts (the <c>per</c> header).</summary>
        public ScheduleUnit Per { get; set; }

        /// <summary>Attribute form: no value is below this (the <c>min</c> header).</summary>
        public double Min { get; set; }

        /// <summary>Attribute form: optimizer steps in one epoch (the <c>steps-per-epoch</c> header), which a trainer checks against its data.</summary>
        public int StepsPerEpoch { get; set; }
    }
}
