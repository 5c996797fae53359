using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using ScheduleDsl.Training;

namespace ScheduleDsl.Benchmarks
{
    /// <summary>Where the time of one 784→256→256→10 step at batch 128 goes: each part of the step timed alone, best of several one-second runs.</summary>
    public static class WideStepParts
    {
        public static void Run(Func<Optimizer> optimizer, string name)
        {
            var random = new Random(3);
            const int samples = 1024, batch = 128;
            var x = new float[samples, 784];
            var y = new float[samples, 10];
            for (int i = 0; i < samples; i++)
            {
                for (int j = 0; j < 784; j++)
                {
                    x[i, j] = (float)random.NextDouble();
                }

                y[i, random.Next(10)] = 1;
            }

            var model = new Sequential(new Dense(784, 256, Activation.Relu), new Dense(256, 256, Activation.Relu), new Dense(256, 10, Activation.Softmax));
            model.Compile(Loss.CategoricalCrossEntropy, optimizer());
            model.Initialize(1);
            Dataset data = Dataset.From(x, y, 784, 10, Loss.CategoricalCrossEntropy, "x", "y");
            int[] indices = Enumerable.Range(0, batch).Select(i => (i * 37) % samples).ToArray();
            var dense = model.Layers.Cast<Dense>().ToArray();
            Parameter[] parameters = model.Parameters.ToArray();
            var input = new float[784 * batch];
            var target = new float[10 * batch];
            var rows = new float[784 * batch];
            model.TrainOn(data, indices, 0.01, out _);

            double whole = Time(() => model.TrainOn(data, indices, 0.01, out _));
            Console.WriteLine("whole step (" + name + "): " + Us(whole));
            // The first layer takes its batch sample-major, so the step gathers it so (no transpose).
            Report("gather", Time(() => data.Gather(indices, input, target, rows, sampleMajorX: true)), whole);
            Report("  gather, 25 MB set", GatherFromLargeDataset(input, target, rows, batch), whole);
            for (int l = 0; l < dense.Length; l++)
            {
                int layer = l;
                float[] layerInput = layer == 0 ? input : dense[layer - 1].Output;
                Report("forward " + dense[layer].Inputs + "→" + dense[layer].Outputs, Time(() => dense[layer].Forward(layerInput, batch, true, null!, sampleMajorInput: layer == 0)), whole);
            }

            for (int l = dense.Length - 1; l >= 0; l--)
            {
                int layer = l;
                float[] layerInput = layer == 0 ? input : dense[layer - 1].Output;
                float[]? inputGradient = layer == 0 ? null : dense[layer - 1].OutputGradient;
                Report("backward " + dense[layer].Inputs + "→" + dense[layer].Outputs, Time(() => dense[layer].Backward(layerInput, inputGradient, batch, sampleMajorInput: layer == 0, preActivationGradient: layer == dense.Length - 1)), whole);
            }

            // The first layer's weight gradient dZ·Xᵀ both ways: X transposed first (as before), and Xᵀ packed straight from X.
            var outputGradient = new float[256 * batch];
            var weightGradient = new float[256 * 784];
            var transposed = new float[784 * batch];
            Report("  dW0, X transposed", Time(() =>
            {
                ScheduleDsl.Training.Kernels.Transpose.Run(input, transposed, 784, batch);
                ScheduleDsl.Training.Kernels.Gemm.Multiply(outputGradient, transposed, weightGradient, 256, batch, 784, false);
            }), whole);
            Report("  dW0, packed from X", Time(() =>
                ScheduleDsl.Training.Kernels.Gemm.MultiplyByTransposed(outputGradient, input, weightGradient, 256, batch, 784, false, transposed)), whole);
            Report("optimizer update", Time(() => model.Optimizer.Update(parameters, 0.01, 0.9, 0)), whole);
            Report("  transpose 784×128", Time(() => ScheduleDsl.Training.Kernels.Transpose.Run(input, transposed, 784, batch)), whole);
            Report("  transpose 256×256", Time(() => ScheduleDsl.Training.Kernels.Transpose.Run(dense[1].Weight.Value, transposed, 256, 256)), whole);
            Report("  empty pool job", Time(() =>
            {
                var job = default(EmptyJob);
                ScheduleDsl.Training.Kernels.WorkerPool.Shared.Run(ref job, 2);
            }), whole);
            foreach (double idle in new[] { 10.0, 50, 200, 1000 })
            {
                Report("  job after " + idle + " µs idle", HandOffAfterIdle(idle), whole);
            }
        }

        /// <summary>
        /// The mean gather of a batch in a fresh random order from 8,192 samples (25 MB, larger than the caches), as a
        /// training epoch gathers: the "gather" line above repeats one batch of a small set, which stays in the caches.
        /// </summary>
        private static double GatherFromLargeDataset(float[] input, float[] target, float[] rows, int batch)
        {
            const int samples = 8192;
            var random = new Random(5);
            var x = new float[samples, 784];
            var y = new float[samples, 10];
            for (int i = 0; i < samples; i++)
            {
                x[i, random.Next(784)] = 1;
                y[i, random.Next(10)] = 1;
            }

            Dataset data = Dataset.From(x, y, 784, 10, Loss.CategoricalCrossEntropy, "x", "y");
            int[] order = Enumerable.Range(0, samples).ToArray();
            double best = double.MaxValue;
            for (int round = 0; round < 5; round++)
            {
                random.Shuffle(order);
                long start = Stopwatch.GetTimestamp();
                for (int b = 0; b + batch <= samples; b += batch)
                {
                    data.Gather(order.AsSpan(b, batch), input, target, rows, sampleMajorX: true);
                }

                best = Math.Min(best, (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency / (samples / batch));
            }

            return best;
        }

        /// <summary>An empty job's mean round trip after the workers have idled for <paramref name="idleMicroseconds"/> (as they do while the caller runs element-wise work).</summary>
        private static double HandOffAfterIdle(double idleMicroseconds)
        {
            double total = 0;
            const int trials = 400;
            for (int i = 0; i < trials; i++)
            {
                long until = Stopwatch.GetTimestamp() + (long)(idleMicroseconds * 1e-6 * Stopwatch.Frequency);
                while (Stopwatch.GetTimestamp() < until)
                {
                }

                long start = Stopwatch.GetTimestamp();
                var job = default(EmptyJob);
                ScheduleDsl.Training.Kernels.WorkerPool.Shared.Run(ref job, 2);
                total += (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency;
            }

            return total / trials;
        }

        private struct EmptyJob : ScheduleDsl.Training.Kernels.IWorkerJob
        {
            public void Execute(int part, int parts)
            {
            }
        }

        private static void Report(string part, double seconds, double whole) =>
            Console.WriteLine("  " + part.PadRight(22) + Us(seconds) + " (" + (100 * seconds / whole).ToString("F0", CultureInfo.InvariantCulture) + "%)");

        private static string Us(double seconds) => (seconds * 1e6).ToString("F0", CultureInfo.InvariantCulture) + " µs";

        private static double Time(Action action)
        {
            double best = double.MaxValue;
            for (int run = 0; run < 5; run++)
            {
                var stopwatch = Stopwatch.StartNew();
                int calls = 0;
                while (stopwatch.Elapsed.TotalSeconds < 0.3)
                {
                    action();
                    calls++;
                }

                best = Math.Min(best, stopwatch.Elapsed.TotalSeconds / calls);
            }

            return best;
        }
    }
}
