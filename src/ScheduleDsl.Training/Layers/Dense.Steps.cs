using System;
using System.Runtime.CompilerServices;
using ScheduleDsl.Training.Kernels;

namespace ScheduleDsl.Training
{
    /// <summary>
    /// A large dense layer's steps in as few hand-offs to the worker pool as the data allow. When its product splits by
    /// rows, each worker runs the row-wise steps on the rows its own part of the product writes, in one job: forward, the
    /// bias fill, the product and the activation; backward, the activation's gradient, the weight gradient, the bias
    /// gradient and the weight transpose, then the input gradient (which needs every row of both) as a second job. Run
    /// step by step, each was a job of its own with the other core waiting at its end: five hand-offs forward and eight
    /// backward in a 784→256→256→10 step instead of two and three. Each worker calls the one-thread code of every step on
    /// its rows, so the results are the same bits as step by step.
    /// </summary>
    public sealed partial class Dense
    {
        /// <summary>Rows per part of the weight transpose: a whole band of <see cref="Transpose"/>.</summary>
        private const int TransposeBand = 16;

        /// <summary>Whether the activation works value by value (so on any rows alone); softmax works down the columns.</summary>
        private static bool ActsByValue(Activation activation) => activation != Activation.Softmax;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private unsafe bool ForwardInOneJob(float[] input, int batch)
        {
            if (!ActsByValue(Activation) || !Gemm.SplitsByRows(Outputs, Inputs, batch))
            {
                return false;
            }

            CheckInput(input, batch);
            fixed (float* w = Weight.Value)
            fixed (float* b = Bias.Value)
            fixed (float* x = input)
            fixed (float* y = Output)
            {
                var job = new ForwardJob(w, b, x, y, Outputs, Inputs, batch, Activation);
                WorkerPool.Shared.Run(ref job, WorkerPool.Shared.Workers);
            }

            return true;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private unsafe bool BackwardInOneJob(float[] input, float[]? inputGradient, int batch)
        {
            bool activationBackward = !LossGivesPreActivationGradient;
            if (Inputs < NarrowInputs || (activationBackward && !ActsByValue(Activation)) || !Gemm.SplitsByRowsTransposed(Outputs, batch, Inputs))
            {
                return false;
            }

            CheckInput(input, batch);
            if (inputGradient != null && inputGradient.Length < Inputs * batch)
            {
                throw new ArgumentException("The input gradient buffer is smaller than inputs × batch.", nameof(inputGradient));
            }

            fixed (float* x = input)
            fixed (float* y = Output)
            fixed (float* dz = OutputGradient)
            fixed (float* w = Weight.Value)
            fixed (float* dw = Weight.Gradient)
            fixed (float* db = Bias.Gradient)
            fixed (float* wt = _weightTransposed)
            {
                var job = new BackwardJob(x, y, dz, w, dw, db, inputGradient != null ? wt : null, Outputs, Inputs, batch, activationBackward ? Activation : Activation.Linear);
                WorkerPool.Shared.Run(ref job, WorkerPool.Shared.Workers);
            }

            if (inputGradient != null)
            {
                // dX[in, batch] = Wᵀ[in, out] · dZ[out, batch]
                Gemm.Multiply(_weightTransposed, OutputGradient.AsSpan(0, Outputs * batch), inputGradient.AsSpan(0, Inputs * batch), Inputs, Outputs, batch, accumulate: false);
            }

            return true;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void CheckInput(float[] input, int batch)
        {
            if (input.Length < Inputs * batch)
            {
                throw new ArgumentException("The input is smaller than inputs × batch.", nameof(input));
            }
        }

        /// <summary>Forward on one worker's rows: the bias fill, the product onto it, the activation.</summary>
        private readonly unsafe struct ForwardJob : IWorkerJob
        {
            private readonly float* _weight;
            private readonly float* _bias;
            private readonly float* _input;
            private readonly float* _output;
            private readonly int _outputs;
            private readonly int _inputs;
            private readonly int _batch;
            private readonly Activation _activation;

            public ForwardJob(float* weight, float* bias, float* input, float* output, int outputs, int inputs, int batch, Activation activation)
            {
                _weight = weight;
                _bias = bias;
                _input = input;
                _output = output;
                _outputs = outputs;
                _inputs = inputs;
                _batch = batch;
                _activation = activation;
            }

            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            public void Execute(int part, int parts)
            {
                (int r0, int r1) = Gemm.RowsOf(_outputs, part, parts);
                int rows = r1 - r0;
                if (rows <= 0)
                {
                    return;
                }

                var output = new Span<float>(_output + (long)r0 * _batch, rows * _batch);
                Elementwise.FillRows(output, new ReadOnlySpan<float>(_bias + r0, rows), _batch);
                Gemm.PackedRows(_weight, _input, _output, _outputs, _inputs, _batch, accumulate: true, bTransposed: false, r0, r1);
                Elementwise.Activate(_activation, output, rows, _batch, default);
            }
        }

        /// <summary>
        /// Backward on one worker's rows of dZ: the activation's gradient, dW = dZ·Xᵀ (packed straight from X), the bias
        /// gradient; and one band of W's rows transposed into Wᵀ's columns for the input gradient (when
        /// <c>_weightTransposed</c> is set).
        /// </summary>
        private readonly unsafe struct BackwardJob : IWorkerJob
        {
            private readonly float* _input;
            private readonly float* _output;
            private readonly float* _outputGradient;
            private readonly float* _weight;
            private readonly float* _weightGradient;
            private readonly float* _biasGradient;
            private readonly float* _weightTransposed;
            private readonly int _outputs;
            private readonly int _inputs;
            private readonly int _batch;
            private readonly Activation _activation;

            public BackwardJob(float* input, float* output, float* outputGradient, float* weight, float* weightGradient, float* biasGradient, float* weightTransposed, int outputs, int inputs, int batch, Activation activation)
            {
                _input = input;
                _output = output;
                _outputGradient = outputGradient;
                _weight = weight;
                _weightGradient = weightGradient;
                _biasGradient = biasGradient;
                _weightTransposed = weightTransposed;
                _outputs = outputs;
                _inputs = inputs;
                _batch = batch;
                _activation = activation;
            }

            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            public void Execute(int part, int parts)
            {
                (int r0, int r1) = Gemm.RowsOf(_outputs, part, parts);
                int rows = r1 - r0;
                if (rows > 0)
                {
                    var gradient = new Span<float>(_outputGradient + (long)r0 * _batch, rows * _batch);
                    if (_activation != Activation.Linear)
                    {
                        Elementwise.ActivationBackward(_activation, new ReadOnlySpan<float>(_output + (long)r0 * _batch, rows * _batch), gradient, rows, _batch, default);
                    }

                    Gemm.PackedRows(_outputGradient, _input, _weightGradient, _outputs, _batch, _inputs, accumulate: false, bTransposed: true, r0, r1);
                    Elementwise.RowSums(gradient, new Span<float>(_biasGradient + r0, rows), _batch);
                }

                if (_weightTransposed != null)
                {
                    // On bands of whole 16-row blocks, not the product's 6-row parts: W's rows become Wᵀ's columns, and a
                    // part starting at row 126 wrote every row of Wᵀ off its cache lines, sharing one line per row with the
                    // other core (perf: the transposes 2.3% of a wide run's samples before this job, 5.6% on its rows).
                    (int t0, int t1) = WorkerPool.Share(_outputs, TransposeBand, part, parts);
                    Transpose.Rows(_weight, _weightTransposed, _outputs, _inputs, t0, t1);
                }
            }
        }
    }
}
