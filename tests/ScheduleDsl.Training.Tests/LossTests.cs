using System;
using ScheduleDsl.Training.Kernels;
using Xunit;

namespace ScheduleDsl.Training.Tests
{
    /// <summary>The fused softmax cross-entropy in one pass against its passes of element-wise kernels.</summary>
    public class LossTests
    {
        /// <summary>
        /// One pass gives the loss and the gradient of the five passes bit for bit: outputs × batch a multiple of the vector
        /// width or not, fewer values than one vector (which take the passes themselves), probabilities of 0 and 1 (clipped).
        /// </summary>
        [Theory]
        [InlineData(3, 50)]
        [InlineData(10, 128)]
        [InlineData(10, 100)]
        [InlineData(3, 7)]
        [InlineData(1, 9)]
        [InlineData(3, 2)]
        public void OnePassGivesTheBitsOfThePasses(int outputs, int batch)
        {
            var random = new Random(outputs * 100 + batch);
            int count = outputs * batch;
            float[] output = new float[count];
            float[] target = new float[count];
            for (int j = 0; j < batch; j++)
            {
                // The last sample's class is the last output, so the last value of all counts in the loss.
                target[(j == batch - 1 ? outputs - 1 : random.Next(outputs)) * batch + j] = 1;
                for (int r = 0; r < outputs; r++)
                {
                    output[r * batch + j] = (float)random.NextDouble();
                }
            }

            output[0] = 0;
            output[count / 2] = 1;
            output[count - 1] = 0.05f;
            float[] expected = new float[count];
            double expectedLoss = Losses.SoftmaxCrossEntropyByPasses(output, target, expected, count, batch);
            float[] actual = new float[count];
            double actualLoss = Losses.Compute(Loss.CategoricalCrossEntropy, fused: true, output, target, actual, outputs, batch);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expectedLoss), BitConverter.DoubleToInt64Bits(actualLoss));
            Assert.True(expected.AsSpan().SequenceEqual(actual));
            Assert.True(actualLoss > 0);
        }
    }
}
