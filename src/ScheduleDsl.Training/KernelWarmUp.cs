using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace ScheduleDsl.Training
{
    /// <summary>
    /// Compiles the trainer's kernels before the first training step needs them, on a thread-pool thread: a fresh
    /// process's first step otherwise waits for the JIT to compile every kernel it calls, optimized. Start it early — before
    /// reading the data, say — and the compiling overlaps that work; training never waits for it and gives the same results
    /// with it or without it.
    /// </summary>
    /// <remarks>
    /// It trains small throwaway networks for one step with each optimizer, through the same paths a wide network takes
    /// (packed products split by rows and by columns, a narrow first layer, the row-wise steps on both cores, validation).
    /// Other activations and losses than ReLU, softmax and cross-entropy compile at their first use as before.
    /// </remarks>
    public static class KernelWarmUp
    {
        private static Task? s_task;

        /// <summary>Starts the warm-up once per process and returns it; later calls return the same task.</summary>
        public static Task Start()
        {
            Task? started = Volatile.Read(ref s_task);
            if (started != null)
            {
                return started;
            }

            var task = new Task(Run);
            if (Interlocked.CompareExchange(ref s_task, task, null) != null)
            {
                return s_task;
            }

            task.Start(TaskScheduler.Default);
            return task;
        }

        private static void Run()
        {
            // 128 features and 128 hidden units over a batch of 256: the hidden layer's products are packed and split by
            // rows, the 10-wide output layer's by columns, and its 32k values take the row-wise steps onto both cores.
            float[,] wide = Data(256, 128, out int[] wideLabels);
            float[,] narrow = Data(64, 3, out int[] narrowLabels);
            Func<Optimizer>[] optimizers =
            {
                () => new Sgd(0.01, momentum: 0.9),
                () => new Adam(),
                () => new RmsProp(),
                () => new AdaGrad(),
                () => new AdaDelta(),
            };
            foreach (Func<Optimizer> optimizer in optimizers)
            {
                var model = new Sequential(new Dense(128, 128, Activation.Relu), new Dense(128, 10, Activation.Softmax));
                model.Compile(Loss.CategoricalCrossEntropy, optimizer());
                model.Fit(wide, wideLabels, new FitOptions { Epochs = 1, BatchSize = 256, ValidationX = wide, ValidationLabels = wideLabels });
            }

            var small = new Sequential(new Dense(3, 9, Activation.Relu), new Dense(9, 3, Activation.Softmax));
            small.Compile(Loss.CategoricalCrossEntropy, new Sgd(0.01));
            small.Fit(narrow, narrowLabels, new FitOptions { Epochs = 1, BatchSize = 32, ValidationX = narrow, ValidationLabels = narrowLabels });
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static float[,] Data(int samples, int features, out int[] labels)
        {
            var x = new float[samples, features];
            labels = new int[samples];
            for (int i = 0; i < samples; i++)
            {
                for (int f = 0; f < features; f++)
                {
                    x[i, f] = ((i * 31 + f * 17) % 97) / 97f;
                }

                labels[i] = i % Math.Min(features, 3);
            }

            return x;
        }
    }
}
