using System;
using System.Runtime.CompilerServices;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace ScheduleDsl.Training
{
    /// <summary>
    /// Stochastic gradient descent, as Keras: <c>p ← p − lr·g</c>; with momentum μ, <c>m ← μ·m − lr·g</c> then
    /// <c>p ← p + m</c>, or with Nesterov <c>p ← p + μ·m − lr·g</c>. Defaults: lr 0.01, μ 0.
    /// </summary>
    public sealed class Sgd : Optimizer
    {
        /// <summary>Stochastic gradient descent (Keras <c>SGD</c>): optional momentum, Nesterov momentum and decoupled weight decay.</summary>
        public Sgd(double learningRate = 0.01, double momentum = 0, bool nesterov = false, double weightDecay = 0)
            : base(learningRate, weightDecay)
        {
            if (!(momentum >= 0 && momentum <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "The momentum must lie in [0, 1].");
            }

            Momentum = momentum;
            Nesterov = nesterov;
        }

        /// <summary>The momentum (0: plain SGD).</summary>
        public double Momentum { get; }

        /// <summary>Whether the momentum is Nesterov's.</summary>
        public bool Nesterov { get; }

        /// <inheritdoc/>
        public override double? ConfiguredMomentum => Momentum;

        /// <inheritdoc/>
        public override string? RefusesMomentum(double momentum) =>
            base.RefusesMomentum(momentum) ?? (momentum > 0 && Momentum == 0
                ? "this sgd was built without momentum, so it keeps no velocity; build it with one (new Sgd(momentum: 0.9)), which the schedule then replaces step by step"
                : null);

        /// <inheritdoc/>
        protected override string[] SlotNames => Momentum > 0 ? new[] { "momentum" } : Array.Empty<string>();

        /// <inheritdoc/>
        public override string Describe() => "sgd(lr=" + F(LearningRate) + ", momentum=" + F(Momentum) + ", nesterov=" + (Nesterov ? "true" : "false") + ", weight_decay=" + F(WeightDecay) + ")";

        /// <inheritdoc/>

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        protected override void Update(Span<float> value, ReadOnlySpan<float> gradient, float[][] slots, float lr) => UpdateSlice(value, gradient, slots, 0, lr, Scratch.AsSpan(0, value.Length));

        private protected override bool IsElementwise => true;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private protected override void UpdateSlice(Span<float> value, ReadOnlySpan<float> gradient, float[][] slots, int start, float lr, Span<float> scratch)
        {
            if (Momentum == 0)
            {
                Kernels.Vec.MultiplyAdd(gradient, -lr, value, value);
                return;
            }

            // One pass over the parameter: the update is memory-bound, and three separate passes cost three times the traffic.
            // The momentum is this step's: the configured one, or a schedule's momentum channel.
            float mu = (float)CurrentMomentum;
            Span<float> m = slots[0].AsSpan(start, value.Length);
            int i = 0;
            if (Kernels.Simd.IsVectorized)
            {
                Span<Vector<float>> pv = MemoryMarshal.Cast<float, Vector<float>>(value);
                ReadOnlySpan<Vector<float>> gv = MemoryMarshal.Cast<float, Vector<float>>(gradient);
                Span<Vector<float>> mv = MemoryMarshal.Cast<float, Vector<float>>(m);
                var muV = new Vector<float>(mu);
                var lrV = new Vector<float>(-lr);
                for (int v = 0; v < pv.Length; v++)
                {
                    Vector<float> step = lrV * gv[v];
                    Vector<float> velocity = Kernels.Fused.MultiplyAdd(muV, mv[v], step);
                    mv[v] = velocity;
                    pv[v] += Nesterov ? Kernels.Fused.MultiplyAdd(muV, velocity, step) : velocity;
                }

                i = pv.Length * Vector<float>.Count;
            }

            for (; i < value.Length; i++)
            {
                float step = -lr * gradient[i];
                float velocity = MathF.FusedMultiplyAdd(mu, m[i], step);
                m[i] = velocity;
                value[i] += Nesterov ? MathF.FusedMultiplyAdd(mu, velocity, step) : velocity;
            }
        }
    }
}
