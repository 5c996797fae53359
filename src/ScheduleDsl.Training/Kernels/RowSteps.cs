using System;
using System.Runtime.CompilerServices;

namespace ScheduleDsl.Training.Kernels
{
    /// <summary>
    /// The row-wise steps of a dense layer (bias fill, element-wise activation and its gradient, bias gradient, weight
    /// transpose) split by rows across the worker pool when the layer is large: on one thread they left the other core
    /// waiting for about a tenth of a 784→256→256→10 step. Each part runs the one-thread code of <see cref="Elementwise"/>
    /// or <see cref="Transpose"/> on its own rows, so the results are the same bits as on one thread. Softmax works down
    /// the columns and always runs on the calling thread.
    /// </summary>
    internal static unsafe class RowSteps
    {
        /// <summary>From this many values a step is split: below it the hand-off costs more than the second core saves.</summary>
        private const int ParallelElements = 1 << 14;

        /// <summary>Rows per part boundary, a whole band of <see cref="Transpose"/>.</summary>
        private const int RowsPerBand = 16;

        private enum Step
        {
            FillRows,
            Activate,
            ActivationBackward,
            RowSums,
            Transpose,
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void FillRows(Span<float> values, ReadOnlySpan<float> rowValues, int batch)
        {
            fixed (float* v = values)
            fixed (float* r = rowValues)
            {
                Run(new Job(Step.FillRows, default, v, r, rowValues.Length, batch));
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void Activate(Activation activation, Span<float> values, int rows, int batch, Span<float> scratch)
        {
            if (activation == Activation.Softmax || activation == Activation.Linear)
            {
                Elementwise.Activate(activation, values, rows, batch, scratch);
                return;
            }

            fixed (float* v = values)
            {
                Run(new Job(Step.Activate, activation, v, null, rows, batch));
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void ActivationBackward(Activation activation, ReadOnlySpan<float> output, Span<float> gradient, int rows, int batch, Span<float> scratch)
        {
            if (activation == Activation.Softmax || activation == Activation.Linear)
            {
                Elementwise.ActivationBackward(activation, output, gradient, rows, batch, scratch);
                return;
            }

            fixed (float* g = gradient)
            fixed (float* o = output)
            {
                Run(new Job(Step.ActivationBackward, activation, g, o, rows, batch));
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void RowSums(ReadOnlySpan<float> values, Span<float> sums, int batch)
        {
            fixed (float* v = values)
            fixed (float* s = sums)
            {
                Run(new Job(Step.RowSums, default, s, v, sums.Length, batch));
            }
        }

        /// <summary>Transposes <c>[rows, columns]</c> into <c>[columns, rows]</c>, as <see cref="Transpose.Run"/> does.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void Transposed(ReadOnlySpan<float> source, Span<float> target, int rows, int columns)
        {
            Transpose.CheckSizes(source, target, rows, columns);
            fixed (float* s = source)
            fixed (float* t = target)
            {
                Run(new Job(Step.Transpose, default, t, s, rows, columns));
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Run(Job job)
        {
            WorkerPool pool = WorkerPool.Shared;
            if (pool.Workers > 1 && (long)job.Rows * job.Columns >= ParallelElements && job.Rows >= 2 * RowsPerBand)
            {
                pool.Run(ref job, Math.Min(pool.Workers, job.Rows / RowsPerBand));
            }
            else
            {
                // All rows at once: a small layer's steps run many times a step, and the share's divisions were a tenth of them.
                job.ExecuteRows(0, job.Rows);
            }
        }

        /// <summary>One step on rows; <c>_target</c> is what the step writes, <c>_source</c> what it reads besides.</summary>
        private readonly struct Job : IWorkerJob
        {
            private readonly Step _step;
            private readonly Activation _activation;
            private readonly float* _target;
            private readonly float* _source;

            public Job(Step step, Activation activation, float* target, float* source, int rows, int columns)
            {
                _step = step;
                _activation = activation;
                _target = target;
                _source = source;
                Rows = rows;
                Columns = columns;
            }

            public int Rows { get; }

            public int Columns { get; }

            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            public void Execute(int part, int parts)
            {
                (int r0, int r1) = WorkerPool.Share(Rows, RowsPerBand, part, parts);
                ExecuteRows(r0, r1);
            }

            /// <summary>The step on rows <paramref name="r0"/> to <paramref name="r1"/>.</summary>
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            public void ExecuteRows(int r0, int r1)
            {
                int count = r1 - r0;
                if (count <= 0)
                {
                    return;
                }

                int n = Columns;
                switch (_step)
                {
                    case Step.FillRows:
                        Elementwise.FillRows(new Span<float>(_target + (long)r0 * n, count * n), new ReadOnlySpan<float>(_source + r0, count), n);
                        break;
                    case Step.Activate:
                        Elementwise.Activate(_activation, new Span<float>(_target + (long)r0 * n, count * n), count, n, default);
                        break;
                    case Step.ActivationBackward:
                        Elementwise.ActivationBackward(_activation, new ReadOnlySpan<float>(_source + (long)r0 * n, count * n), new Span<float>(_target + (long)r0 * n, count * n), count, n, default);
                        break;
                    case Step.RowSums:
                        Elementwise.RowSums(new ReadOnlySpan<float>(_source + (long)r0 * n, count * n), new Span<float>(_target + r0, count), n);
                        break;
                    case Step.Transpose:
                        Transpose.Rows(_source, _target, Rows, n, r0, r1);
                        break;
                }
            }
        }
    }
}
