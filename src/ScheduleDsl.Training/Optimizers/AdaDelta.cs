using System;
using System.Runtime.CompilerServices;
using System.Numerics.Tensors;

namespace ScheduleDsl.Training
{
    /// <summary>
    /// AdaDelta, as Keras: <c>E[g²] ← ρ·E[g²] + (1−ρ)·g²</c>, <c>Δ ← −√(E[Δ²] + ε) / √(E[g²] + ε) · g</c>,
    /// <c>E[Δ²] ← ρ·E[Δ²] + (1−ρ)·Δ²</c>, <c>p ← p + lr·Δ</c>. Defaults: lr 0.001, ρ 0.95, ε 1e-7.
    /// </summary>
    public sealed class AdaDelta : Optimizer
    {
        /// <summary>AdaDelta (Keras <c>Adadelta</c>).</summary>
        public AdaDelta(double learningRate = 0.001, double rho = 0.95, double epsilon = 1e-7, double weightDecay = 0)
            : base(learningRate, weightDecay)
        {
            if (!(rho >= 0 && rho < 1) || !(epsilon > 0))
            {
                throw new ArgumentOutOfRangeException(nameof(rho), "rho must lie in [0, 1) and epsilon be > 0.");
            }

            Rho = rho;
            Epsilon = epsilon;
        }

        /// <summary>The decay of the running averages.</summary>
        public double Rho { get; }

        /// <summary>Added inside the roots for stability.</summary>
        public double Epsilon { get; }

        /// <inheritdoc/>
        protected override string[] SlotNames => new[] { "accumulated_grad", "accumulated_delta" };

        /// <inheritdoc/>
        public override string Describe() => "adadelta(lr=" + F(LearningRate) + ", rho=" + F(Rho) + ", epsilon=" + F(Epsilon) + ", weight_decay=" + F(WeightDecay) + ")";

        /// <inheritdoc/>

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        protected override void Update(Span<float> value, ReadOnlySpan<float> gradient, float[][] slots, float lr) => UpdateSlice(value, gradient, slots, 0, lr, Scratch.AsSpan(0, value.Length));

        private protected override bool IsElementwise => true;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private protected override void UpdateSlice(Span<float> value, ReadOnlySpan<float> gradient, float[][] slots, int start, float lr, Span<float> scratch)
        {
            float rho = (float)Rho;
            float eps = (float)Epsilon;
            Span<float> grads = slots[0].AsSpan(start, value.Length);
            Span<float> deltas = slots[1].AsSpan(start, value.Length);
            Span<float> delta = scratch;
            for (int i = 0; i < value.Length; i++)
            {
                float g = gradient[i];
                grads[i] = rho * grads[i] + (1 - rho) * g * g;
                float d = -(MathF.Sqrt(deltas[i] + eps) * g) / MathF.Sqrt(grads[i] + eps);
                deltas[i] = rho * deltas[i] + (1 - rho) * d * d;
                delta[i] = d;
            }

            Kernels.Vec.MultiplyAdd(delta, lr, value, value);
        }
    }
}
