using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace ScheduleDsl.Training.Tests
{
    [Schedule("lr 1e-2: step 0.8 every 2")]
    public partial struct TutorialDecay;

    [Schedule("lr 0.1 per step: warmup linear 20 from 0.01 -> cosine 80 to 1e-3")]
    public partial struct PerStepSchedule;

    /// <summary>Fit: correctness against a reference, determinism, schedules, callbacks, bad input, allocations.</summary>
    public class TrainingTests
    {
        private static Sequential TutorialNetwork(Optimizer? optimizer = null)
        {
            var model = new Sequential(
                new Dense(3, 9, Activation.Relu),
                new Dense(9, 9, Activation.Relu),
                new Dense(9, 9, Activation.Relu),
                new Dense(9, 3, Activation.Softmax));
            model.Compile(Loss.CategoricalCrossEntropy, optimizer ?? new Sgd(learningRate: 0.01));
            return model;
        }

        [Fact]
        public void TutorialTrainingMatchesAReferenceComputation()
        {
            (float[,] x, int[] labels) = TutorialData.Create(1000, seed: 1);
            Sequential model = TutorialNetwork();
            model.Initialize(42);
            var reference = new ReferenceTrainer(model);
            History history = model.Fit(x, labels, new FitOptions { Epochs = 10, BatchSize = 50, Schedule = new TutorialDecay(), Shuffle = false });
            for (int epoch = 0; epoch < 10; epoch++)
            {
                double lr = 1e-2 * Math.Pow(0.8, epoch / 2);
                double expected = reference.Epoch(x, labels, 50, lr);
                Assert.Equal(lr, history.Epochs[epoch].LearningRate, 12);
                Assert.True(Math.Abs(expected - history.Epochs[epoch].Loss) <= 1e-5 * expected, $"epoch {epoch}: reference {expected:R}, trainer {history.Epochs[epoch].Loss:R}");
            }
        }

        [Fact]
        public void TheSameSeedGivesTheSameHistoryBitForBit()
        {
            (float[,] x, int[] labels) = TutorialData.Create(1000, seed: 2);
            (float[,] vx, int[] vl) = TutorialData.Create(100, seed: 3);
            EpochRecord[] Run()
            {
                Sequential model = TutorialNetwork(new Adam());
                return model.Fit(x, labels, new FitOptions { Epochs = 4, BatchSize = 50, Seed = 9, ValidationX = vx, ValidationLabels = vl }).Epochs.Select(e => e with { Seconds = 0 }).ToArray();
            }

            Assert.Equal(Run(), Run());
        }

        [Fact]
        public void EpochSchedulesSetTheRateOfEachEpochAndFactorsMultiplyTheBaseRate()
        {
            (float[,] x, int[] labels) = TutorialData.Create(200, seed: 4);
            Sequential model = TutorialNetwork(new Sgd(learningRate: 0.05));
            History h = model.Fit(x, labels, epochs: 6, batchSize: 50, schedule: Schedule.Parse("step 0.5 every 2"), seed: 1);
            Assert.Equal(new[] { 0.05, 0.05, 0.025, 0.025, 0.0125, 0.0125 }, h.Epochs.Select(e => e.LearningRate).ToArray());
            Assert.All(h.Epochs, e => Assert.Equal(e.LearningRate, e.LastLearningRate));
        }

        [Fact]
        public void StepSchedulesSetTheRateOfEachStep()
        {
            (float[,] x, int[] labels) = TutorialData.Create(500, seed: 5);
            Sequential model = TutorialNetwork();
            History h = model.Fit(x, labels, epochs: 3, batchSize: 50, schedule: new PerStepSchedule(), seed: 1);
            var schedule = new PerStepSchedule();
            for (int epoch = 0; epoch < 3; epoch++)
            {
                Assert.Equal(schedule.At(epoch * 10), h.Epochs[epoch].LearningRate);
                Assert.Equal(schedule.At(epoch * 10 + 9), h.Epochs[epoch].LastLearningRate);
            }

            Assert.Equal(30, model.Progress.Step);
        }

        [Fact]
        public void PlateauSchedulesObserveTheValidationLoss()
        {
            (float[,] x, int[] labels) = TutorialData.Create(300, seed: 6);
            var schedule = (IMetricSchedule)Schedule.Parse("lr 0.05: plateau factor 0.5 patience 0 threshold 0.5");
            Sequential model = TutorialNetwork();
            History h = model.Fit(x, labels, new FitOptions { Epochs = 4, BatchSize = 50, Schedule = schedule, Seed = 1, ValidationSplit = 0.2 });
            Assert.Equal(4, schedule.Observations);
            // A relative threshold of 50% is never met after the first epoch, so the rate halves after every epoch from then on.
            Assert.Equal(new[] { 0.05, 0.05, 0.025, 0.0125 }, h.Epochs.Select(e => e.LearningRate).ToArray());
            Assert.All(h.Epochs, e => Assert.NotNull(e.ValidationLoss));
        }

        [Fact]
        public void APlateauScheduleOutOfStepWithTrainingIsRejected()
        {
            (float[,] x, int[] labels) = TutorialData.Create(100, seed: 6);
            var schedule = (IMetricSchedule)Schedule.Parse("plateau factor 0.5 patience 0");
            schedule.Observe(1);
            ArgumentException e = Assert.Throws<ArgumentException>(() => TutorialNetwork().Fit(x, labels, epochs: 1, schedule: schedule));
            Assert.Equal("schedule", e.ParamName);
        }

        [Fact]
        public void ANaNLossStopsTrainingNamingTheEpochAndBatch()
        {
            (float[,] x, int[] labels) = TutorialData.Create(500, seed: 7);
            var model = new Sequential(new Dense(3, 9, Activation.Linear), new Dense(9, 3, Activation.Linear));
            model.Compile(Loss.MeanSquaredError, new Sgd(learningRate: 1e6));
            History h = model.Fit(x, labels, epochs: 5, batchSize: 50, seed: 1);
            Assert.NotNull(h.StopReason);
            Assert.Matches(@"the loss became (NaN|infinite) at epoch 1, batch \d+", h.StopReason);
            Assert.Single(h.Epochs);
        }

        [Fact]
        public void EarlyStoppingStopsWhenTheLossNoLongerImproves()
        {
            (float[,] x, int[] labels) = TutorialData.Create(200, seed: 8);
            Sequential model = TutorialNetwork(new Sgd(learningRate: 0));
            History h = model.Fit(x, labels, new FitOptions { Epochs = 10, BatchSize = 50, Seed = 1, Callbacks = new[] { new EarlyStopping(patience: 1, minDelta: 1e-6) } });
            Assert.Equal(3, h.Epochs.Count);
            Assert.StartsWith("early stopping", h.StopReason);
        }

        [Fact]
        public void EarlyStoppingRestoresTheWeightsOfTheBestEpoch()
        {
            (float[,] x, int[] labels) = TutorialData.Create(200, seed: 8);
            Sequential model = TutorialNetwork(new Sgd(learningRate: 3, momentum: 0.9));
            var stopping = new EarlyStopping(patience: 1, monitor: EarlyStoppingMonitor.ValidationLoss, restoreBestWeights: true);
            History h = model.Fit(x, labels, new FitOptions { Epochs = 30, BatchSize = 50, Seed = 1, ValidationX = x, ValidationLabels = labels, Callbacks = new[] { stopping } });
            Assert.StartsWith("early stopping: the validation loss has not improved", h.StopReason);
            Assert.Contains("its weights were restored", h.StopReason);
            Assert.True(stopping.BestEpoch < h.Epochs.Count - 1);
            (double loss, _) = model.Evaluate(x, Dataset.OneHot(labels, 3, "labels"));
            Assert.Equal(h.Epochs[stopping.BestEpoch].ValidationLoss!.Value, loss, 12);
        }

        [Fact]
        public void EarlyStoppingOnAccuracyWaitsForAHigherValue()
        {
            (float[,] x, int[] labels) = TutorialData.Create(200, seed: 8);
            Sequential model = TutorialNetwork(new Sgd(learningRate: 0));
            History h = model.Fit(x, labels, new FitOptions { Epochs = 10, BatchSize = 50, Seed = 1, Callbacks = new[] { new EarlyStopping(patience: 2, monitor: EarlyStoppingMonitor.Accuracy) } });
            Assert.Equal(4, h.Epochs.Count);
            Assert.Contains("the training accuracy has not improved for 3 epochs", h.StopReason);
        }

        [Fact]
        public void ProgressLinesAreKerasLike()
        {
            (float[,] x, int[] labels) = TutorialData.Create(100, seed: 9);
            var output = new StringWriter();
            TutorialNetwork().Fit(x, labels, new FitOptions { Epochs = 2, BatchSize = 50, Schedule = new TutorialDecay(), Seed = 1, ValidationSplit = 0.2, Progress = output.WriteLine });
            string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            Assert.Matches(@"^Epoch 1/2 - \d+\.\d{3}s - loss: \d\.\d{4} - accuracy: \d\.\d{4} - val_loss: \d\.\d{4} - val_accuracy: \d\.\d{4} - lr: 0\.01\r?$", lines[0]);
        }

        [Fact]
        public void BadInputIsRejectedBeforeTrainingStarts()
        {
            (float[,] x, int[] labels) = TutorialData.Create(10, seed: 10);
            Sequential model = TutorialNetwork();
            Assert.Equal("x", Assert.Throws<ArgumentException>(() => model.Fit(new float[10, 4], labels, epochs: 1)).ParamName);
            Assert.Equal("x", Assert.Throws<ArgumentException>(() => model.Fit(new float[0, 3], new int[0], epochs: 1)).ParamName);
            Assert.Equal("labels", Assert.Throws<ArgumentException>(() => model.Fit(x, new int[10].Select((_, i) => i).ToArray(), epochs: 1)).ParamName);
            Assert.Equal("y", Assert.Throws<ArgumentException>(() => model.Fit(x, new float[9, 3], epochs: 1)).ParamName);
            Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => model.Fit(x, labels, epochs: 1, batchSize: 0)).ParamName);
            var nan = (float[,])x.Clone();
            nan[3, 1] = float.NaN;
            ArgumentException e = Assert.Throws<ArgumentException>(() => model.Fit(nan, labels, epochs: 1));
            Assert.Contains("x[3, 1] is NaN", e.Message);
            var bad = new float[10, 3];
            bad[0, 0] = 2;
            Assert.Contains("probabilities", Assert.Throws<ArgumentException>(() => model.Fit(x, bad, epochs: 1)).Message);
            Assert.Throws<InvalidOperationException>(() => new Sequential(new Dense(3, 3)).Fit(x, labels, epochs: 1));
            Assert.Throws<ArgumentException>(() => new Sequential(new Dense(3, 4), new Dense(5, 3)));
            Assert.False(model.IsInitialized);
        }

        [Fact]
        public void TrainingStepsAllocateNothingAfterTheFirst()
        {
            foreach ((Sequential model, int features, int classes, int batch) in new[]
            {
                (TutorialNetwork(new Adam()), 3, 3, 50),
                (Wide(), 784, 10, 128),
            })
            {
                model.Initialize(1);
                var random = new Random(1);
                var x = new float[batch * 2, features];
                var y = new float[batch * 2, classes];
                for (int i = 0; i < batch * 2; i++)
                {
                    for (int f = 0; f < features; f++)
                    {
                        x[i, f] = (float)random.NextDouble();
                    }

                    y[i, random.Next(classes)] = 1;
                }

                var data = Dataset.From(x, y, features, classes, model.Loss, "x", "y");
                int[] indices = Enumerable.Range(0, batch).ToArray();
                // Warm up as the first epoch would: buffers, the worker pool's first run, tiered JIT.
                for (int step = 0; step < 3; step++)
                {
                    model.TrainOn(data, indices, 0.01, out _);
                }

                // A step that allocates shows in every window; a one-time allocation of the runtime's own (seen once in a
                // loaded CI run: 2,184 bytes while the worker pool first blocked) shows in one at most.
                var windows = new List<long>();
                for (int window = 0; window < 3 && (windows.Count == 0 || windows[^1] != 0); window++)
                {
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    for (int step = 0; step < 20; step++)
                    {
                        model.TrainOn(data, indices, 0.01, out _);
                    }

                    windows.Add(GC.GetAllocatedBytesForCurrentThread() - before);
                }

                Assert.True(windows[^1] == 0, "20 steps allocated " + string.Join(", then ", windows) + " bytes");
            }
        }

        private static Sequential Wide()
        {
            var model = new Sequential(new Dense(784, 256, Activation.Relu), new Dense(256, 256, Activation.Relu), new Dense(256, 10, Activation.Softmax));
            model.Compile(Loss.CategoricalCrossEntropy, new Sgd(learningRate: 0.01, momentum: 0.9));
            return model;
        }

        [Fact]
        public void TrainingLearnsTheTutorialTask()
        {
            (float[,] x, int[] labels) = TutorialData.Create(1000, seed: 11);
            (float[,] tx, int[] tl) = TutorialData.Create(200, seed: 12);
            Sequential model = TutorialNetwork(new Adam(learningRate: 0.01));
            model.Fit(x, labels, epochs: 30, batchSize: 50, seed: 3);
            float[,] oneHot = new float[tl.Length, 3];
            for (int i = 0; i < tl.Length; i++)
            {
                oneHot[i, tl[i]] = 1;
            }

            Assert.True(model.Evaluate(tx, oneHot).Accuracy > 0.9);
            Assert.Equal(200, model.Predict(tx).GetLength(0));
        }
    }
}
