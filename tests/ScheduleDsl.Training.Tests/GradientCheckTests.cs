using System;
using System.Collections.Generic;
using Xunit;

namespace ScheduleDsl.Training.Tests
{
    /// <summary>Back-propagated gradients against central finite differences, for every activation and loss.</summary>
    public class GradientCheckTests
    {
        public static IEnumerable<object[]> Cases()
        {
            foreach (Activation hidden in new[] { Activation.Linear, Activation.Relu, Activation.Tanh, Activation.Sigmoid, Activation.Softmax })
            {
                foreach ((Activation output, Loss loss) in new[]
                {
                    (Activation.Softmax, Loss.CategoricalCrossEntropy),
                    (Activation.Sigmoid, Loss.BinaryCrossEntropy),
                    (Activation.Linear, Loss.MeanSquaredError),
                    (Activation.Tanh, Loss.MeanSquaredError),
                    (Activation.Sigmoid, Loss.MeanSquaredError),
                    (Activation.Softmax, Loss.MeanSquaredError),
                    (Activation.Relu, Loss.MeanSquaredError),
                })
                {
                    yield return new object[] { hidden, output, loss };
                }
            }
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void GradientsMatchFiniteDifferences(Activation hidden, Activation output, Loss loss)
        {
            var model = new Sequential(new Dense(4, 5, hidden), new Dense(5, 3, output));
            model.Compile(loss, new Sgd(learningRate: 0));
            model.Initialize(7);
            var random = new Random(3);
            var x = new float[6, 4];
            var y = new float[6, 3];
            for (int i = 0; i < 6; i++)
            {
                for (int f = 0; f < 4; f++)
                {
                    x[i, f] = (float)(random.NextDouble() * 2 - 1);
                }

                if (loss == Loss.CategoricalCrossEntropy)
                {
                    y[i, random.Next(3)] = 1;
                }
                else
                {
                    for (int o = 0; o < 3; o++)
                    {
                        y[i, o] = (float)random.NextDouble();
                    }
                }
            }

            // One step with learning rate 0 fills the gradients and changes nothing.
            var data = Dataset.From(x, y, 4, 3, loss, "x", "y");
            model.TrainOn(data, new[] { 0, 1, 2, 3, 4, 5 }, 0, out _);
            const float h = 2e-3f;
            foreach (Parameter parameter in model.Parameters)
            {
                float[] analytic = (float[])parameter.Gradient.Clone();
                for (int i = 0; i < parameter.Length; i++)
                {
                    float original = parameter.Value[i];
                    parameter.Value[i] = original + h;
                    double plus = model.Evaluate(x, y).Loss;
                    parameter.Value[i] = original - h;
                    double minus = model.Evaluate(x, y).Loss;
                    parameter.Value[i] = original;
                    double numeric = (plus - minus) / (2 * h);
                    Assert.True(
                        Math.Abs(numeric - analytic[i]) <= 2e-3 + 2e-2 * Math.Abs(numeric),
                        $"{hidden}/{output}/{loss} {parameter.Name}[{i}]: numeric {numeric:G6}, back-propagated {analytic[i]:G6}");
                }
            }
        }

        [Fact]
        public void DropoutScalesKeptValuesAndPassesGradientsThroughTheSameMask()
        {
            var dropout = new Dropout(4, 0.5);
            dropout.Reserve(8);
            var input = new float[32];
            Array.Fill(input, 1f);
            dropout.Forward(input, 8, training: true, new Rng(1));
            int kept = 0;
            for (int i = 0; i < 32; i++)
            {
                Assert.True(dropout.Output[i] == 0f || dropout.Output[i] == 2f);
                kept += dropout.Output[i] == 2f ? 1 : 0;
            }

            Assert.InRange(kept, 6, 26);
            Array.Fill(dropout.OutputGradient, 3f);
            var inputGradient = new float[32];
            dropout.Backward(input, inputGradient, 8);
            for (int i = 0; i < 32; i++)
            {
                Assert.Equal(dropout.Output[i] * 3f, inputGradient[i]);
            }

            dropout.Forward(input, 8, training: false, new Rng(1));
            Assert.All(dropout.Output[..32], v => Assert.Equal(1f, v));
        }
    }
}
