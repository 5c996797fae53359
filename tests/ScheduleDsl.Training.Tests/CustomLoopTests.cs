using System;
using System.Linq;
using Xunit;

namespace ScheduleDsl.Training.Tests
{
    /// <summary>The pieces Fit is made of, for a training loop of the user's own: gradients, an optimizer step, evaluation on labels.</summary>
    public sealed class CustomLoopTests
    {
        private static Sequential Network()
        {
            var model = new Sequential(new Dense(3, 9, Activation.Relu), new Dropout(9, 0), new Dense(9, 3, Activation.Softmax));
            model.Compile(Loss.CategoricalCrossEntropy, new Adam(0.01));
            model.Initialize(7);
            return model;
        }

        [Fact]
        public void GradientsAndAStepReproduceFitBitForBit()
        {
            (float[,] x, int[] labels) = TutorialData.Create(64, seed: 3);
            Sequential fitted = Network();
            fitted.Fit(x, labels, new FitOptions { Epochs = 2, BatchSize = 64, Shuffle = false });
            Sequential manual = Network();
            for (int epoch = 0; epoch < 2; epoch++)
            {
                manual.ComputeGradients(x, labels);
                manual.Optimizer.Step(manual.Optimizer.LearningRate);
            }

            for (int p = 0; p < fitted.Parameters.Count; p++)
            {
                Assert.Equal(fitted.Parameters[p].Value, manual.Parameters[p].Value);
            }

            Assert.Equal(2, manual.Optimizer.Iterations);
        }

        [Fact]
        public void EvaluateOnLabelsEqualsEvaluateOnOneHotTargets()
        {
            (float[,] x, int[] labels) = TutorialData.Create(100, seed: 4);
            Sequential model = Network();
            var y = new float[100, 3];
            for (int i = 0; i < 100; i++)
            {
                y[i, labels[i]] = 1;
            }

            Assert.Equal(model.Evaluate(x, y), model.Evaluate(x, labels));
            Assert.Throws<ArgumentException>(() => model.Evaluate(x, labels.Select(l => l + 3).ToArray()));
        }

        [Fact]
        public void LayersOwnTheirNamedParametersAndDescriptions()
        {
            Sequential model = Network();
            Assert.Equal(new[] { "layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias" }, model.ParameterNames);
            Assert.Equal(new[] { "weight", "bias" }, model.Layers[0].Parameters.Select(p => p.Name));
            Assert.Empty(model.Layers[1].Parameters);
            Assert.Equal("dense(3→9, Relu) dropout(0) dense(9→3, Softmax)", Checkpoint.Architecture(model));
        }

        [Fact]
        public void SummaryListsLayersShapesAndParameterCountsAsKeras()
        {
            var model = new Sequential(new Dense(3, 9, Activation.Relu), new Dense(9, 9, Activation.Relu), new Dense(9, 9, Activation.Relu), new Dense(9, 3, Activation.Softmax));
            model.Compile(Loss.CategoricalCrossEntropy, new Sgd(0.01));
            // Keras counts the tutorial's network at 3·9+9 + 2·(9·9+9) + 9·3+3 = 246 parameters.
            Assert.Equal(
                "Layer                 Output shape   Param #\n"
                + "────────────────────────────────────────────\n"
                + "dense(3→9, Relu)      (None, 9)           36\n"
                + "dense(9→9, Relu)      (None, 9)           90\n"
                + "dense(9→9, Relu)      (None, 9)           90\n"
                + "dense(9→3, Softmax)   (None, 3)           30\n"
                + "────────────────────────────────────────────\n"
                + "Total params: 246 (984 B)\n"
                + "Inputs: 3, outputs: 3; loss: CategoricalCrossEntropy, optimizer: sgd(lr=0.01, momentum=0, nesterov=false, weight_decay=0)\n",
                model.Summary());
        }

        [Fact]
        public void AStepNeedsBoundParametersAndAValidRate()
        {
            var optimizer = new Sgd(0.1);
            Assert.Throws<InvalidOperationException>(() => optimizer.Step(0.1));
            optimizer.Bind(new[] { new Parameter("p", 2) });
            Assert.Throws<ArgumentOutOfRangeException>(() => optimizer.Step(double.NaN));
            Assert.Throws<ArgumentOutOfRangeException>(() => optimizer.Step(-1));
            Assert.Throws<ArgumentException>(() => new Parameter("p", 0));
        }
    }
}
