using System;
using System.Runtime.CompilerServices;
using ScheduleDsl.Training.Kernels;

namespace ScheduleDsl.Training
{
    /// <summary>
    /// A large dense layer's steps in as few hand-offs to the worker pool as the data allow. When its product splits by
    /// rows, each worker runs the row-wise steps on the rows its own part of the product writes, in one job: forward, the
    /// bias fill, the product and the activation; backward, the activation's gradient, the weight gradient, the bias
    /// gradient, the weight transpose and the optimizer's update of those rows, then the input gradient (which needs every
    /// row of both) as a second job. Run step by step, each was a job of its own with the other core waiting at its end:
    /// six hand-offs forward and eight backward for the two wide layers of a 784→256→256→10 step instead of two and three.
    /// Each worker calls the one-thread code of every step on its rows, so the results are the same bits as step by step.
    /// </summary>
    public sealed partial class Dense
    {
        /// <summary>Rows per part of the weight transpose: a whole band of <see cref="Transpose"/>.</summary>
        private const int TransposeBand = 16;

        /// <summary>Whether the activation works value by value (so on any rows alone); softmax works down the columns.</summary>
        private static bool ActsByValue(Activation activation) => activation != Activation.Softmax;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private unsafe bool ForwardInOneJob(float[] input, int batch, bool sampleMajor)
        {
            if (!ActsByValue(Activation) || !(sampleMajor ? Gemm.SplitsByRowsTransposed(Outputs, Inputs, batch) : Gemm.SplitsByRows(Outputs, Inputs, batch)))
            {
                return false;
            }

            CheckInput(input, batch);
            fixed (float* w = Weight.Value)
            fixed (float* b = Bias.Value)
            fixed (float* x = input)
            fixed (float* y = Output)
            {
                var job = new ForwardJob(w, b, x, y, Outputs, Inputs, batch, Activation, sampleMajor);
                WorkerPool.Shared.Run(ref job, WorkerPool.Shared.Workers);
            }

            return true;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private unsafe bool BackwardInOneJob(float[] input, float[]? inputGradient, int batch, bool sampleMajor, bool preActivationGradient, Optimizer? step)
        {
            bool activationBackward = !preActivationGradient;
            if (Inputs < NarrowInputs || (activationBackward && !ActsByValue(Activation))
                || !(sampleMajor ? Gemm.SplitsByRows(Outputs, batch, Inputs) : Gemm.SplitsByRowsTransposed(Outputs, batch, Inputs)))
            {
                return false;
            }

            CheckInput(input, batch);
            if (inputGradient != null && inputGradient.Length < Inputs * batch)
            {
                throw new ArgumentException("The input gradient buffer is smaller than inputs × batch.", nameof(inputGradient));
            }

            // The update on each worker's rows right after their gradients. The job then transposes each worker's own rows
            // of W before it updates them (so no worker reads rows another has updated); only where those rows are whole
            // bands of the transpose, so that no cache line of Wᵀ is written by two workers.
            Optimizer? update = step != null && (inputGradient == null || TransposeBandsAreProductRows()) ? step : null;
            fixed (float* x = input)
            fixed (float* y = Output)
            fixed (float* dz = OutputGradient)
            fixed (float* w = Weight.Value)
            fixed (float* dw = Weight.Gradient)
            fixed (float* db = Bias.Gradient)
            fixed (float* wt = _weightTransposed)
            {
                var job = new BackwardJob(x, y, dz, w, dw, db, inputGradient != null ? wt : null, Outputs, Inputs, batch, activationBackward ? Activation : Activation.Linear, sampleMajor, update, update != null ? this : null);
                WorkerPool.Shared.Run(ref job, WorkerPool.Shared.Workers);
            }

            if (update != null)
            {
                update.MarkUpdated(Weight);
                update.MarkUpdated(Bias);
            }

            if (inputGradient != null)
            {
                // dX[in, batch] = Wᵀ[in, out] · dZ[out, batch]
                Gemm.Multiply(_weightTransposed, OutputGradient.AsSpan(0, Outputs * batch), inputGradient.AsSpan(0, Inputs * batch), Inputs, Outputs, batch, accumulate: false);
            }

            return true;
        }

        /// <summary>Whether every worker's band of the weight transpose is exactly the rows its part of the product computes (whole 16-row bands).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool TransposeBandsAreProductRows()
        {
            int parts = WorkerPool.Shared.Workers;
            for (int part = 0; part < parts; part++)
            {
                if (WorkerPool.Share(Outputs, TransposeBand, part, parts) != Gemm.RowsOf(Outputs, part, parts))
                {
                    return false;
                }
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

        /// <summary>Forward on one worker's rows: the bias fill, the product onto it (B packed from a sample-major input transposed), the activation.</summary>
        private readonly unsafe struct ForwardJob(float* weight, float* bias, float* input, float* output, int outputs, int inputs, int batch, Activation activation, bool sampleMajor) : IWorkerJob
        {
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            public void Execute(int part, int parts)
            {
                (int r0, int r1) = Gemm.RowsOf(outputs, part, parts);
                int rows = r1 - r0;
                if (rows <= 0)
                {
                    return;
                }

                var values = new Span<float>(output + (long)r0 * batch, rows * batch);
                Elementwise.FillRows(values, new ReadOnlySpan<float>(bias + r0, rows), batch);
                Gemm.PackedRows(weight, input, output, outputs, inputs, batch, accumulate: true, bTransposed: sampleMajor, r0, r1);
                Elementwise.Activate(activation, values, rows, batch, default);
            }
        }

        /// <summary>
        /// Backward on one worker's rows of dZ: the activation's gradient, dW = dZ·Xᵀ (packed straight from X, or from a
        /// sample-major input, which is Xᵀ, as it lies), the bias gradient; one band of W's rows transposed into Wᵀ's
        /// columns for the input gradient (when <paramref name="weightTransposed"/> is set); and, given an optimizer's step
        /// under way (<paramref name="update"/>), the update of the worker's rows of W and b while their gradients are
        /// still in its cache, instead of in a pass of its own after the whole backward.
        /// </summary>
        private readonly unsafe struct BackwardJob(
            float* input, float* output, float* outputGradient, float* weight, float* weightGradient, float* biasGradient, float* weightTransposed,
            int outputs, int inputs, int batch, Activation activation, bool sampleMajor, Optimizer? update, Dense? layer) : IWorkerJob
        {
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            public void Execute(int part, int parts)
            {
                (int r0, int r1) = Gemm.RowsOf(outputs, part, parts);
                int rows = r1 - r0;
                if (rows > 0)
                {
                    var gradient = new Span<float>(outputGradient + (long)r0 * batch, rows * batch);
                    if (activation != Activation.Linear)
                    {
                        Elementwise.ActivationBackward(activation, new ReadOnlySpan<float>(output + (long)r0 * batch, rows * batch), gradient, rows, batch, default);
                    }

                    Gemm.PackedRows(outputGradient, input, weightGradient, outputs, batch, inputs, accumulate: false, bTransposed: !sampleMajor, r0, r1);
                    Elementwise.RowSums(gradient, new Span<float>(biasGradient + r0, rows), batch);
                }

                if (weightTransposed != null)
                {
                    // On bands of whole 16-row blocks, not the product's 6- or 8-row parts: W's rows become Wᵀ's columns, and a
                    // part starting at row 126 wrote every row of Wᵀ off its cache lines, sharing one line per row with the
                    // other core (perf: the transposes 2.3% of a wide run's samples before this job, 5.6% on its rows).
                    (int t0, int t1) = WorkerPool.Share(outputs, TransposeBand, part, parts);
                    Transpose.Rows(weight, weightTransposed, outputs, inputs, t0, t1);
                }

                if (update != null && rows > 0)
                {
                    // The step's update of this worker's rows of W and b, whose gradients are now complete. Its band of the
                    // transpose, which had to read W first, is these same rows (the caller checked), so no other worker reads them.
                    update.UpdateRange(layer!.Weight, r0 * inputs, r1 * inputs);
                    update.UpdateRange(layer.Bias, r0, r1);
                }
            }
        }
    }
}
