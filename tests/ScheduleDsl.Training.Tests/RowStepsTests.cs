using System;
using ScheduleDsl.Training.Kernels;
using Xunit;

namespace ScheduleDsl.Training.Tests
{
    /// <summary>
    /// A dense layer's row-wise steps split across the workers give exactly the bits of the one-thread code: for layers
    /// large enough to split (256×128, and 77×300 whose last part is not a whole band), and for one too small to split.
    /// </summary>
    public sealed class RowStepsTests
    {
        public static TheoryData<int, int> Shapes => new() { { 256, 128 }, { 77, 300 }, { 40, 50 } };

        [Theory]
        [MemberData(nameof(Shapes))]
        public void ActivationsAndTheirGradientsMatchTheOneThreadCode(int rows, int batch)
        {
            var random = new Random(rows * 31 + batch);
            foreach (Activation activation in new[] { Activation.Relu, Activation.Tanh, Activation.Sigmoid, Activation.Linear, Activation.Softmax })
            {
                float[] values = Random(random, rows * batch, 3);
                float[] expected = (float[])values.Clone();
                Elementwise.Activate(activation, expected, rows, batch, new float[2 * batch]);
                float[] actual = (float[])values.Clone();
                RowSteps.Activate(activation, actual, rows, batch, new float[2 * batch]);
                Assert.True(expected.AsSpan().SequenceEqual(actual), $"{activation} forward, {rows}×{batch}");

                float[] gradient = Random(random, rows * batch, 1);
                float[] expectedGradient = (float[])gradient.Clone();
                Elementwise.ActivationBackward(activation, expected, expectedGradient, rows, batch, new float[2 * batch]);
                float[] actualGradient = (float[])gradient.Clone();
                RowSteps.ActivationBackward(activation, expected, actualGradient, rows, batch, new float[2 * batch]);
                Assert.True(expectedGradient.AsSpan().SequenceEqual(actualGradient), $"{activation} backward, {rows}×{batch}");
            }
        }

        [Theory]
        [MemberData(nameof(Shapes))]
        public void BiasStepsAndTheTransposeMatchTheOneThreadCode(int rows, int batch)
        {
            var random = new Random(rows + batch * 7);
            float[] bias = Random(random, rows, 1);
            float[] expected = new float[rows * batch];
            Elementwise.FillRows(expected, bias, batch);
            float[] actual = new float[rows * batch];
            RowSteps.FillRows(actual, bias, batch);
            Assert.True(expected.AsSpan().SequenceEqual(actual), "bias fill");
            Assert.Equal(bias[rows - 1], actual[rows * batch - 1]);

            float[] values = Random(random, rows * batch, 1);
            float[] expectedSums = new float[rows];
            Elementwise.RowSums(values, expectedSums, batch);
            float[] actualSums = new float[rows];
            RowSteps.RowSums(values, actualSums, batch);
            Assert.True(expectedSums.AsSpan().SequenceEqual(actualSums), "bias gradient");

            float[] expectedTransposed = new float[rows * batch];
            Transpose.Run(values, expectedTransposed, rows, batch);
            float[] actualTransposed = new float[rows * batch];
            RowSteps.Transposed(values, actualTransposed, rows, batch);
            Assert.True(expectedTransposed.AsSpan().SequenceEqual(actualTransposed), "transpose");
            Assert.Equal(values[1], actualTransposed[rows]);
            Assert.Throws<ArgumentException>(() => RowSteps.Transposed(values, new float[rows * batch - 1], rows, batch));
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
