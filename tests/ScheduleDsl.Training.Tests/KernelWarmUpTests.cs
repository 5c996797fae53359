using System;
using System.Threading.Tasks;
using Xunit;

namespace ScheduleDsl.Training.Tests
{
    /// <summary>The kernel warm-up runs once per process, finishes, and leaves training exactly as it was.</summary>
    public sealed class KernelWarmUpTests
    {
        [Fact]
        public async Task TrainingGivesTheSameBitsBeforeAndAfterTheWarmUp()
        {
            History before = Train();
            var warmUp = KernelWarmUp.Start();
            Assert.Same(warmUp, KernelWarmUp.Start());
            await warmUp.WaitAsync(TimeSpan.FromMinutes(2));
            Assert.True(warmUp.IsCompletedSuccessfully);
            History after = Train();
            Assert.Equal(before.Epochs.Count, after.Epochs.Count);
            for (int i = 0; i < before.Epochs.Count; i++)
            {
                Assert.Equal(before.Epochs[i].Loss, after.Epochs[i].Loss);
                Assert.Equal(before.Epochs[i].ValidationLoss, after.Epochs[i].ValidationLoss);
            }
        }

        private static History Train()
        {
            var x = new float[300, 40];
            var labels = new int[300];
            for (int i = 0; i < 300; i++)
            {
                for (int f = 0; f < 40; f++)
                {
                    x[i, f] = ((i * 7 + f * 13) % 23) / 23f;
                }

                labels[i] = (i * 5) % 4;
            }

            var model = new Sequential(new Dense(40, 96, Activation.Relu), new Dense(96, 4, Activation.Softmax));
            model.Compile(Loss.CategoricalCrossEntropy, new Adam());
            return model.Fit(x, labels, new FitOptions { Epochs = 3, BatchSize = 100, Seed = 5, ValidationX = x, ValidationLabels = labels });
        }
    }
}
