using System;
using System.Collections.Generic;
using ScheduleDsl.Language;

namespace ScheduleDsl
{
    /// <summary>Parses schedule text at run time. For schedules known at build time, prefer <c>[Schedule("…")]</c>.</summary>
    public static class Schedule
    {
        private static readonly IReadOnlyDictionary<string, Func<long, double, double>> NoFunctions = new Dictionary<string, Func<long, double, double>>();

        /// <summary>
        /// Parses a schedule; the result implements <see cref="IHyperparameterSchedule"/>, and <see cref="IMetricSchedule"/>
        /// when it holds a <c>plateau</c> phase. A <c>custom NAME</c> needs the overload that takes the functions.
        /// </summary>
        /// <exception cref="ScheduleParseException">The text has errors; the exception lists them all.</exception>
        public static ILearningRateSchedule Parse(string text) => Parse(text, NoFunctions);

        /// <summary>
        /// Parses a schedule whose <c>custom NAME</c> phases call <paramref name="functions"/>[NAME](t, level): <c>t</c> is the
        /// phase's local time, <c>level</c> the level it comes in with. A name not given is LRS0012. A function must be pure;
        /// a value it returns that is not finite or is below 0 makes <c>At</c> throw <see cref="InvalidOperationException"/>.
        /// </summary>
        /// <exception cref="ScheduleParseException">The text has errors; the exception lists them all.</exception>
        public static ILearningRateSchedule Parse(string text, IReadOnlyDictionary<string, Func<long, double, double>> functions)
        {
            if (!TryParse(text, functions, out ILearningRateSchedule? schedule, out IReadOnlyList<ScheduleDiagnostic> diagnostics))
            {
                throw new ScheduleParseException(text, diagnostics);
            }

            return schedule!;
        }

        /// <summary>Parses a schedule; returns false with the diagnostics (errors, warnings, infos) when it has errors.</summary>
        public static bool TryParse(string text, out ILearningRateSchedule? schedule, out IReadOnlyList<ScheduleDiagnostic> diagnostics) =>
            TryParse(text, NoFunctions, out schedule, out diagnostics);

        /// <summary>Parses a schedule with its <c>custom</c> functions by name; returns false with the diagnostics when it has errors.</summary>
        public static bool TryParse(string text, IReadOnlyDictionary<string, Func<long, double, double>> functions, out ILearningRateSchedule? schedule, out IReadOnlyList<ScheduleDiagnostic> diagnostics)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            if (functions == null)
            {
                throw new ArgumentNullException(nameof(functions));
            }

            foreach (KeyValuePair<string, Func<long, double, double>> pair in functions)
            {
                if (pair.Value == null)
                {
                    throw new ArgumentException("The function '" + pair.Key + "' is null.", nameof(functions));
                }
            }

            ParseResult result = Parser.Parse(text, functions);
            diagnostics = result.Diagnostics;
            if (result.Model == null)
            {
                schedule = null;
                return false;
            }

            schedule = result.Model.IsStateful ? new InterpretedMetricSchedule(result.Model) : new InterpretedSchedule(result.Model);
            return true;
        }

        /// <summary>Every diagnostic of a text (errors, warnings and infos), in text order; empty for a clean schedule.</summary>
        public static IReadOnlyList<ScheduleDiagnostic> Check(string text)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            return Parser.Parse(text).Diagnostics;
        }

        /// <summary>Describes a valid schedule: canonical text, unit, and each phase with its range and English sentence.</summary>
        /// <exception cref="ScheduleParseException">The text has errors.</exception>
        public static ScheduleDescription Describe(string text)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            ParseResult result = Parser.Parse(text);
            Language.Model.ScheduleModel model = result.Model ?? throw new ScheduleParseException(text, result.Diagnostics);
            var channels = new List<ScheduleChannelDescription>();
            foreach (Language.Model.ChannelModel channel in model.Channels)
            {
                var phases = new List<SchedulePhase>();
                foreach (PhaseExplanation phase in Explainer.Explain(model, channel))
                {
                    phases.Add(new SchedulePhase(phase.Start, phase.Duration, phase.Text, phase.Sentence));
                }

                channels.Add(new ScheduleChannelDescription(channel.Channel, channel.IsAbsolute, channel.IsDerived, channel.Root.Duration, Explainer.Summary(model, channel), phases));
            }

            ScheduleChannelDescription? rate = channels.Find(c => c.Channel == ScheduleChannel.LearningRate);
            return new ScheduleDescription(
                text,
                CanonicalWriter.Write(model),
                model.Unit,
                rate?.IsAbsolute ?? false,
                model.IsStateful,
                rate != null ? rate.Length : 0,
                Explainer.Summary(model),
                rate?.Phases ?? new List<SchedulePhase>(),
                model.StepsPerEpoch?.AsLong,
                channels);
        }

        /// <summary>The summary, then one English sentence per phase of each channel (prefixed by the channel when there are several), of a valid schedule.</summary>
        /// <exception cref="ScheduleParseException">The text has errors.</exception>
        public static IReadOnlyList<string> Explain(string text)
        {
            ScheduleDescription description = Describe(text);
            var sentences = new List<string> { description.Summary };
            bool named = description.Channels.Count > 1 || description.Channels[0].Channel != ScheduleChannel.LearningRate;
            foreach (ScheduleChannelDescription channel in description.Channels)
            {
                foreach (SchedulePhase phase in channel.Phases)
                {
                    sentences.Add(named ? ChannelNames.Title(channel.Channel) + ": " + phase.Sentence : phase.Sentence);
                }
            }

            return sentences;
        }
    }
}
