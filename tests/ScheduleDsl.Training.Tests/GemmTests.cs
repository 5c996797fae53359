using System;
using ScheduleDsl.Training.Kernels;
using Xunit;

namespace ScheduleDsl.Training.Tests
{
    /// <summary>The blocked, vectorized product against a plain double-precision reference, and against the scalar path.</summary>
    [Collection("Simd")]
    public class GemmTests
    {
        [Theory]
        [InlineData(1, 1, 1)]
        [InlineData(3, 9, 50)]
        [InlineData(9, 3, 50)]
        [InlineData(7, 13, 17)]
        [InlineData(6, 300, 33)]
        [InlineData(13, 5, 64)]
        [InlineData(256, 784, 128)]
        [InlineData(130, 270, 131)]
        public void MatchesTheReference(int m, int k, int n)
        {
            var random = new Random(m * 1000 + k * 10 + n);
            float[] a = RandomMatrix(random, m * k);
            float[] b = RandomMatrix(random, k * n);
            float[] start = RandomMatrix(random, m * n);
            foreach (bool scalar in new[] { false, true })
            {
                foreach (bool accumulate in new[] { false, true })
                {
                    float[] c = (float[])start.Clone();
                    bool previous = Simd.ForceScalar;
                    Simd.ForceScalar = scalar;
                    try
                    {
                        Gemm.Multiply(a, b, c, m, k, n, accumulate);
                    }
                    finally
                    {
                        Simd.ForceScalar = previous;
                    }

                    for (int i = 0; i < m; i++)
                    {
                        for (int j = 0; j < n; j++)
                        {
                            double expected = accumulate ? start[i * n + j] : 0;
                            for (int p = 0; p < k; p++)
                            {
                                expected += (double)a[i * k + p] * b[p * n + j];
                            }

                            Assert.True(Math.Abs(expected - c[i * n + j]) <= 1e-4 * Math.Max(1, Math.Sqrt(k)), $"scalar={scalar} accumulate={accumulate} C[{i},{j}]: {expected} vs {c[i * n + j]}");
                        }
                    }
                }
            }
        }

        /// <summary>
        /// The tutorial's small products (9 and 3 rows: six-row tiles, then the three-row tile two vectors of columns at a
        /// time, then one, then single columns), and the single rows past the three-row tile (four vectors of columns at a
        /// time, then one, then four single columns, then one, over one or two depth blocks) compute each element of C as
        /// one chain of fused multiply-adds over the depth, in order, from C's value or zero: exactly, bit for bit,
        /// wherever the element falls. So no split of the rows, which decides the rows that fall to each tile, changes a bit.
        /// </summary>
        [Theory]
        [InlineData(9, 9, 50)]
        [InlineData(3, 9, 50)]
        [InlineData(9, 3, 50)]
        [InlineData(3, 9, 17)]
        [InlineData(9, 9, 40)]
        [InlineData(3, 2, 7)]
        [InlineData(1, 9, 45)]
        [InlineData(5, 7, 77)]
        [InlineData(1, 300, 45)]
        [InlineData(2, 260, 13)]
        public void SmallProductsAreOneChainOfMultiplyAddsPerElement(int m, int k, int n)
        {
            if (!Simd.IsVectorized)
            {
                return;
            }

            var random = new Random(m * 7 + k * 3 + n);
            float[] a = RandomMatrix(random, m * k);
            float[] b = RandomMatrix(random, k * n);
            float[] start = RandomMatrix(random, m * n);
            foreach (bool accumulate in new[] { false, true })
            {
                float[] c = (float[])start.Clone();
                Gemm.Multiply(a, b, c, m, k, n, accumulate);
                for (int i = 0; i < m; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        float expected = accumulate ? start[i * n + j] : 0;
                        for (int p = 0; p < k; p++)
                        {
                            expected = MathF.FusedMultiplyAdd(a[i * k + p], b[p * n + j], expected);
                        }

                        Assert.True(expected.Equals(c[i * n + j]), $"accumulate={accumulate} C[{i},{j}]: {expected:R} vs {c[i * n + j]:R}");
                    }
                }
            }
        }

        /// <summary>
        /// Every tile this machine can run (unpacked, packed <c>Vector&lt;float&gt;</c>, packed 512-bit where the hardware has
        /// it) gives the reference's values, and the packed tiles — the ones a process chooses between at start-up — give the
        /// same bits as each other, so the choice cannot change a training run. The shapes reach the packed path's edges: rows past the last six-row tile (one to five) and past
        /// the 512-bit tile's last eight-row tile (one to seven, six of them a six-row tile), columns past the last panel (for the 512-bit tile also 16 to 31 of
        /// them, and products narrower than its panel), depth blocks with a remainder, and products split across workers (on six-row boundaries for one tile,
        /// eight-row for the other, so the rows the unpacked edge tiles compute differ between the tiles).
        /// </summary>
        [Theory]
        [InlineData(14, 300, 64)]
        [InlineData(30, 300, 45)]
        [InlineData(256, 784, 128)]
        [InlineData(256, 128, 784)]
        [InlineData(130, 270, 131)]
        [InlineData(40, 600, 50)]
        [InlineData(12, 1000, 40)]
        [InlineData(17, 257, 97)]
        [InlineData(61, 300, 33)]
        [InlineData(18, 1200, 20)]
        [InlineData(7, 900, 60)]
        public void EveryTileGivesTheSameBits(int m, int k, int n)
        {
            var random = new Random(m * 7919 + k * 31 + n);
            float[] a = RandomMatrix(random, m * k);
            float[] b = RandomMatrix(random, k * n);
            float[] start = RandomMatrix(random, m * n);
            foreach (bool accumulate in new[] { false, true })
            {
                float[]? first = null;
                foreach (GemmTile tile in GemmTileChoice.Available)
                {
                    float[] c = (float[])start.Clone();
                    GemmTileChoice.Override = tile;
                    try
                    {
                        Gemm.Multiply(a, b, c, m, k, n, accumulate);
                    }
                    finally
                    {
                        GemmTileChoice.Override = null;
                    }

                    for (int i = 0; i < m; i++)
                    {
                        for (int j = 0; j < n; j++)
                        {
                            double expected = accumulate ? start[i * n + j] : 0;
                            for (int p = 0; p < k; p++)
                            {
                                expected += (double)a[i * k + p] * b[p * n + j];
                            }

                            Assert.True(Math.Abs(expected - c[i * n + j]) <= 1e-4 * Math.Sqrt(k), $"{tile} accumulate={accumulate} C[{i},{j}]: {expected} vs {c[i * n + j]}");
                        }
                    }

                    if (tile != GemmTile.Unpacked)
                    {
                        first ??= c;
                        Assert.True(first.AsSpan().SequenceEqual(c), $"{tile} differs from the first packed tile (accumulate={accumulate})");
                    }
                }
            }
        }

        /// <summary>
        /// A product given Bᵀ (the weight gradient's <c>dZ · Xᵀ</c> with X as the layer holds it) gives exactly the bits of
        /// the product with B transposed first, with every tile: packed straight from Bᵀ where the columns fill whole panels
        /// (depths with and without a remainder of eight, more than one depth block, split across workers), transposed
        /// first where they do not or the product is too small to pack.
        /// </summary>
        [Theory]
        [InlineData(256, 128, 784)]
        [InlineData(256, 128, 256)]
        [InlineData(10, 128, 256)]
        [InlineData(64, 100, 48)]
        [InlineData(13, 600, 64)]
        [InlineData(6, 300, 40)]
        [InlineData(3, 9, 50)]
        public void ATransposedBGivesTheBitsOfTransposingFirst(int m, int k, int n)
        {
            var random = new Random(m * 131 + k * 17 + n);
            float[] a = RandomMatrix(random, m * k);
            float[] bTransposed = RandomMatrix(random, n * k);
            float[] b = new float[k * n];
            for (int j = 0; j < n; j++)
            {
                for (int p = 0; p < k; p++)
                {
                    b[p * n + j] = bTransposed[j * k + p];
                }
            }

            float[] start = RandomMatrix(random, m * n);
            foreach (bool accumulate in new[] { false, true })
            {
                foreach (GemmTile tile in GemmTileChoice.Available)
                {
                    float[] expected = (float[])start.Clone();
                    float[] actual = (float[])start.Clone();
                    GemmTileChoice.Override = tile;
                    try
                    {
                        Gemm.Multiply(a, b, expected, m, k, n, accumulate);
                        Gemm.MultiplyByTransposed(a, bTransposed, actual, m, k, n, accumulate, new float[k * n]);
                    }
                    finally
                    {
                        GemmTileChoice.Override = null;
                    }

                    Assert.True(expected.AsSpan().SequenceEqual(actual), $"{tile} accumulate={accumulate}: the product from Bᵀ differs");
                }
            }
        }

        /// <summary>A packed product's depth is cut into as few blocks of at most 320 as it takes, as equal as multiples of eight allow.</summary>
        [Theory]
        [InlineData(8, 8)]
        [InlineData(128, 128)]
        [InlineData(256, 256)]
        [InlineData(300, 304)]
        [InlineData(320, 320)]
        [InlineData(321, 168)]
        [InlineData(784, 264)]
        [InlineData(1000, 256)]
        public void PackedDepthBlocksAreAsEqualAsEightAllows(int k, int block)
        {
            Assert.Equal(block, PackedGemm.DepthBlock(k));
            Assert.True((k + block - 1) / block == (k + 319) / 320, "no more blocks than a 320-deep cut needs");
        }

        /// <summary>
        /// The packed path's last rows (here five: four and one) come out bit for bit as they do inside a full six-row tile,
        /// and a product split across workers (by columns or by rows) as it does on one thread: a result never depends on where a row falls.
        /// </summary>
        [Fact]
        public void PackedRowsGiveTheSameBitsWhereverTheyFall()
        {
            const int m = 17, k = 400, n = 64;
            var random = new Random(17);
            float[] a = RandomMatrix(random, m * k);
            float[] b = RandomMatrix(random, k * n);
            Assert.True(GemmTileChoice.Current != GemmTile.Unpacked || !System.Numerics.Vector.IsHardwareAccelerated);
            var whole = new float[m * n];
            Gemm.Multiply(a, b, whole, m, k, n, accumulate: false);

            // Rows 5 … 16 alone: rows 12 … 16 of the whole product are now rows 7 … 11, inside the second six-row tile.
            var shifted = new float[12 * n];
            Gemm.Multiply(a.AsSpan(5 * k), b, shifted, 12, k, n, accumulate: false);
            Assert.True(whole.AsSpan(12 * n, 5 * n).SequenceEqual(shifted.AsSpan(7 * n, 5 * n)), "the last rows differ from the same rows in a full tile");

            // A product large enough to split across the workers, against the same product computed in two halves of columns.
            const int wide = 256;
            float[] b2 = RandomMatrix(random, k * wide);
            var split = new float[m * wide];
            Gemm.Multiply(a, b2, split, m, k, wide, accumulate: false);
            var left = new float[m * 128];
            var right = new float[m * 128];
            var bLeft = new float[k * 128];
            var bRight = new float[k * 128];
            for (int p = 0; p < k; p++)
            {
                Array.Copy(b2, p * wide, bLeft, p * 128, 128);
                Array.Copy(b2, p * wide + 128, bRight, p * 128, 128);
            }

            Gemm.Multiply(a, bLeft, left, m, k, 128, accumulate: false);
            Gemm.Multiply(a, bRight, right, m, k, 128, accumulate: false);
            for (int i = 0; i < m; i++)
            {
                Assert.True(split.AsSpan(i * wide, 128).SequenceEqual(left.AsSpan(i * 128, 128)), $"row {i}, left half");
                Assert.True(split.AsSpan(i * wide + 128, 128).SequenceEqual(right.AsSpan(i * 128, 128)), $"row {i}, right half");
            }

            // A product tall enough to split by rows (61 rows: on two workers the boundary falls at row 30), against the
            // same product from row 6 on (its boundary at row 36 of the whole): rows 30 … 35 change worker, row 60 is an edge row in both.
            const int tall = 61;
            float[] a2 = RandomMatrix(random, tall * k);
            var rowsWhole = new float[tall * wide];
            Gemm.Multiply(a2, b2, rowsWhole, tall, k, wide, accumulate: false);
            var rowsShifted = new float[(tall - 6) * wide];
            Gemm.Multiply(a2.AsSpan(6 * k), b2, rowsShifted, tall - 6, k, wide, accumulate: false);
            for (int i = 6; i < tall; i++)
            {
                Assert.True(rowsWhole.AsSpan(i * wide, wide).SequenceEqual(rowsShifted.AsSpan((i - 6) * wide, wide)), $"row {i} of the row-split product");
            }
        }

        /// <summary>Four sums at once by horizontal adds are <see cref="System.Numerics.Vector.Sum"/>'s four sums, bit for bit, on values whose sum depends on the order.</summary>
        [Fact]
        public void FourSumsAtOnceGiveTheBitsOfVectorSum()
        {
            var random = new Random(11);
            int width = System.Numerics.Vector<float>.Count;
            for (int trial = 0; trial < 2000; trial++)
            {
                var vectors = new System.Numerics.Vector<float>[4];
                for (int v = 0; v < 4; v++)
                {
                    float[] lanes = new float[width];
                    for (int l = 0; l < width; l++)
                    {
                        lanes[l] = (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-6, 7)));
                    }

                    vectors[v] = new System.Numerics.Vector<float>(lanes);
                }

                System.Runtime.Intrinsics.Vector128<float> sums = DotProducts.Sums(vectors[0], vectors[1], vectors[2], vectors[3]);
                for (int v = 0; v < 4; v++)
                {
                    Assert.Equal(BitConverter.SingleToInt32Bits(System.Numerics.Vector.Sum(vectors[v])), BitConverter.SingleToInt32Bits(System.Runtime.Intrinsics.Vector128.GetElement(sums, v)));
                }
            }
        }

        /// <summary>
        /// Each dot product is one vector chain of fused multiply-adds over whole vectors, summed by <see cref="System.Numerics.Vector.Sum"/>,
        /// then the values past the last whole vector added one fused multiply-add at a time: bit for bit, in the blocks and at the edges.
        /// </summary>
        [Theory]
        [InlineData(9, 50, 9)]
        [InlineData(9, 50, 3)]
        [InlineData(3, 50, 9)]
        [InlineData(7, 37, 5)]
        [InlineData(4, 100, 4)]
        public void DotProductsAreOneChainEachSummedAsVectorSumSums(int m, int k, int n)
        {
            if (!Simd.IsVectorized)
            {
                return;
            }

            var random = new Random(m * 5 + k + n);
            float[] a = RandomMatrix(random, m * k);
            float[] b = RandomMatrix(random, n * k);
            var c = new float[m * n];
            DotProducts.MultiplyByTransposed(a, b, c, m, k, n);
            int width = System.Numerics.Vector<float>.Count;
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    var chain = System.Numerics.Vector<float>.Zero;
                    int p = 0;
                    for (; p + width <= k; p += width)
                    {
                        chain = System.Numerics.Vector.FusedMultiplyAdd(new System.Numerics.Vector<float>(a, i * k + p), new System.Numerics.Vector<float>(b, j * k + p), chain);
                    }

                    float expected = System.Numerics.Vector.Sum(chain);
                    for (; p < k; p++)
                    {
                        expected = MathF.FusedMultiplyAdd(a[i * k + p], b[j * k + p], expected);
                    }

                    Assert.True(expected.Equals(c[i * n + j]), $"C[{i},{j}]: {expected:R} vs {c[i * n + j]:R}");
                }
            }
        }

        [Theory]
        [InlineData(1, 1, 1)]
        [InlineData(9, 50, 9)]
        [InlineData(9, 50, 3)]
        [InlineData(3, 50, 9)]
        [InlineData(10, 128, 7)]
        [InlineData(7, 5, 11)]
        public void DotProductsMatchTheReference(int m, int k, int n)
        {
            var random = new Random(m * 7 + k * 3 + n);
            float[] a = RandomMatrix(random, m * k);
            float[] b = RandomMatrix(random, n * k);
            foreach (bool scalar in new[] { false, true })
            {
                var c = new float[m * n];
                bool previous = Simd.ForceScalar;
                Simd.ForceScalar = scalar;
                try
                {
                    DotProducts.MultiplyByTransposed(a, b, c, m, k, n);
                }
                finally
                {
                    Simd.ForceScalar = previous;
                }

                for (int i = 0; i < m; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        double expected = 0;
                        for (int p = 0; p < k; p++)
                        {
                            expected += (double)a[i * k + p] * b[j * k + p];
                        }

                        Assert.True(Math.Abs(expected - c[i * n + j]) <= 1e-4 * Math.Max(1, Math.Sqrt(k)), $"scalar={scalar} C[{i},{j}]");
                    }
                }
            }
        }

        [Theory]
        [InlineData(1, 1)]
        [InlineData(8, 8)]
        [InlineData(3, 50)]
        [InlineData(50, 3)]
        [InlineData(17, 23)]
        [InlineData(128, 784)]
        [InlineData(784, 128)]
        [InlineData(203, 170)]
        public void TransposesExactly(int rows, int columns)
        {
            float[] source = RandomMatrix(new Random(rows * 31 + columns), rows * columns);
            foreach (bool scalar in new[] { false, true })
            {
                var target = new float[rows * columns];
                bool previous = Simd.ForceScalar;
                Simd.ForceScalar = scalar;
                try
                {
                    Transpose.Run(source, target, rows, columns);
                }
                finally
                {
                    Simd.ForceScalar = previous;
                }

                for (int r = 0; r < rows; r++)
                {
                    for (int c = 0; c < columns; c++)
                    {
                        Assert.Equal(source[r * columns + c], target[c * rows + r]);
                    }
                }
            }
        }

        [Fact]
        public void RejectsSpansSmallerThanTheSizes()
        {
            Assert.Throws<ArgumentException>(() => Gemm.Multiply(new float[5], new float[6], new float[6], 2, 3, 2, false));
        }

        internal static float[] RandomMatrix(Random random, int count)
        {
            var values = new float[count];
            for (int i = 0; i < count; i++)
            {
                values[i] = (float)(random.NextDouble() * 2 - 1);
            }

            return values;
        }
    }

    [CollectionDefinition("Simd", DisableParallelization = true)]
    public class SimdCollection
    {
    }
}
