using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace ScheduleDsl.TorchSharp
{
    /// <summary>
    /// What a <see cref="ScheduleDriver"/> needs to resume exactly: each group's schedule (as canonical text, checked on
    /// restore), the time index, plateau states, and the groups' base rate, momentum and weight decay that factor channels
    /// multiply (the optimizer's own state dict holds the values the schedule last set, not these).
    /// </summary>
    public sealed class ScheduleDriverState
    {
        private const int FormatVersion = 1;

        internal ScheduleDriverState(string[] schedules, long time, MetricScheduleState?[] plateaus, double[] baseRates, double[] baseMomenta, double[] baseWeightDecays)
        {
            Schedules = schedules;
            Time = time;
            Plateaus = plateaus;
            BaseRates = baseRates;
            BaseMomenta = baseMomenta;
            BaseWeightDecays = baseWeightDecays;
        }

        /// <summary>Each group's schedule in canonical text (one entry when all groups share a schedule).</summary>
        public IReadOnlyList<string> Schedules { get; }

        /// <summary>The time index the optimizer is at: the next step or epoch uses the values of this index.</summary>
        public long Time { get; }

        /// <summary>The plateau state of each schedule; null for a schedule without a plateau.</summary>
        public IReadOnlyList<MetricScheduleState?> Plateaus { get; }

        /// <summary>Each group's initial learning rate, which factor schedules multiply.</summary>
        public IReadOnlyList<double> BaseRates { get; }

        /// <summary>Each group's momentum or β₁ before the schedule drove it (NaN for a group without one).</summary>
        public IReadOnlyList<double> BaseMomenta { get; }

        /// <summary>Each group's weight decay before the schedule drove it (NaN for a group without one).</summary>
        public IReadOnlyList<double> BaseWeightDecays { get; }

        /// <summary>Writes the state as JSON, numbers in round-trip form, to sit beside TorchSharp's <c>save_state_dict</c> file.</summary>
        public void Save(string path)
        {
            if (path == null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            string temporary = path + ".tmp";
            using (FileStream stream = File.Create(temporary))
            {
                Write(stream);
            }

            File.Move(temporary, path, overwrite: true);
        }

        /// <summary>Writes the state as JSON to <paramref name="stream"/>.</summary>
        public void Write(Stream stream)
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteNumber("format", FormatVersion);
            json.WriteNumber("time", Time);
            json.WriteStartArray("schedules");
            for (int i = 0; i < Schedules.Count; i++)
            {
                json.WriteStartObject();
                json.WriteString("text", Schedules[i]);
                if (Plateaus[i] is MetricScheduleState metric)
                {
                    json.WriteNumber("observations", metric.Observations);
                    json.WriteStartArray("plateaus");
                    foreach (PlateauState p in metric.Plateaus)
                    {
                        json.WriteStartObject();
                        json.WriteBoolean("started", p.Started);
                        json.WriteNumber("level", p.Level);
                        json.WriteNumber("best", p.Best);
                        json.WriteNumber("bad", p.BadCount);
                        json.WriteNumber("cooldown", p.CooldownLeft);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteNumbers(json, "base_rates", BaseRates);
            WriteNumbers(json, "base_momenta", BaseMomenta);
            WriteNumbers(json, "base_weight_decays", BaseWeightDecays);
            json.WriteEndObject();
        }

        /// <summary>Reads a state written by <see cref="Save"/>.</summary>
        /// <exception cref="InvalidDataException">The file is not a driver state, or is damaged.</exception>
        public static ScheduleDriverState Load(string path)
        {
            if (path == null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            using FileStream stream = File.OpenRead(path);
            return Read(stream, path);
        }

        /// <summary>Reads a state written by <see cref="Write"/>; <paramref name="source"/> names it in messages.</summary>
        public static ScheduleDriverState Read(Stream stream, string source = "the stream")
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(stream);
                JsonElement root = document.RootElement;
                int format = root.GetProperty("format").GetInt32();
                if (format != FormatVersion)
                {
                    throw new InvalidDataException(source + " is a schedule-driver state of format " + format + "; this version reads format " + FormatVersion + ".");
                }

                var texts = new List<string>();
                var plateaus = new List<MetricScheduleState?>();
                foreach (JsonElement schedule in root.GetProperty("schedules").EnumerateArray())
                {
                    texts.Add(schedule.GetProperty("text").GetString() ?? throw new InvalidDataException(source + " has a schedule without text."));
                    if (schedule.TryGetProperty("plateaus", out JsonElement saved))
                    {
                        var states = new List<PlateauState>();
                        foreach (JsonElement p in saved.EnumerateArray())
                        {
                            states.Add(new PlateauState(
                                p.GetProperty("started").GetBoolean(), p.GetProperty("level").GetDouble(), p.GetProperty("best").GetDouble(), p.GetProperty("bad").GetInt32(), p.GetProperty("cooldown").GetInt32()));
                        }

                        plateaus.Add(new MetricScheduleState(schedule.GetProperty("observations").GetInt64(), states));
                    }
                    else
                    {
                        plateaus.Add(null);
                    }
                }

                long time = root.GetProperty("time").GetInt64();
                if (time < 0)
                {
                    throw new InvalidDataException(source + " holds a negative time index (" + time + ").");
                }

                return new ScheduleDriverState(
                    texts.ToArray(), time, plateaus.ToArray(), ReadNumbers(root, "base_rates"), ReadNumbers(root, "base_momenta"), ReadNumbers(root, "base_weight_decays"));
            }
            catch (Exception e) when (e is JsonException || e is KeyNotFoundException || e is InvalidOperationException || e is FormatException)
            {
                throw new InvalidDataException(source + " is not a schedule-driver state: " + e.Message, e);
            }
        }

        private static void WriteNumbers(Utf8JsonWriter json, string name, IReadOnlyList<double> values)
        {
            // NaN (a group without that hyperparameter) is not a JSON number: written as null.
            json.WriteStartArray(name);
            foreach (double value in values)
            {
                if (double.IsNaN(value))
                {
                    json.WriteNullValue();
                }
                else
                {
                    json.WriteNumberValue(value);
                }
            }

            json.WriteEndArray();
        }

        private static double[] ReadNumbers(JsonElement root, string name)
        {
            var values = new List<double>();
            foreach (JsonElement value in root.GetProperty(name).EnumerateArray())
            {
                values.Add(value.ValueKind == JsonValueKind.Null ? double.NaN : value.GetDouble());
            }

            return values.ToArray();
        }
    }
}
