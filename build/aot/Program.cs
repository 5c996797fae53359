using System;
using System.Globalization;
using System.Linq;
using ScheduleDsl.Training;

// Samples per second of the tutorial network and of 784→256→256→10, median epoch after the first, in this process.
static double Median(double[] values)
{
    Array.Sort(values);
    return values[values.Length / 2];
}

(float[,] x, int[] labels) = TutorialData.Create(1000, seed: 1);
var tutorial = new Sequential(new Dense(3, 9, Activation.Relu), new Dense(9, 9, Activation.Relu), new Dense(9, 9, Activation.Relu), new Dense(9, 3, Activation.Softmax));
tutorial.Compile(Loss.CategoricalCrossEntropy, new Sgd(0.01));
History small = tutorial.Fit(x, labels, new FitOptions { Epochs = 20, BatchSize = 50, Seed = 1 });
double smallRate = 1000 / Median(small.Epochs.Skip(1).Select(e => e.Seconds).ToArray());

var random = new Random(2);
var wideX = new float[8192, 784];
var wideLabels = new int[8192];
for (int i = 0; i < 8192; i++)
{
    for (int j = 0; j < 784; j++)
    {
        wideX[i, j] = (float)random.NextDouble();
    }

    wideLabels[i] = (int)(wideX[i, 0] * 10) % 10;
}

var wide = new Sequential(new Dense(784, 256, Activation.Relu), new Dense(256, 256, Activation.Relu), new Dense(256, 10, Activation.Softmax));
wide.Compile(Loss.CategoricalCrossEntropy, new Sgd(0.01, momentum: 0.9));
History big = wide.Fit(wideX, wideLabels, new FitOptions { Epochs = 4, BatchSize = 128, Seed = 1 });
double bigRate = 8192 / Median(big.Epochs.Skip(1).Select(e => e.Seconds).ToArray());
Console.WriteLine("tutorial " + smallRate.ToString("F0", CultureInfo.InvariantCulture) + " samples/s; 784-256-256-10 SGD-momentum " + bigRate.ToString("F0", CultureInfo.InvariantCulture) + " samples/s; vectors " + ScheduleDsl.Training.Kernels.Simd.Describe()
    + (System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? "; 512-bit vectors accelerated (the 6×32 tile is a candidate)" : "; no accelerated 512-bit vectors"));
