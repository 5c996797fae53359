using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using ScheduleDsl.Training;

namespace ScheduleDsl.Benchmarks
{
    /// <summary>
    /// Training throughput on the two networks of ../shared/peer-figures.md, one optimizer step per operation
    /// (forward, loss, backward, update), after warm-up. Samples per second = batch size / mean time.
    /// </summary>
    [MemoryDiagnoser]
    [SimpleJob(warmupCount: 3, iterationCount: 10)]
    public class TrainerBenchmarks
    {
        private Sequential _tutorial = null!;
        private Sequential _wideSgd = null!;
        private Sequential _wideAdam = null!;
        private Dataset _tutorialData = null!;
        private Dataset _wideData = null!;
        private int[][] _tutorialBatches = null!;
        private int[][] _wideBatches = null!;
        private int _next;

        [GlobalSetup]
        public void Setup()
        {
            (float[,] x, int[] labels) = TutorialData.Create(1000, seed: 1);
            _tutorial = new Sequential(new Dense(3, 9, Activation.Relu), new Dense(9, 9, Activation.Relu), new Dense(9, 9, Activation.Relu), new Dense(9, 3, Activation.Softmax));
            _tutorial.Compile(Loss.CategoricalCrossEntropy, new Sgd(learningRate: 0.01));
            _tutorial.Initialize(1);
            _tutorialData = Dataset.From(x, OneHot(labels, 3), 3, 3, Loss.CategoricalCrossEntropy, "x", "y");
            _tutorialBatches = Enumerable.Range(0, 20).Select(b => Enumerable.Range(b * 50, 50).ToArray()).ToArray();

            var random = new Random(1);
            const int samples = 128 * 16;
            var wx = new float[samples, 784];
            var wy = new float[samples, 10];
            for (int i = 0; i < samples; i++)
            {
                for (int f = 0; f < 784; f++)
                {
                    wx[i, f] = (float)random.NextDouble();
                }

                wy[i, random.Next(10)] = 1;
            }

            _wideData = Dataset.From(wx, wy, 784, 10, Loss.CategoricalCrossEntropy, "x", "y");
            _wideBatches = Enumerable.Range(0, 16).Select(b => Enumerable.Range(b * 128, 128).ToArray()).ToArray();
            _wideSgd = Wide(new Sgd(learningRate: 0.01, momentum: 0.9));
            _wideAdam = Wide(new Adam(learningRate: 1e-3));
        }

        private static Sequential Wide(Optimizer optimizer)
        {
            var model = new Sequential(new Dense(784, 256, Activation.Relu), new Dense(256, 256, Activation.Relu), new Dense(256, 10, Activation.Softmax));
            model.Compile(Loss.CategoricalCrossEntropy, optimizer);
            model.Initialize(1);
            return model;
        }

        private static float[,] OneHot(int[] labels, int classes)
        {
            var y = new float[labels.Length, classes];
            for (int i = 0; i < labels.Length; i++)
            {
                y[i, labels[i]] = 1;
            }

            return y;
        }

        /// <summary>(a) 3→9→9→9→3, batch 50, SGD 0.01.</summary>
        [Benchmark]
        public double TutorialStepBatch50() => _tutorial.TrainOn(_tutorialData, _tutorialBatches[_next++ % 20], 0.01, out _);

        /// <summary>(b) 784→256→256→10, batch 128, SGD 0.01 with momentum 0.9.</summary>
        [Benchmark]
        public double WideStepBatch128SgdMomentum() => _wideSgd.TrainOn(_wideData, _wideBatches[_next++ % 16], 0.01, out _);

        /// <summary>(b) 784→256→256→10, batch 128, Adam 1e-3.</summary>
        [Benchmark]
        public double WideStepBatch128Adam() => _wideAdam.TrainOn(_wideData, _wideBatches[_next++ % 16], 1e-3, out _);
    }
}
