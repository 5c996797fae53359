using System;
using System.Collections.Generic;
using System.Linq;
using ScheduleDsl.Training.Kernels;
using Xunit;

namespace ScheduleDsl.Training.Tests
{
    /// <summary>
    /// A large dense layer runs its steps in one job per direction on each worker's rows (Dense.Steps.cs): its outputs and
    /// gradients must be exactly the bits of the same steps run one job at a time, as the layer ran them before.
    /// </summary>
    public sealed class DenseStepsTests
    {
        /// <summary>
        /// Outputs × inputs × batch: the wide network's layers, and 77 rows (split 36 + 41) with a depth past two packed
        /// blocks. Each shape splits by rows on a machine of two cores or more.
        /// </summary>
        public static TheoryData<int, int, int> Shapes => new() { { 256, 784, 128 }, { 256, 256, 64 }, { 77, 640, 96 } };

        [Theory]
        [MemberData(nameof(Shapes))]
        public void ForwardInOneJobGivesTheBitsOfTheStepByStepCode(int outputs, int inputs, int batch)
        {
            Assert.Equal(WorkerPool.Shared.Workers > 1, Gemm.SplitsByRows(outputs, inputs, batch));
            foreach (Activation activation in new[] { Activation.Relu, Activation.Tanh, Activation.Sigmoid, Activation.Linear })
            {
                var random = new Random(outputs + inputs + batch + (int)activation);
                Dense layer = Layer(outputs, inputs, activation, batch, random);
                float[] input = Random(random, inputs * batch, 1);

                float[] expected = new float[outputs * batch];
                RowSteps.FillRows(expected, layer.Bias.Value, batch);
                Gemm.Multiply(layer.Weight.Value, input, expected, outputs, inputs, batch, accumulate: true);
                RowSteps.Activate(activation, expected, outputs, batch, new float[2 * batch]);

                layer.Forward(input, batch, training: true, new Rng(1));
                Assert.True(expected.AsSpan().SequenceEqual(layer.Output.AsSpan(0, outputs * batch)), $"{activation} forward, {outputs}×{inputs}×{batch}");
            }
        }

        [Theory]
        [MemberData(nameof(Shapes))]
        public void BackwardInOneJobGivesTheBitsOfTheStepByStepCode(int outputs, int inputs, int batch)
        {
            Assert.Equal(WorkerPool.Shared.Workers > 1, Gemm.SplitsByRowsTransposed(outputs, batch, inputs));
            foreach (Activation activation in new[] { Activation.Relu, Activation.Tanh, Activation.Sigmoid, Activation.Linear })
            {
                foreach (bool lossGivesPreActivationGradient in new[] { false, true })
                {
                    foreach (bool inputGradientWanted in new[] { true, false })
                    {
                        string name = $"{activation} backward, {outputs}×{inputs}×{batch}, fused loss {lossGivesPreActivationGradient}, input gradient {inputGradientWanted}";
                        var random = new Random(outputs * 3 + inputs + batch + (int)activation);
                        Dense layer = Layer(outputs, inputs, activation, batch, random);
                        float[] input = Random(random, inputs * batch, 1);
                        float[] output = Random(random, outputs * batch, 1);
                        float[] outputGradient = Random(random, outputs * batch, 0.1f);
                        output.CopyTo(layer.Output, 0);
                        outputGradient.CopyTo(layer.OutputGradient, 0);

                        float[] dz = (float[])outputGradient.Clone();
                        if (!lossGivesPreActivationGradient)
                        {
                            RowSteps.ActivationBackward(activation, output, dz, outputs, batch, new float[2 * batch]);
                        }

                        float[] dw = new float[outputs * inputs];
                        Gemm.MultiplyByTransposed(dz, input, dw, outputs, batch, inputs, accumulate: false, new float[inputs * batch]);
                        float[] db = new float[outputs];
                        RowSteps.RowSums(dz, db, batch);
                        float[] wt = new float[inputs * outputs];
                        Transpose.Run(layer.Weight.Value, wt, outputs, inputs);
                        float[] dx = new float[inputs * batch];
                        Gemm.Multiply(wt, dz, dx, inputs, outputs, batch, accumulate: false);

                        float[]? inputGradient = inputGradientWanted ? new float[inputs * batch] : null;
                        layer.Backward(input, inputGradient, batch, preActivationGradient: lossGivesPreActivationGradient);
                        Assert.True(dz.AsSpan().SequenceEqual(layer.OutputGradient.AsSpan(0, outputs * batch)), name + ": dZ");
                        Assert.True(dw.AsSpan().SequenceEqual(layer.Weight.Gradient), name + ": dW");
                        Assert.True(db.AsSpan().SequenceEqual(layer.Bias.Gradient), name + ": db");
                        if (inputGradient != null)
                        {
                            Assert.True(dx.AsSpan().SequenceEqual(inputGradient), name + ": dX");
                        }
                    }
                }
            }
        }

        /// <summary>
        /// The first layer's shapes with its input sample-major: the fused jobs (the wide network's first layer, a depth past
        /// two packed blocks), a batch that fills no whole panel (so the forward product transposes the input first), and a
        /// product too small to pack.
        /// </summary>
        public static TheoryData<int, int, int> SampleMajorShapes => new() { { 256, 784, 128 }, { 77, 640, 96 }, { 64, 100, 100 }, { 40, 48, 20 } };

        /// <summary>A sample-major input (<c>[batch, inputs]</c>, as the first layer gets it) gives exactly the forward and backward bits of the same input feature-major.</summary>
        [Theory]
        [MemberData(nameof(SampleMajorShapes))]
        public void SampleMajorInputGivesTheBitsOfFeatureMajor(int outputs, int inputs, int batch)
        {
            foreach (bool lossGivesPreActivationGradient in new[] { false, true })
            {
                foreach (bool inputGradientWanted in new[] { true, false })
                {
                    string name = $"{outputs}×{inputs}×{batch}, fused loss {lossGivesPreActivationGradient}, input gradient {inputGradientWanted}";
                    var random = new Random(outputs * 5 + inputs + batch);
                    Dense featureMajor = Layer(outputs, inputs, Activation.Relu, batch, random);
                    var sampleMajor = new Dense(inputs, outputs, Activation.Relu);
                    sampleMajor.Reserve(batch);
                    featureMajor.Weight.Value.CopyTo(sampleMajor.Weight.Value, 0);
                    featureMajor.Bias.Value.CopyTo(sampleMajor.Bias.Value, 0);
                    float[] input = Random(random, inputs * batch, 1);
                    float[] samples = new float[inputs * batch];
                    Transpose.Run(input, samples, inputs, batch);

                    featureMajor.Forward(input, batch, training: true, new Rng(1));
                    sampleMajor.Forward(samples, batch, training: true, new Rng(1), sampleMajorInput: true);
                    Assert.True(featureMajor.Output.AsSpan(0, outputs * batch).SequenceEqual(sampleMajor.Output.AsSpan(0, outputs * batch)), name + ": forward");

                    float[] outputGradient = Random(random, outputs * batch, 0.1f);
                    outputGradient.CopyTo(featureMajor.OutputGradient, 0);
                    outputGradient.CopyTo(sampleMajor.OutputGradient, 0);
                    float[]? expectedInputGradient = inputGradientWanted ? new float[inputs * batch] : null;
                    float[]? inputGradient = inputGradientWanted ? new float[inputs * batch] : null;
                    featureMajor.Backward(input, expectedInputGradient, batch, preActivationGradient: lossGivesPreActivationGradient);
                    sampleMajor.Backward(samples, inputGradient, batch, sampleMajorInput: true, preActivationGradient: lossGivesPreActivationGradient);
                    Assert.True(featureMajor.OutputGradient.AsSpan(0, outputs * batch).SequenceEqual(sampleMajor.OutputGradient.AsSpan(0, outputs * batch)), name + ": dZ");
                    Assert.True(featureMajor.Weight.Gradient.AsSpan().SequenceEqual(sampleMajor.Weight.Gradient), name + ": dW");
                    Assert.True(featureMajor.Bias.Gradient.AsSpan().SequenceEqual(sampleMajor.Bias.Gradient), name + ": db");
                    if (inputGradient != null)
                    {
                        Assert.True(expectedInputGradient.AsSpan().SequenceEqual(inputGradient), name + ": dX");
                    }
                }
            }
        }

        /// <summary>
        /// A model whose first layer takes its batches sample-major trains and evaluates to exactly the bits of the same model
        /// fed feature-major, with batches that run the fused jobs (128) and batches that do not (100, and the last 72).
        /// </summary>
        [Theory]
        [InlineData(128)]
        [InlineData(100)]
        public void AModelFedSampleMajorTrainsToTheBitsOfFeatureMajor(int batch)
        {
            var random = new Random(11);
            var x = new float[372, 96];
            var labels = new int[372];
            for (int i = 0; i < 372; i++)
            {
                labels[i] = random.Next(10);
                for (int j = 0; j < 96; j++)
                {
                    x[i, j] = (float)random.NextDouble() + (j % 10 == labels[i] ? 1 : 0);
                }
            }

            Sequential Model() => new Sequential(new Dense(96, 64, Activation.Relu), new Dense(64, 10, Activation.Softmax));
            Sequential sampleMajor = Model(), featureMajor = Model();
            Assert.True(sampleMajor.SampleMajorInput);
            featureMajor.SampleMajorInput = false;
            var histories = new History[2];
            int m = 0;
            foreach (Sequential model in new[] { sampleMajor, featureMajor })
            {
                model.Compile(Loss.CategoricalCrossEntropy, new Sgd(0.05, momentum: 0.9));
                histories[m++] = model.Fit(x, labels, new FitOptions { Epochs = 3, BatchSize = batch, Seed = 2, ValidationSplit = 0.25 });
            }

            for (int p = 0; p < sampleMajor.Parameters.Count; p++)
            {
                Assert.True(sampleMajor.Parameters[p].Value.AsSpan().SequenceEqual(featureMajor.Parameters[p].Value), sampleMajor.ParameterNames[p]);
            }

            for (int e = 0; e < 3; e++)
            {
                Assert.Equal(histories[1].Epochs[e].Loss, histories[0].Epochs[e].Loss);
                Assert.Equal(histories[1].Epochs[e].ValidationLoss, histories[0].Epochs[e].ValidationLoss);
            }
        }

        /// <summary>
        /// A layer is told its input's layout with each call, not once: one that is the first layer of a model (taking its
        /// batch sample-major) and a middle layer of another (taking its predecessor's feature-major output) trains in the
        /// second exactly as an unshared copy of it does.
        /// </summary>
        [Fact]
        public void ALayerFirstInOneModelAndInsideAnotherTakesEachInputAsItComes()
        {
            (float[,] x, int[] labels) = Samples(200, 40, seed: 17);

            var shared = new Dense(64, 32, Activation.Relu);
            var first = new Sequential(shared, new Dense(32, 10, Activation.Softmax));
            Assert.True(first.SampleMajorInput);
            var inside = new Sequential(new Dense(40, 64, Activation.Relu), shared, new Dense(32, 10, Activation.Softmax));
            var alone = new Sequential(new Dense(40, 64, Activation.Relu), new Dense(64, 32, Activation.Relu), new Dense(32, 10, Activation.Softmax));
            inside.Initialize(3);
            alone.Initialize(3);
            for (int p = 0; p < inside.Parameters.Count; p++)
            {
                alone.Parameters[p].CopyFrom(inside.Parameters[p].Value);
            }

            foreach (Sequential model in new[] { inside, alone })
            {
                model.Compile(Loss.CategoricalCrossEntropy, new Sgd(0.05, momentum: 0.9));
                model.Fit(x, labels, new FitOptions { Epochs = 2, BatchSize = 64, Seed = 4 });
            }

            for (int p = 0; p < inside.Parameters.Count; p++)
            {
                Assert.True(inside.Parameters[p].Value.AsSpan().SequenceEqual(alone.Parameters[p].Value), inside.ParameterNames[p]);
            }
        }

        public static TheoryData<string> Optimizers => new TheoryData<string> { "sgd", "momentum", "nesterov", "adam", "adamw", "rmsprop", "adagrad", "adadelta" };

        /// <summary>
        /// The optimizer's update applied inside each large layer's backward job, on each worker's rows, gives exactly the
        /// weights of the update applied after the whole backward in one pass, with every rule, with weight decay, over
        /// layers with and without an input gradient (whose weight transpose must read W before the update).
        /// </summary>
        [Theory]
        [MemberData(nameof(Optimizers))]
        public void TheUpdateInTheBackwardJobGivesTheBitsOfOnePassAfterIt(string name)
        {
            (float[,] x, int[] labels) = Samples(256, 96, seed: 23);

            Optimizer Create() => name switch
            {
                "sgd" => new Sgd(0.05, weightDecay: 0.01),
                "momentum" => new Sgd(0.05, momentum: 0.9),
                "nesterov" => new Sgd(0.05, momentum: 0.9, nesterov: true, weightDecay: 0.01),
                "adam" => new Adam(1e-3),
                "adamw" => new AdamW(1e-3, weightDecay: 0.01),
                "rmsprop" => new RmsProp(1e-3, momentum: 0.5),
                "adagrad" => new AdaGrad(0.01),
                _ => new AdaDelta(1.0),
            };

            var weights = new List<float[]>[2];
            foreach (bool inBackward in new[] { true, false })
            {
                // The first layer has no input gradient; the second's transpose falls on its product's rows, so it is
                // updated in its job; the third's does not (88 rows: 40 + 48 for the product, 48 + 40 for the transpose),
                // so it is updated after the backward; the output layer is too small for the job.
                var model = new Sequential(
                    new Dense(96, 128, Activation.Relu), new Dense(128, 128, Activation.Relu), new Dense(128, 88, Activation.Relu), new Dense(88, 10, Activation.Softmax));
                model.Compile(Loss.CategoricalCrossEntropy, Create());
                bool previous = Optimizer.SliceAcrossWorkers;
                Optimizer.SliceAcrossWorkers = inBackward;
                try
                {
                    model.Fit(x, labels, new FitOptions { Epochs = 2, BatchSize = 64, Seed = 8 });
                }
                finally
                {
                    Optimizer.SliceAcrossWorkers = previous;
                }

                weights[inBackward ? 0 : 1] = model.Parameters.Select(p => p.Value).ToList();
            }

            for (int p = 0; p < weights[0].Count; p++)
            {
                Assert.True(weights[0][p].AsSpan().SequenceEqual(weights[1][p]), name + ": parameter " + p);
            }
        }

        /// <summary>
        /// Whether the loss already includes a layer's activation is the model's to say with each backward call: a sigmoid
        /// layer that is the last of one model (fused with binary cross-entropy) and the first of another compiled after it
        /// still trains the first model exactly as an unshared copy does.
        /// </summary>
        [Fact]
        public void ALayerLastInOneModelAndInsideAnotherKeepsEachModelsLoss()
        {
            var random = new Random(29);
            var x = new float[96, 8];
            var y = new float[96, 1];
            for (int i = 0; i < 96; i++)
            {
                for (int j = 0; j < 8; j++)
                {
                    x[i, j] = (float)random.NextDouble();
                }

                y[i, 0] = x[i, 0] > 0.5f ? 1 : 0;
            }

            var shared = new Dense(16, 1, Activation.Sigmoid);
            var withShared = new Sequential(new Dense(8, 16, Activation.Relu), shared);
            var alone = new Sequential(new Dense(8, 16, Activation.Relu), new Dense(16, 1, Activation.Sigmoid));
            withShared.Compile(Loss.BinaryCrossEntropy, new Sgd(0.1));
            alone.Compile(Loss.BinaryCrossEntropy, new Sgd(0.1));
            var other = new Sequential(shared, new Dense(1, 3, Activation.Softmax));
            other.Compile(Loss.CategoricalCrossEntropy, new Sgd(0.1));
            withShared.Initialize(5);
            alone.Initialize(5);
            for (int p = 0; p < withShared.Parameters.Count; p++)
            {
                alone.Parameters[p].CopyFrom(withShared.Parameters[p].Value);
            }

            foreach (Sequential model in new[] { withShared, alone })
            {
                model.Fit(x, y, new FitOptions { Epochs = 3, BatchSize = 16, Seed = 6 });
            }

            for (int p = 0; p < withShared.Parameters.Count; p++)
            {
                Assert.True(withShared.Parameters[p].Value.AsSpan().SequenceEqual(alone.Parameters[p].Value), withShared.ParameterNames[p]);
            }
        }

        [Fact]
        public void AnInputSmallerThanTheBatchIsRefused()
        {
            var random = new Random(5);
            Dense layer = Layer(256, 784, Activation.Relu, 128, random);
            Assert.Throws<ArgumentException>(() => layer.Forward(new float[784 * 128 - 1], 128, training: true, new Rng(1)));
            Assert.Throws<ArgumentException>(() => layer.Backward(new float[784 * 128 - 1], null, 128));
        }

        /// <summary><paramref name="count"/> samples of random features in [0, 1) with random labels of ten classes.</summary>
        private static (float[,] X, int[] Labels) Samples(int count, int features, int seed)
        {
            var random = new Random(seed);
            var x = new float[count, features];
            var labels = new int[count];
            for (int i = 0; i < count; i++)
            {
                labels[i] = random.Next(10);
                for (int j = 0; j < features; j++)
                {
                    x[i, j] = (float)random.NextDouble();
                }
            }

            return (x, labels);
        }

        private static Dense Layer(int outputs, int inputs, Activation activation, int batch, Random random)
        {
            var layer = new Dense(inputs, outputs, activation);
            layer.Reserve(batch);
            Random(random, outputs * inputs, 0.1f).CopyTo(layer.Weight.Value, 0);
            Random(random, outputs, 0.5f).CopyTo(layer.Bias.Value, 0);
            return layer;
        }

        private static float[] Random(Random random, int length, float scale)
        {
            var values = new float[length];
            for (int i = 0; i < length; i++)
            {
                values[i] = (float)(random.NextDouble() * 2 - 1) * scale;
            }

            return values;
        }
    }
}
