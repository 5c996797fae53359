using System;
using System.Threading;
using Xunit;

namespace ScheduleDsl.Training.Tests
{
    /// <summary>Fit stops at a step boundary when its token is cancelled, and a later Fit runs the interrupted epoch again.</summary>
    public class CancellationTests
    {
        [Fact]
        public void ACancelledFitStopsBeforeTheNextStep()
        {
            (float[,] x, int[] labels) = TutorialData.Create(200, seed: 1);
            var model = new Sequential(new Dense(3, 9, Activation.Relu), new Dense(9, 3, Activation.Softmax));
            model.Compile(Loss.CategoricalCrossEntropy, new Sgd(0.01));
            using var cancel = new CancellationTokenSource();
            var stopAfterThree = new CancelAfter(3, cancel);
            Assert.Throws<OperationCanceledException>(() => model.Fit(x, labels, new FitOptions { Epochs = 2, BatchSize = 50, Callbacks = new ICallback[] { stopAfterThree }, CancellationToken = cancel.Token }));
            Assert.Equal(3, model.Progress.Step);
            Assert.Equal(0, model.Progress.Epoch);
            History rest = model.Fit(x, labels, epochs: 2, batchSize: 50);
            Assert.Equal(2, rest.Epochs.Count);
            Assert.Equal(3 + 8, model.Progress.Step);
        }

        private sealed class CancelAfter : IBatchCallback
        {
            private readonly int _steps;
            private readonly CancellationTokenSource _source;

            public CancelAfter(int steps, CancellationTokenSource source) => (_steps, _source) = (steps, source);

            public bool AfterBatch(long step, double rate, double loss, out string? reason)
            {
                reason = null;
                if (step + 1 == _steps)
                {
                    _source.Cancel();
                }

                return true;
            }
        }
    }
}
