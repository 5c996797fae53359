using System;
using Xunit;

namespace ScheduleDsl.Training.Tests
{
    /// <summary>v2: a per-step schedule that declares its steps per epoch is checked against the training before it starts.</summary>
    public sealed class StepsPerEpochTests
    {
        private static Sequential Network()
        {
            var model = new Sequential(new Dense(3, 3, Activation.Softmax));
            model.Compile(Loss.CategoricalCrossEntropy, new Sgd(0.01));
            return model;
        }

        [Fact]
        public void AMismatchIsReportedBeforeTraining()
        {
            (float[,] x, int[] labels) = TutorialData.Create(1000, seed: 1);
            var e = Assert.Throws<ArgumentException>(() => Network().Fit(x, labels, 2, 50, Schedule.Parse("lr 0.1 per step steps-per-epoch 390: cosine 2 epochs")));
            Assert.Contains("'steps-per-epoch 390', but this training takes 20 steps per epoch", e.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void AMatchTrainsAlongTheEpochLengths()
        {
            (float[,] x, int[] labels) = TutorialData.Create(1000, seed: 1);
            History h = Network().Fit(x, labels, 2, 50, Schedule.Parse("lr 0.1 per step steps-per-epoch 20: linear 1 epoch to 0.01 -> constant"));
            Assert.Equal(0.1, h.Epochs[0].LearningRate, 12);
            Assert.Equal(0.01, h.Epochs[1].LearningRate, 12);
        }
    }
}
