using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace ScheduleDsl.Training
{
    /// <summary>
    /// Weights and checkpoints in safetensors files. Weights: Dense layer k (counting Dense layers only) as
    /// <c>layers.{k}.weight</c> <c>[out, in]</c> and <c>layers.{k}.bias</c> <c>[out]</c>, F32, row-major — the layout of a
    /// PyTorch <c>nn.Linear</c> in an <c>nn.Sequential</c> of Linear layers, so weights move both ways. A checkpoint adds the
    /// optimizer's state tensors (<c>optimizer.{parameter}.{slot}</c>) and, in the metadata, the epoch, the step, the
    /// shuffling generator's state and the schedule's state: loading it and training on gives exactly what an
    /// uninterrupted run gives.
    /// </summary>
    public static class Checkpoint
    {
        private const string Format = "scheduledsl-checkpoint/1";

        /// <summary>Saves only the weights and biases (<c>layers.{k}.weight</c>, <c>layers.{k}.bias</c>) as safetensors, to load with <see cref="LoadWeights"/> or elsewhere.</summary>
        public static void SaveWeights(Sequential model, string path) => SafeTensors.Write(path, WeightTensors(model));

        /// <summary>Loads weights saved by <see cref="SaveWeights"/> or by PyTorch (same names and shapes).</summary>
        public static void LoadWeights(Sequential model, string path)
        {
            (IReadOnlyList<NamedTensor> tensors, _) = SafeTensors.Read(path);
            Assign(model, tensors, path, includeOptimizer: false);
            model.MarkInitialized();
        }

        /// <summary>
        /// Saves everything needed to resume training exactly, with the input standardization the model was trained on
        /// (when there is one). The previous file at <paramref name="path"/> is replaced only once the new one is complete.
        /// </summary>
        public static void Save(Sequential model, string path, ILearningRateSchedule? schedule = null, Standardization? inputs = null)
        {
            if (!model.IsInitialized)
            {
                throw new InvalidOperationException("The model has no weights to save yet.");
            }

            var tensors = WeightTensors(model);
            foreach ((string name, float[] values) in model.Optimizer.State(model.Parameters, model.ParameterNames))
            {
                tensors.Add(new NamedTensor(name, new[] { values.Length }, values));
            }

            var metadata = new Dictionary<string, string>
            {
                ["format"] = Format,
                ["architecture"] = Architecture(model),
                ["loss"] = model.Loss.ToString(),
                ["optimizer"] = model.Optimizer.Describe(),
                ["optimizer_iterations"] = model.Optimizer.Iterations.ToString(CultureInfo.InvariantCulture),
                ["epoch"] = model.Progress.Epoch.ToString(CultureInfo.InvariantCulture),
                ["step"] = model.Progress.Step.ToString(CultureInfo.InvariantCulture),
                ["rng"] = string.Join(",", model.Progress.Rng.State.Select(s => s.ToString(CultureInfo.InvariantCulture))),
            };
            if (schedule != null)
            {
                metadata["schedule"] = schedule.ToString() ?? string.Empty;
                if (schedule is IMetricSchedule metric)
                {
                    metadata["schedule_state"] = SerializeState(metric.GetState());
                }
            }

            if (inputs != null)
            {
                (metadata["input_mean"], metadata["input_scale"]) = inputs.ToText();
            }

            metadata[ChecksumKey] = Checksum(tensors, metadata);
            SafeTensors.Write(path, tensors, metadata);
        }

        /// <summary>The input standardization a checkpoint was trained with (<see cref="Save"/>'s <c>inputs</c>), or null.</summary>
        /// <exception cref="InvalidDataException">The file is not readable, or its standardization is damaged.</exception>
        public static Standardization? ReadStandardization(string path)
        {
            (_, IReadOnlyDictionary<string, string> metadata) = SafeTensors.Read(path);
            return metadata.TryGetValue("input_mean", out string? mean) && metadata.TryGetValue("input_scale", out string? scale)
                ? Standardization.FromText(mean, scale, path)
                : null;
        }

        /// <summary>The metadata key of the SHA-256 over every tensor (name, shape, values) and every other metadata entry.</summary>
        public const string ChecksumKey = "sha256";

        /// <summary>
        /// SHA-256 over the tensors in order (name, shape, the float bits) and the other metadata entries in ordinal key order,
        /// so any flipped bit in the data or the header is detected on load.
        /// </summary>
        private static string Checksum(IReadOnlyList<NamedTensor> tensors, IReadOnlyDictionary<string, string> metadata)
        {
            using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            void AppendText(string text)
            {
                byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text);
                AppendLength(bytes.Length);
                hash.AppendData(bytes);
            }

            void AppendLength(long value)
            {
                Span<byte> buffer = stackalloc byte[8];
                System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(buffer, value);
                hash.AppendData(buffer);
            }

            foreach (NamedTensor tensor in tensors)
            {
                AppendText(tensor.Name);
                AppendLength(tensor.Shape.Length);
                foreach (int dimension in tensor.Shape)
                {
                    AppendLength(dimension);
                }

                AppendLength(tensor.Values.Length);
                hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(tensor.Values.AsSpan()));
            }

            foreach (string key in metadata.Keys.Where(k => k != ChecksumKey).OrderBy(k => k, StringComparer.Ordinal))
            {
                AppendText(key);
                AppendText(metadata[key]);
            }

            return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
        }

        private static string Required(IReadOnlyDictionary<string, string> metadata, string key, string path) =>
            metadata.TryGetValue(key, out string? value) ? value : throw new InvalidDataException("'" + path + "' is not a ScheduleDsl checkpoint: its metadata has no '" + key + "'.");

        /// <summary>A whole number from the metadata, checked against its range; anything else is named in an <see cref="InvalidDataException"/>.</summary>
        private static long Count(IReadOnlyDictionary<string, string> metadata, string key, string path, long maximum)
        {
            string text = Required(metadata, key, path);
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value > maximum)
            {
                throw new InvalidDataException("'" + path + "' holds '" + key + "' = '" + text + "', which is not a whole number from 0 to " + maximum.ToString(CultureInfo.InvariantCulture) + ".");
            }

            return value;
        }

        /// <summary>
        /// Rebuilds the model a checkpoint was saved from — its layers, loss and optimizer, read from the checkpoint's own
        /// description of them — restores its weights, optimizer state and progress, and parses the schedule it was
        /// trained with (with its plateau state), so training can go on from the file alone.
        /// </summary>
        /// <returns>The compiled model and the saved schedule (null when it was saved without one).</returns>
        /// <exception cref="InvalidDataException">The file is damaged, or describes a layer, loss or optimizer this trainer does not have.</exception>
        public static (Sequential Model, ILearningRateSchedule? Schedule) Restore(string path)
        {
            (_, IReadOnlyDictionary<string, string> metadata) = SafeTensors.Read(path);
            string Require(string key) => Required(metadata, key, path);
            if (Require("format") != Format)
            {
                throw new InvalidDataException("'" + path + "' is a checkpoint of format '" + metadata["format"] + "', not '" + Format + "'.");
            }

            Sequential model;
            try
            {
                model = new Sequential(Descriptions.Layers(Require("architecture"), path));
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException("'" + path + "' describes layers that do not fit together: " + e.Message, e);
            }

            model.Compile(Descriptions.Loss(Require("loss"), path), Descriptions.Optimizer(Require("optimizer"), path));
            ILearningRateSchedule? schedule = null;
            if (metadata.TryGetValue("schedule", out string? text))
            {
                if (!Schedule.TryParse(text, out schedule, out _))
                {
                    throw new InvalidDataException("'" + path + "' holds a schedule this version cannot read: '" + text + "'.");
                }
            }

            Load(model, path, schedule);
            return (model, schedule);
        }

        /// <summary>
        /// Restores a checkpoint into a model built and compiled as the one that saved it (same layers, loss and optimizer
        /// settings), and into its schedule's state.
        /// </summary>
        /// <param name="model">A model built and compiled as the one that saved the checkpoint.</param>
        /// <param name="path">The checkpoint.</param>
        /// <param name="schedule">The schedule training goes on with; it must be the one saved, unless <paramref name="acceptScheduleChange"/>.</param>
        /// <param name="acceptScheduleChange">
        /// Go on with another schedule (or none) than the one the checkpoint was saved with; a saved plateau state is then
        /// not restored.
        /// </param>
        /// <exception cref="InvalidDataException">The file is damaged (its checksum does not match), of another model, or holds a field out of range.</exception>
        public static void Load(Sequential model, string path, ILearningRateSchedule? schedule = null, bool acceptScheduleChange = false)
        {
            (IReadOnlyList<NamedTensor> tensors, IReadOnlyDictionary<string, string> metadata) = SafeTensors.Read(path);
            string Require(string key) => Required(metadata, key, path);
            if (Require("format") != Format)
            {
                throw new InvalidDataException("'" + path + "' is a checkpoint of format '" + metadata["format"] + "', not '" + Format + "'.");
            }

            if (!metadata.TryGetValue(ChecksumKey, out string? recorded))
            {
                throw new InvalidDataException("'" + path + "' has no integrity checksum ('" + ChecksumKey + "' in its metadata), so damage could not be detected; it was not written by Checkpoint.Save.");
            }

            if (!string.Equals(recorded, Checksum(tensors, metadata), StringComparison.Ordinal))
            {
                throw new InvalidDataException("'" + path + "' is damaged: its contents do not match the SHA-256 recorded when it was saved.");
            }

            string? saved = metadata.TryGetValue("schedule", out string? savedText) ? savedText : null;
            string? given = schedule == null ? null : schedule.ToString() ?? string.Empty;
            if (saved != given && !acceptScheduleChange)
            {
                throw new InvalidDataException(saved == null
                    ? "'" + path + "' was saved without a schedule, but training would go on with '" + given + "'; say so to change it."
                    : given == null
                        ? "'" + path + "' was saved with the schedule '" + saved + "'; give that schedule to resume (or say so to go on without it)."
                        : "'" + path + "' was saved with the schedule '" + saved + "', not '" + given + "'; say so to change it.");
            }

            Check(path, "architecture", Require("architecture"), Architecture(model));
            Check(path, "loss", Require("loss"), model.Loss.ToString());
            Check(path, "optimizer", Require("optimizer"), model.Optimizer.Describe());
            string[] rngText = Require("rng").Split(',');
            var rng = new ulong[rngText.Length];
            for (int i = 0; i < rngText.Length; i++)
            {
                if (!ulong.TryParse(rngText[i], NumberStyles.None, CultureInfo.InvariantCulture, out rng[i]))
                {
                    throw new InvalidDataException("'" + path + "' holds a generator state 'rng' with a part '" + rngText[i] + "' that is not a 64-bit whole number.");
                }
            }

            int epoch = (int)Count(metadata, "epoch", path, int.MaxValue);
            long step = Count(metadata, "step", path, long.MaxValue);
            long iterations = Count(metadata, "optimizer_iterations", path, long.MaxValue);
            Rng restoredRng;
            try
            {
                restoredRng = Rng.FromState(rng);
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException("'" + path + "' holds a generator state that cannot be restored: " + e.Message);
            }

            MetricScheduleState? state = null;
            if (schedule is IMetricSchedule current && saved == given)
            {
                state = DeserializeState(Require("schedule_state"), path);
                if (state.Plateaus.Count != current.GetState().Plateaus.Count)
                {
                    throw new InvalidDataException("'" + path + "' holds the state of " + state.Plateaus.Count + " plateau phase(s), but the schedule has " + current.GetState().Plateaus.Count + ".");
                }
            }

            // Everything is checked before anything is changed, so a bad file leaves the model as it was.
            Assign(model, tensors, path, includeOptimizer: true);
            model.Optimizer.Iterations = iterations;
            model.Restore(new TrainingProgress(epoch, step, restoredRng));
            model.MarkInitialized();
            if (schedule is IMetricSchedule metric && state != null)
            {
                metric.SetState(state);
            }
        }

        private static List<NamedTensor> WeightTensors(Sequential model)
        {
            var tensors = new List<NamedTensor>();
            for (int i = 0; i < model.Parameters.Count; i++)
            {
                tensors.Add(new NamedTensor(model.ParameterNames[i], model.Parameters[i].Shape, model.Parameters[i].Value));
            }

            return tensors;
        }

        private static void Assign(Sequential model, IReadOnlyList<NamedTensor> tensors, string path, bool includeOptimizer)
        {
            var byName = new Dictionary<string, NamedTensor>(StringComparer.Ordinal);
            foreach (NamedTensor tensor in tensors)
            {
                byName[tensor.Name] = tensor;
            }

            var assignments = new List<(float[] Target, float[] Source)>();
            for (int i = 0; i < model.Parameters.Count; i++)
            {
                Parameter parameter = model.Parameters[i];
                string name = model.ParameterNames[i];
                if (!byName.TryGetValue(name, out NamedTensor? tensor))
                {
                    throw new InvalidDataException("'" + path + "' has no tensor '" + name + "' for this model.");
                }

                if (!tensor.Shape.SequenceEqual(parameter.Shape))
                {
                    throw new InvalidDataException("'" + path + "' holds '" + name + "' with shape [" + string.Join(", ", tensor.Shape) + "], but this model's is [" + string.Join(", ", parameter.Shape) + "].");
                }

                assignments.Add((parameter.Value, tensor.Values));
            }

            if (includeOptimizer)
            {
                using IEnumerator<float[]> buffers = model.Optimizer.Buffers().GetEnumerator();
                foreach ((string name, float[] values) in model.Optimizer.State(model.Parameters, model.ParameterNames))
                {
                    buffers.MoveNext();
                    if (!byName.TryGetValue(name, out NamedTensor? tensor) || tensor.Values.Length != values.Length)
                    {
                        throw new InvalidDataException("'" + path + "' has no optimizer state '" + name + "' of " + values.Length + " values; was it saved with another optimizer?");
                    }

                    assignments.Add((buffers.Current, tensor.Values));
                }
            }

            foreach ((float[] target, float[] source) in assignments)
            {
                source.AsSpan().CopyTo(target);
            }
        }

        private static void Check(string path, string what, string saved, string current)
        {
            if (saved != current)
            {
                throw new InvalidDataException("'" + path + "' was saved from a model with " + what + " '" + saved + "', but this model has '" + current + "'.");
            }
        }

        /// <summary>The layers in a line: <c>dense(3→9, Relu) dense(9→3, Softmax)</c>.</summary>
        public static string Architecture(Sequential model) =>
            string.Join(" ", model.Layers.Select(layer => layer.Description));

        private static string SerializeState(MetricScheduleState state) =>
            JsonSerializer.Serialize(new
            {
                observations = state.Observations,
                plateaus = state.Plateaus.Select(p => new
                {
                    started = p.Started,
                    level = p.Level.ToString("R", CultureInfo.InvariantCulture),
                    best = p.Best.ToString("R", CultureInfo.InvariantCulture),
                    bad = p.BadCount,
                    cooldown = p.CooldownLeft,
                }).ToArray(),
            });

        private static MetricScheduleState DeserializeState(string json, string path)
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(json);
                JsonElement root = document.RootElement;
                var plateaus = new List<PlateauState>();
                foreach (JsonElement p in root.GetProperty("plateaus").EnumerateArray())
                {
                    plateaus.Add(new PlateauState(
                        p.GetProperty("started").GetBoolean(),
                        double.Parse(p.GetProperty("level").GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
                        double.Parse(p.GetProperty("best").GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
                        p.GetProperty("bad").GetInt32(),
                        p.GetProperty("cooldown").GetInt32()));
                }

                return new MetricScheduleState(root.GetProperty("observations").GetInt64(), plateaus);
            }
            catch (Exception e) when (e is JsonException || e is FormatException || e is KeyNotFoundException || e is InvalidOperationException
                || e is ArgumentException || e is OverflowException)
            {
                throw new InvalidDataException("'" + path + "' holds a schedule state that cannot be read: " + e.Message);
            }
        }
    }
}
