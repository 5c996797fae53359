using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ScheduleDsl.Training.Kernels
{
    /// <summary>
    /// Gathers sample rows (<c>[count, width]</c>, row-major) into a feature-major batch (<c>[width, batch]</c>): the rows
    /// are copied into a batch-major buffer and transposed. A large batch is split across the worker pool by samples, each
    /// worker copying and transposing its own samples: the copies wait on memory (random rows of a dataset larger than the
    /// caches), so two cores keep twice as many reads in flight, and each worker writes the batch columns that it packs
    /// itself in the first layer's product. A narrow sample (the tutorial's three features) is written straight to its places.
    /// A first layer that takes its input sample-major (<see cref="Layer.TakesSampleMajorInput"/>) gets the rows copied and
    /// not transposed: its products pack them either way round, and the transpose, which wrote every line of the target
    /// that both cores had read in the step before, cost about twice the copy.
    /// </summary>
    internal static unsafe class GatherTransposed
    {
        /// <summary>From this many elements the gather is split across the pool (a batch of 128 samples of 256 features).</summary>
        private const int ParallelElements = 1 << 15;

        /// <summary>Samples per part boundary: a whole band of <see cref="Transpose"/>, and whole cache lines of the target rows.</summary>
        private const int Samples = 16;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void Run(ReadOnlySpan<float> source, int width, ReadOnlySpan<int> indices, Span<float> target, Span<float> rows) =>
            Run(source, width, indices, target, rows, transposed: true);

        /// <summary>
        /// As <see cref="Run(ReadOnlySpan{float}, int, ReadOnlySpan{int}, Span{float}, Span{float})"/>; with
        /// <paramref name="transposed"/> false the rows are copied straight into <paramref name="target"/>, sample-major
        /// (<c>[batch, width]</c>), and <paramref name="rows"/> is not used.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void Run(ReadOnlySpan<float> source, int width, ReadOnlySpan<int> indices, Span<float> target, Span<float> rows, bool transposed)
        {
            int batch = indices.Length;
            if (width < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(width), width, "A sample has at least one value.");
            }

            if (target.Length < batch * width || (transposed && rows.Length < batch * width))
            {
                throw new ArgumentException("The buffers are smaller than the batch.");
            }

            int count = source.Length / width;
            fixed (float* s = source)
            fixed (int* i = indices)
            fixed (float* t = target)
            fixed (float* r = rows)
            {
                if (transposed && width < NarrowWidth)
                {
                    Narrow(s, count, width, i, batch, t);
                    return;
                }

                var job = new Job(s, count, width, i, batch, t, transposed ? r : null);
                WorkerPool pool = WorkerPool.Shared;
                if ((long)batch * width >= ParallelElements && batch >= 2 * Samples && pool.Workers > 1)
                {
                    pool.Run(ref job, Math.Min(pool.Workers, batch / Samples));
                }
                else
                {
                    job.Execute(0, 1);
                }
            }
        }

        /// <summary>Below this many values a sample is written straight to its places: copying rows to transpose them costs more.</summary>
        private const int NarrowWidth = 8;

        /// <summary>
        /// Each value of a narrow sample written to its place in the feature-major batch (the tutorial's three features and
        /// three targets). With AVX2, eight samples at a time: one gather instruction reads a feature of all eight and one
        /// store writes them to the feature's row (the value-by-value loop was about 6% of the tutorial's step).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Narrow(float* source, int count, int width, int* indices, int batch, float* target)
        {
            int j = Avx2.IsSupported && Simd.IsVectorized ? NarrowByEight(source, count, width, indices, batch, target) : 0;
            for (; j < batch; j++)
            {
                int index = indices[j];
                if ((uint)index >= (uint)count)
                {
                    throw OutsideTheData(index, count);
                }

                float* sample = source + (long)index * width;
                float* place = target + j;
                for (int f = 0; f < width; f++, place += batch)
                {
                    *place = sample[f];
                }
            }
        }

        /// <summary>
        /// Samples eight at a time while all eight are inside the data; returns the first sample not gathered (the rest,
        /// and a group holding an index outside the data, which the value-by-value loop then reports, are left to it).
        /// Every offset, index × width + feature, is below the data's length, so it fits the gather's 32-bit indices.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static int NarrowByEight(float* source, int count, int width, int* indices, int batch, float* target)
        {
            Vector256<int> limit = Vector256.Create(count);
            Vector256<int> widths = Vector256.Create(width);
            int j = 0;
            for (; j + 8 <= batch; j += 8)
            {
                Vector256<int> index = Avx.LoadVector256(indices + j);
                Vector256<int> outside = Avx2.Or(Avx2.CompareGreaterThan(Vector256<int>.Zero, index), Avx2.CompareGreaterThan(limit, index) ^ Vector256<int>.AllBitsSet);
                if (!Avx.TestZ(outside, outside))
                {
                    break;
                }

                Vector256<int> offset = Avx2.MultiplyLow(index, widths);
                float* place = target + j;
                for (int f = 0; f < width; f++, place += batch)
                {
                    Avx.Store(place, Avx2.GatherVector256(source + f, offset, 4));
                }
            }

            return j;
        }

        private static IndexOutOfRangeException OutsideTheData(int index, int count) =>
            new IndexOutOfRangeException("Sample " + index + " is outside the " + count + " samples of the dataset.");

        private readonly struct Job : IWorkerJob
        {
            private readonly float* _source;
            private readonly int _count;
            private readonly int _width;
            private readonly int* _indices;
            private readonly int _batch;
            private readonly float* _target;

            /// <summary>The batch-major copy that is transposed into the target; null to copy straight into the target.</summary>
            private readonly float* _rows;

            public Job(float* source, int count, int width, int* indices, int batch, float* target, float* rows)
            {
                _source = source;
                _count = count;
                _width = width;
                _indices = indices;
                _batch = batch;
                _target = target;
                _rows = rows;
            }

            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            public void Execute(int part, int parts)
            {
                (int j0, int j1) = WorkerPool.Share(_batch, Samples, part, parts);
                long rowBytes = (long)_width * sizeof(float);
                float* rows = _rows != null ? _rows : _target;
                for (int j = j0; j < j1; j++)
                {
                    int index = _indices[j];
                    if ((uint)index >= (uint)_count)
                    {
                        throw OutsideTheData(index, _count);
                    }

                    Buffer.MemoryCopy(_source + (long)index * _width, rows + (long)j * _width, rowBytes, rowBytes);
                }

                if (_rows != null)
                {
                    Transpose.Rows(_rows, _target, _batch, _width, j0, j1);
                }
            }
        }
    }
}
