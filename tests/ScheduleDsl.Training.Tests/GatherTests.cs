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
            (float[] source, int[] indices) = Samples(width, batch, seed: width * 7 + batch);

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

        /// <summary>
        /// An index outside the data is refused wherever it falls: in a group of eight that the narrow gather reads with one
        /// instruction (first, middle), past the last group, below zero, and in a wide or sample-major gather.
        /// </summary>
        [Theory]
        [InlineData(16, 784, 15, 10, true)]
        [InlineData(128, 784, 127, 10, true)]
        [InlineData(128, 784, 40, -3, false)]
        [InlineData(50, 3, 49, 10, true)]
        [InlineData(50, 3, 0, 10, true)]
        [InlineData(50, 3, 13, -1, true)]
        [InlineData(64, 1, 63, int.MaxValue, true)]
        [InlineData(64, 7, 30, int.MinValue, true)]
        public void RefusesASampleOutsideTheDataset(int batch, int width, int position, int index, bool transposed)
        {
            const int count = 10;
            var indices = new int[batch];
            indices[position] = index;
            var error = Assert.Throws<IndexOutOfRangeException>(() =>
                GatherTransposed.Run(new float[count * width], width, indices, new float[width * batch], new float[width * batch], transposed));
            Assert.Contains("Sample " + index + " is outside the 10 samples", error.Message);
        }

        /// <summary>A sample-major gather (for a first layer that takes its batch so) copies each sample's row to its place, on one thread and split across the pool.</summary>
        [Theory]
        [InlineData(32, 50)]
        [InlineData(784, 128)]
        [InlineData(300, 129)]
        public void CopiesEverySampleToItsRowSampleMajor(int width, int batch)
        {
            (float[] source, int[] indices) = Samples(width, batch, seed: width * 3 + batch);

            var target = new float[width * batch];
            GatherTransposed.Run(source, width, indices, target, Array.Empty<float>(), transposed: false);
            for (int j = 0; j < batch; j++)
            {
                Assert.True(source.AsSpan(indices[j] * width, width).SequenceEqual(target.AsSpan(j * width, width)), "sample " + j);
            }
        }

        /// <summary>A dataset of 400 random samples <paramref name="width"/> wide, and a batch of random indices into it.</summary>
        private static (float[] Source, int[] Indices) Samples(int width, int batch, int seed)
        {
            const int count = 400;
            var random = new Random(seed);
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

            return (source, indices);
        }

        [Fact]
        public void RefusesBuffersSmallerThanTheBatch()
        {
            Assert.Throws<ArgumentException>(() => GatherTransposed.Run(new float[100 * 8], 8, new int[16], new float[8 * 15], new float[8 * 16]));
        }
    }
}
