using System;
using System.Collections.Generic;
using ScheduleDsl.Language;

namespace ScheduleDsl
{
    /// <summary>Parses schedule text at run time. For schedules known at build time, prefer <c>[Schedule("…")]</c>.</summary>
    public static class Schedule
    {
        /// <summary>Parses a schedule; the result implements <see cref="IMetricSchedule"/> when it holds a <c>plateau</c> phase.</summary>
        /// <exception cref="ScheduleParseException">The text has errors; the exception lists them all.</exception>
        public static ILearningRateSchedule Parse(string text)
        {
            if (!TryParse(text, out ILearningRateSchedule? schedule, out IReadOnlyList<ScheduleDiagnostic> diagnostics))
            {
                throw new ScheduleParseException(text, diagnostics);
            }

            return schedule!;
        }

        /// <summary>Parses a schedule; returns false with the diagnostics (errors, warnings, infos) when it has errors.</summary>
        public static bool TryParse(string text, out ILearningRateSchedule? schedule, out IReadOnlyList<ScheduleDiagnostic> diagnostics)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            ParseResult result = Parser.Parse(text);
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
            var phases = new List<SchedulePhase>();
            foreach (PhaseExplanation phase in Explainer.Explain(model))
            {
                phases.Add(new SchedulePhase(phase.Start, phase.Duration, phase.Text, phase.Sentence));
            }

            return new ScheduleDescription(
                text, CanonicalWriter.Write(model), model.Unit, model.Lr != null, model.IsStateful, model.Root.Duration, Explainer.Summary(model), phases, model.StepsPerEpoch?.AsLong);
        }

        /// <summary>The summary, then one English sentence per phase, of a valid schedule.</summary>
        /// <exception cref="ScheduleParseException">The text has errors.</exception>
        public static IReadOnlyList<string> Explain(string text)
        {
            ScheduleDescription description = Describe(text);
            var sentences = new List<string> { description.Summary };
            foreach (SchedulePhase phase in description.Phases)
            {
                sentences.Add(phase.Sentence);
            }

            return sentences;
        }
    }
}
