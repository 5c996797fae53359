using System;
using ScheduleDsl.Training.Kernels;
using Xunit;

namespace ScheduleDsl.Training.Tests
{
    /// <summary>Counting right answers: the vector path against the scalar one, ties and NaN included.</summary>
    [Collection("Simd")]
    public class CorrectTests
    {
        [Theory]
        [InlineData(2, 1)]
        [InlineData(3, 50)]
        [InlineData(3, 7)]
        [InlineData(10, 128)]
        [InlineData(10, 131)]
        public void TheVectorPathCountsAsTheScalarOne(int outputs, int batch)
        {
            var random = new Random(outputs * 1000 + batch);
            var output = new float[outputs * batch];
            var target = new float[outputs * batch];
            for (int j = 0; j < batch; j++)
            {
                target[random.Next(outputs) * batch + j] = 1;
                for (int r = 0; r < outputs; r++)
                {
                    // Few distinct values, so that ties are common; now and then a NaN.
                    int pick = random.Next(8);
                    output[r * batch + j] = pick == 0 ? float.NaN : pick / 4f;
                }
            }

            // Targets that tie too: a sample whose target row is all zeros, and one with two ones.
            if (batch > 2)
            {
                for (int r = 0; r < outputs; r++)
                {
                    target[r * batch] = 0;
                    target[r * batch + 1] = r < 2 ? 1 : 0;
                }
            }

            int vector = Losses.Correct(Loss.CategoricalCrossEntropy, output, target, outputs, batch);
            bool previous = Simd.ForceScalar;
            Simd.ForceScalar = true;
            int scalar;
            try
            {
                scalar = Losses.Correct(Loss.CategoricalCrossEntropy, output, target, outputs, batch);
            }
            finally
            {
                Simd.ForceScalar = previous;
            }

            Assert.Equal(Reference(output, target, outputs, batch), scalar);
            Assert.Equal(scalar, vector);
        }

        /// <summary>The first largest output's row against the first largest target's row, sample by sample.</summary>
        private static int Reference(float[] output, float[] target, int outputs, int batch)
        {
            int correct = 0;
            for (int j = 0; j < batch; j++)
            {
                int predicted = 0, actual = 0;
                for (int r = 1; r < outputs; r++)
                {
                    predicted = output[r * batch + j] > output[predicted * batch + j] ? r : predicted;
                    actual = target[r * batch + j] > target[actual * batch + j] ? r : actual;
                }

                correct += predicted == actual ? 1 : 0;
            }

            return correct;
        }
    }
}
