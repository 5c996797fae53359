using System;
using System.IO;
using System.Linq;
using Xunit;

namespace ScheduleDsl.Training.Tests
{
    /// <summary>safetensors files and checkpoints: layout, exact resume, and rejection of damaged files.</summary>
    public sealed class CheckpointTests : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "scheduledsl-checkpoints-" + Guid.NewGuid().ToString("N"));

        public CheckpointTests() => Directory.CreateDirectory(_directory);

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        private static Sequential Network(ILearningRateSchedule? _ = null)
        {
            var model = new Sequential(new Dense(3, 9, Activation.Relu), new Dense(9, 9, Activation.Relu), new Dense(9, 3, Activation.Softmax));
            model.Compile(Loss.CategoricalCrossEntropy, new Adam(learningRate: 0.01));
            return model;
        }

        [Fact]
        public void WeightsUseThePyTorchLayout()
        {
            Sequential model = Network();
            model.Initialize(3);
            string path = Path.Combine(_directory, "weights.safetensors");
            Checkpoint.SaveWeights(model, path);
            var (tensors, _) = SafeTensors.Read(path);
            Assert.Equal(new[] { "layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias", "layers.2.weight", "layers.2.bias" }, tensors.Select(t => t.Name).ToArray());
            Assert.Equal(new[] { 9, 3 }, tensors[0].Shape);
            Assert.Equal(new[] { 9 }, tensors[1].Shape);
            Assert.Equal(new[] { 3, 9 }, tensors[4].Shape);

            // The header: 8-byte little-endian length, JSON padded to 8 bytes, F32 dtype, offsets covering the data.
            byte[] bytes = File.ReadAllBytes(path);
            long length = BitConverter.ToInt64(bytes, 0);
            Assert.Equal(0, length % 8);
            string header = System.Text.Encoding.UTF8.GetString(bytes, 8, (int)length);
            Assert.Contains("\"layers.0.weight\":{\"dtype\":\"F32\",\"shape\":[9,3],\"data_offsets\":[0,108]}", header);
            Assert.Equal(8 + length + 4 * (27 + 9 + 81 + 9 + 27 + 3), bytes.Length);

            Sequential copy = Network();
            Checkpoint.LoadWeights(copy, path);
            Assert.Equal(model.Parameters.Select(p => p.Value), copy.Parameters.Select(p => p.Value));
        }

        [Fact]
        public void ResumingFromACheckpointGivesTheSameWeightsAndHistory()
        {
            (float[,] x, int[] labels) = TutorialData.Create(600, seed: 21);
            const string text = "lr 0.02: warmup linear 2 from 0.002 -> plateau factor 0.5 patience 0 threshold 0.01";

            var whole = Network();
            var wholeSchedule = Schedule.Parse(text);
            History all = whole.Fit(x, labels, new FitOptions { Epochs = 10, BatchSize = 50, Schedule = wholeSchedule, Seed = 5, ValidationSplit = 0.1 });

            var first = Network();
            var firstSchedule = Schedule.Parse(text);
            History part1 = first.Fit(x, labels, new FitOptions { Epochs = 4, BatchSize = 50, Schedule = firstSchedule, Seed = 5, ValidationSplit = 0.1 });
            string path = Path.Combine(_directory, "run.ckpt.safetensors");
            Checkpoint.Save(first, path, firstSchedule);

            // A new model and schedule, as a new process would build them.
            var resumed = Network();
            var resumedSchedule = Schedule.Parse(text);
            Checkpoint.Load(resumed, path, resumedSchedule);
            Assert.Equal(4, resumed.Progress.Epoch);
            History part2 = resumed.Fit(x, labels, new FitOptions { Epochs = 10, BatchSize = 50, Schedule = resumedSchedule, Seed = 5, ValidationSplit = 0.1 });

            EpochRecord[] expected = all.Epochs.Select(e => e with { Seconds = 0 }).ToArray();
            EpochRecord[] actual = part1.Epochs.Concat(part2.Epochs).Select(e => e with { Seconds = 0 }).ToArray();
            Assert.Equal(expected, actual);
            for (int i = 0; i < whole.Parameters.Count; i++)
            {
                Assert.Equal(whole.Parameters[i].Value, resumed.Parameters[i].Value);
            }
        }

        /// <summary>A checkpoint alone rebuilds its model (layers, loss, optimizer) and schedule, and resumes bit for bit.</summary>
        [Fact]
        public void RestoringFromTheFileAloneResumesExactly()
        {
            (float[,] x, int[] labels) = TutorialData.Create(600, seed: 22);
            const string text = "lr 0.01 per step: warmup linear 20 from 0.001 -> plateau factor 0.5 patience 3 threshold 0.01 absolute";
            static Sequential Build()
            {
                var model = new Sequential(new Dense(3, 9, Activation.Relu), new Dropout(9, 0.1), new Dense(9, 3, Activation.Softmax));
                model.Compile(Loss.CategoricalCrossEntropy, new Adam(0.01, beta1: 0.85));
                return model;
            }

            var whole = Build();
            History all = whole.Fit(x, labels, new FitOptions { Epochs = 6, BatchSize = 50, Schedule = Schedule.Parse(text), Seed = 3 });

            var first = Build();
            ILearningRateSchedule firstSchedule = Schedule.Parse(text);
            History part1 = first.Fit(x, labels, new FitOptions { Epochs = 2, BatchSize = 50, Schedule = firstSchedule, Seed = 3 });
            string path = Path.Combine(_directory, "alone.ckpt.safetensors");
            Checkpoint.Save(first, path, firstSchedule);

            (Sequential restored, ILearningRateSchedule? schedule) = Checkpoint.Restore(path);
            Assert.Equal(Checkpoint.Architecture(first), Checkpoint.Architecture(restored));
            Assert.Equal(first.Optimizer.Describe(), restored.Optimizer.Describe());
            Assert.Equal(firstSchedule.ToString(), schedule!.ToString());
            History part2 = restored.Fit(x, labels, new FitOptions { Epochs = 6, BatchSize = 50, Schedule = schedule, Seed = 3 });

            Assert.Equal(all.Epochs.Select(e => e with { Seconds = 0 }), part1.Epochs.Concat(part2.Epochs).Select(e => e with { Seconds = 0 }));
            for (int i = 0; i < whole.Parameters.Count; i++)
            {
                Assert.Equal(whole.Parameters[i].Value, restored.Parameters[i].Value);
            }
        }

        [Fact]
        public void TruncatedOrCorruptedFilesAreRejectedWithAReason()
        {
            Sequential model = Network();
            model.Initialize(1);
            string path = Path.Combine(_directory, "good.safetensors");
            Checkpoint.Save(model, path);
            byte[] good = File.ReadAllBytes(path);

            string Damaged(string name, byte[] bytes)
            {
                string damaged = Path.Combine(_directory, name);
                File.WriteAllBytes(damaged, bytes);
                return damaged;
            }

            var truncated = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(Network(), Damaged("truncated", good[..^7])));
            Assert.Contains("truncated", truncated.Message);
            Assert.Throws<InvalidDataException>(() => Checkpoint.Load(Network(), Damaged("short", good[..5])));
            byte[] badLength = (byte[])good.Clone();
            badLength[7] = 0x7f;
            Assert.Contains("header claims", Assert.Throws<InvalidDataException>(() => Checkpoint.Load(Network(), Damaged("length", badLength))).Message);
            byte[] badJson = (byte[])good.Clone();
            badJson[9] = (byte)'#';
            Assert.Contains("not valid JSON", Assert.Throws<InvalidDataException>(() => Checkpoint.Load(Network(), Damaged("json", badJson))).Message);
            Assert.Throws<FileNotFoundException>(() => Checkpoint.Load(Network(), Path.Combine(_directory, "missing")));

            var other = new Sequential(new Dense(3, 4, Activation.Relu), new Dense(4, 3, Activation.Softmax));
            other.Compile(Loss.CategoricalCrossEntropy, new Adam(learningRate: 0.01));
            Assert.Contains("architecture", Assert.Throws<InvalidDataException>(() => Checkpoint.Load(other, path)).Message);
            Sequential sgd = new Sequential(new Dense(3, 9, Activation.Relu), new Dense(9, 9, Activation.Relu), new Dense(9, 3, Activation.Softmax));
            sgd.Compile(Loss.CategoricalCrossEntropy, new Sgd());
            Assert.Contains("optimizer", Assert.Throws<InvalidDataException>(() => Checkpoint.Load(sgd, path)).Message);
        }

        [Fact]
        public void AFailedSaveLeavesThePreviousCheckpointWhole()
        {
            Sequential model = Network();
            model.Initialize(1);
            string path = Path.Combine(_directory, "keep.safetensors");
            Checkpoint.Save(model, path);
            byte[] before = File.ReadAllBytes(path);
            Assert.Throws<ArgumentException>(() => SafeTensors.Write(path, new[] { new NamedTensor("a", new[] { 2, 2 }, new float[3]) }));
            Assert.Equal(before, File.ReadAllBytes(path));
            Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
        }
    }
}
