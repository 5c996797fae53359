using System.Collections.Generic;

namespace ScheduleDsl
{
    /// <summary>One top-level phase of a schedule: where it starts, how long it runs, its text and its sentence.</summary>
    public sealed class SchedulePhase
    {
        internal SchedulePhase(long start, long? length, string text, string sentence)
        {
            Start = start;
            Length = length;
            Text = text;
            Sentence = sentence;
        }

        /// <summary>The first time index of the phase.</summary>
        public long Start { get; }

        /// <summary>How many time indices the phase lasts; null for the open-ended last phase.</summary>
        public long? Length { get; }

        /// <summary>The last time index of the phase; null when it is open-ended.</summary>
        public long? Last => Length is long n ? Start + n - 1 : null;

        /// <summary>The phase in canonical text: <c>warmup linear 5</c>.</summary>
        public string Text { get; }

        /// <summary>The phase in English, one sentence ending in a full stop.</summary>
        public string Sentence { get; }

        /// <summary>The range the phase covers, as <c>schedule explain</c> prints it: <c>t 0–4</c> or <c>t ≥ 5</c>.</summary>
        public string Range => Length is long n
            ? "t " + Start.ToString(System.Globalization.CultureInfo.InvariantCulture) + "–" + (Start + n - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : "t ≥ " + Start.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>One channel of a schedule: the hyperparameter, whether its values are absolute, and its top-level phases.</summary>
    public sealed class ScheduleChannelDescription
    {
        internal ScheduleChannelDescription(ScheduleChannel channel, bool isAbsolute, bool fromMomentumOption, long? length, string summary, IReadOnlyList<SchedulePhase> phases)
        {
            Channel = channel;
            IsAbsolute = isAbsolute;
            FromMomentumOption = fromMomentumOption;
            Length = length;
            Summary = summary;
            Phases = phases;
        }

        /// <summary>The hyperparameter this channel drives.</summary>
        public ScheduleChannel Channel { get; }

        /// <summary>True when the values are absolute; false when they are factors of the optimizer's configured value.</summary>
        public bool IsAbsolute { get; }

        /// <summary>True for the momentum channel that a <c>onecycle</c>/<c>cyclic</c> kernel's <c>momentum</c> option adds.</summary>
        public bool FromMomentumOption { get; }

        /// <summary>The time index from which the channel's value no longer changes; null when it never settles.</summary>
        public long? Length { get; }

        /// <summary>One sentence about the channel's values.</summary>
        public string Summary { get; }

        /// <summary>The channel's top-level phases, in order.</summary>
        public IReadOnlyList<SchedulePhase> Phases { get; }
    }

    /// <summary>What a valid schedule text says, without evaluating it: its canonical form, unit, phases and their sentences.</summary>
    public sealed class ScheduleDescription
    {
        internal ScheduleDescription(string text, string canonicalText, ScheduleUnit unit, bool isAbsolute, bool dependsOnMetric, long? length, string summary, IReadOnlyList<SchedulePhase> phases, long? stepsPerEpoch, IReadOnlyList<ScheduleChannelDescription> channels)
        {
            Channels = channels;
            StepsPerEpoch = stepsPerEpoch;
            Text = text;
            CanonicalText = canonicalText;
            Unit = unit;
            IsAbsolute = isAbsolute;
            DependsOnMetric = dependsOnMetric;
            Length = length;
            Summary = summary;
            Phases = phases;
        }

        /// <summary>The text as written.</summary>
        public string Text { get; }

        /// <summary>The schedule in canonical form (single spaces, clauses in a fixed order, shortest numbers).</summary>
        public string CanonicalText { get; }

        /// <summary>The header's <c>steps-per-epoch N</c> (what <c>K epochs</c> means in a per-step schedule); null when not written.</summary>
        public long? StepsPerEpoch { get; }

        /// <summary>What one time index counts.</summary>
        public ScheduleUnit Unit { get; }

        /// <summary>Every channel the text schedules (the learning rate, momentum, weight decay), in text order.</summary>
        public IReadOnlyList<ScheduleChannelDescription> Channels { get; }

        /// <summary>True when the values are absolute learning rates (an <c>lr</c> header), false when they are factors.</summary>
        public bool IsAbsolute { get; }

        /// <summary>True when a <c>plateau</c> phase makes the values depend on observed metrics.</summary>
        public bool DependsOnMetric { get; }

        /// <summary>The time index from which the value no longer changes, when the schedule has one; null when it never settles.</summary>
        public long? Length { get; }

        /// <summary>One sentence about the whole schedule: factors or rates, the unit, a floor, metric dependence.</summary>
        public string Summary { get; }

        /// <summary>The learning-rate channel's top-level phases (the parts joined by <c>-&gt;</c>), in order; empty when the text does not schedule the rate.</summary>
        public IReadOnlyList<SchedulePhase> Phases { get; }
    }
}
