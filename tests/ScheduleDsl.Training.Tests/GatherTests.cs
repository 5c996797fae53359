using System;
using ScheduleDsl.Training.Kernels;
using Xunit;

namespace ScheduleDsl.Training.Tests
{
    /// <summary>Gathering samples into a feature-major batch, on one thread and split across the worker pool.</summary>
    [Collection("Simd")]
    public class GatherTests
    {
        [Theory]
        [InlineData(1, 5)]
        [InlineData(3, 50)]
        [InlineData(7, 33)]
        [InlineData(8, 1)]
        [InlineData(10, 50)]
        [InlineData(23, 37)]
        [InlineData(784, 31)]
        [InlineData(784, 128)]
        [InlineData(256, 200)]
        [InlineData(300, 129)]
        public void PlacesEverySampleInItsColumn(int width, int batch)
        {
            const int count = 400;
            var random = new Random(width * 7 + batch);
            var source = new float[count * width];
            for (int i = 0; i < source.Length; i++)
            {
                source[i] = (float)random.NextDouble();
            }

            var indices = new int[batch];
            for (int j = 0; j < batch; j++)
            {
                indices[j] = random.Next(count);
            }

            foreach (bool scalar in new[] { false, true })
            {
                var target = new float[width * batch];
                var rows = new float[width * batch];
                bool previous = Simd.ForceScalar;
                Simd.ForceScalar = scalar;
                try
                {
                    GatherTransposed.Run(source, width, indices, target, rows);
                }
                finally
                {
                    Simd.ForceScalar = previous;
                }

                for (int f = 0; f < width; f++)
                {
                    for (int j = 0; j < batch; j++)
                    {
                        Assert.Equal(source[indices[j] * width + f], target[f * batch + j]);
                    }
                }
            }
        }

        [Theory]
        [InlineData(16, 784)]
        [InlineData(128, 784)]
        [InlineData(50, 3)]
        public void RefusesASampleOutsideTheDataset(int batch, int width)
        {
            const int count = 10;
            var indices = new int[batch];
            indices[batch - 1] = count;
            var error = Assert.Throws<IndexOutOfRangeException>(() =>
                GatherTransposed.Run(new float[count * width], width, indices, new float[width * batch], new float[width * batch]));
            Assert.Contains("Sample 10 is outside the 10 samples", error.Message);
        }

        [Fact]
        public void RefusesBuffersSmallerThanTheBatch()
        {
            Assert.Throws<ArgumentException>(() => GatherTransposed.Run(new float[100 * 8], 8, new int[16], new float[8 * 15], new float[8 * 16]));
        }
    }
}
