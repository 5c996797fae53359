using System;
using System.IO;
using System.Linq;
using Xunit;

namespace ScheduleDsl.Training.Tests
{
    /// <summary>The trainer applies a schedule's momentum and weight-decay channels, per epoch or per step, and resumes them exactly.</summary>
    public sealed class ChannelTrainingTests
    {
        private static Sequential Network(Optimizer optimizer)
        {
            var model = new Sequential(new Dense(3, 9, Activation.Relu), new Dense(9, 9, Activation.Relu), new Dense(9, 3, Activation.Softmax));
            model.Compile(Loss.CategoricalCrossEntropy, optimizer);
            model.Initialize(11);
            return model;
        }

        private static readonly (float[,] X, int[] Labels) Data = TutorialData.Create(200, seed: 9);

        private static float[][] Train(Optimizer optimizer, string? schedule, int epochs = 3)
        {
            Sequential model = Network(optimizer);
            model.Fit(Data.X, Data.Labels, new FitOptions { Epochs = epochs, BatchSize = 50, Schedule = schedule == null ? null : Schedule.Parse(schedule), Seed = 2 });
            return model.Parameters.Select(p => (float[])p.Value.Clone()).ToArray();
        }

        [Theory]
        [InlineData("momentum 0.5: constant")]
        [InlineData("momentum: constant 0.5")]
        [InlineData("lr 0.05: constant; momentum 0.5: constant")]
        public void AConstantMomentumChannelEqualsThatMomentum(string schedule)
        {
            double lr = schedule.StartsWith("lr", StringComparison.Ordinal) ? 0.05 : 0.01;
            Assert.Equal(Train(new Sgd(lr, momentum: 0.5), null), Train(new Sgd(lr, momentum: schedule.Contains("constant 0.5") ? 1.0 : 0.9), schedule));
        }

        [Fact]
        public void TheMomentumChannelDrivesAdamsBeta1AndRmsPropsMomentum()
        {
            Assert.Equal(Train(new Adam(0.01, beta1: 0.8), null), Train(new Adam(0.01), "momentum 0.8: constant"));
            Assert.Equal(Train(new AdamW(0.01, beta1: 0.8), null), Train(new AdamW(0.01, beta1: 0.5), "momentum: constant 1.6"));
            Assert.Equal(Train(new RmsProp(0.01, momentum: 0.3), null), Train(new RmsProp(0.01, momentum: 0.6), "momentum: constant 0.5"));
        }

        [Fact]
        public void TheWeightDecayChannelIsTheDecoupledDecayOfEachStep()
        {
            Assert.Equal(Train(new Sgd(0.05, weightDecay: 0.01), null), Train(new Sgd(0.05), "weight-decay 0.01: constant"));
            Assert.Equal(Train(new AdamW(0.01, weightDecay: 0.01), null), Train(new AdamW(0.01, weightDecay: 0.02), "weight-decay: constant 0.5"));
            Assert.NotEqual(Train(new Sgd(0.05, weightDecay: 0.01), null), Train(new Sgd(0.05, weightDecay: 0.01), "weight-decay: linear 3 to 0"));
        }

        [Theory]
        [InlineData("lr 0.05 per step: onecycle 0.05 over 12 momentum; weight-decay 0.001: linear 12 to 0.01", true)]
        [InlineData("lr 0.05 per epoch: cyclic 0.01 to 0.05 up 1 momentum 0.8 to 0.9; weight-decay: step 0.5 every 1", false)]
        public void FitAppliesEachChannelAtItsTimeIndex(string text, bool perStep)
        {
            // The same training written by hand with Optimizer.Step(rate, momentum, weightDecay) and the schedule's channels.
            var optimizer = new Sgd(0.05, momentum: 0.9, weightDecay: 0.002);
            Sequential fitted = Network(optimizer);
            fitted.Fit(Data.X, Data.Labels, new FitOptions { Epochs = 3, BatchSize = 50, Schedule = Schedule.Parse(text), Shuffle = false });

            var schedule = (IHyperparameterSchedule)Schedule.Parse(text);
            Sequential manual = Network(new Sgd(0.05, momentum: 0.9, weightDecay: 0.002));
            long step = 0;
            for (int epoch = 0; epoch < 3; epoch++)
            {
                for (int start = 0; start < 200; start += 50)
                {
                    long t = perStep ? step : epoch;
                    double wd = schedule.At(ScheduleChannel.WeightDecay, t) * (schedule.IsAbsoluteFor(ScheduleChannel.WeightDecay) ? 1 : 0.002);
                    manual.ComputeGradients(Slice(Data.X, start, 50), Data.Labels.Skip(start).Take(50).ToArray());
                    manual.Optimizer.Step(schedule.At(t), schedule.At(ScheduleChannel.Momentum, t), wd);
                    step++;
                }
            }

            for (int p = 0; p < fitted.Parameters.Count; p++)
            {
                Assert.Equal(fitted.Parameters[p].Value, manual.Parameters[p].Value);
            }
        }

        [Fact]
        public void AdamsBiasCorrectionUsesTheCurrentBeta1()
        {
            // One parameter, gradient 1 at every step: PyTorch's Adam with β₁ changed between steps (as OneCycleLR does).
            var parameter = new Parameter("w", 1);
            var adam = new Adam(learningRate: 0.1, beta2: 0.999, epsilon: 1e-8);
            adam.Bind(new[] { parameter });
            double[] betas = { 0.95, 0.9, 0.85 };
            double m = 0, v = 0, w = 0;
            for (int t = 1; t <= 3; t++)
            {
                parameter.Gradient[0] = 1;
                adam.Step(0.1, betas[t - 1], 0);
                double b1 = betas[t - 1];
                m = m + (1 - m) * (1 - b1);
                v = v + (1 - v) * (1 - 0.999);
                w -= 0.1 * Math.Sqrt(1 - Math.Pow(0.999, t)) / (1 - Math.Pow(b1, t)) * m / (Math.Sqrt(v) + 1e-8);
                Assert.Equal(w, parameter.Value[0], 5);
            }
        }

        [Fact]
        public void OptimizersThatCannotTakeTheMomentumAreRefusedBeforeTraining()
        {
            var adagrad = Assert.Throws<ArgumentException>(() => Train(new AdaGrad(0.01), "momentum 0.9: constant"));
            Assert.Contains("has no momentum to schedule", adagrad.Message);
            var plain = Assert.Throws<ArgumentException>(() => Train(new Sgd(0.01), "lr 0.1 per step: onecycle 0.1 over 12 momentum"));
            Assert.Contains("new Sgd(momentum: 0.9)", plain.Message);
            var tooHigh = Assert.Throws<InvalidOperationException>(() => Train(new Sgd(0.01, momentum: 0.9), "momentum: constant for 2 -> constant 1.2"));
            Assert.Contains("below 1", tooHigh.Message);
            Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(0.01).Step(0.01, 0.9, 0));
        }

        [Fact]
        public void ResumingAChannelScheduleIsBitExact()
        {
            const string text = "lr 0.05 per step: onecycle 0.05 over 40 momentum; weight-decay 1e-3: cosine 40 to 1e-2";
            string path = Path.Combine(Path.GetTempPath(), "scheduledsl-channels-" + Guid.NewGuid().ToString("N") + ".ckpt.safetensors");
            try
            {
                Sequential whole = Network(new Sgd(0.05, momentum: 0.9));
                whole.Fit(Data.X, Data.Labels, new FitOptions { Epochs = 6, BatchSize = 50, Schedule = Schedule.Parse(text), Seed = 4 });

                Sequential first = Network(new Sgd(0.05, momentum: 0.9));
                ILearningRateSchedule firstSchedule = Schedule.Parse(text);
                first.Fit(Data.X, Data.Labels, new FitOptions { Epochs = 3, BatchSize = 50, Schedule = firstSchedule, Seed = 4 });
                Checkpoint.Save(first, path, firstSchedule);

                Sequential resumed = Network(new Sgd(0.05, momentum: 0.9));
                ILearningRateSchedule resumedSchedule = Schedule.Parse(text);
                Checkpoint.Load(resumed, path, resumedSchedule);
                resumed.Fit(Data.X, Data.Labels, new FitOptions { Epochs = 6, BatchSize = 50, Schedule = resumedSchedule, Seed = 4 });
                for (int p = 0; p < whole.Parameters.Count; p++)
                {
                    Assert.Equal(whole.Parameters[p].Value, resumed.Parameters[p].Value);
                }
            }
            finally
            {
                File.Delete(path);
            }
        }

        private static float[,] Slice(float[,] x, int start, int count)
        {
            var slice = new float[count, x.GetLength(1)];
            for (int i = 0; i < count; i++)
            {
                for (int j = 0; j < x.GetLength(1); j++)
                {
                    slice[i, j] = x[start + i, j];
                }
            }

            return slice;
        }
    }
}
