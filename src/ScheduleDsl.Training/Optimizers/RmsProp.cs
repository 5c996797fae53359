using System;
using System.Runtime.CompilerServices;

namespace ScheduleDsl.Training
{
    /// <summary>
    /// RMSprop, as Keras: <c>v ← ρ·v + (1−ρ)·g²</c>, <c>Δ = lr·g / √(v + ε)</c> (centered: <c>v − ḡ²</c>), then
    /// <c>p ← p − Δ</c>, or with momentum <c>m ← μ·m + Δ</c>, <c>p ← p − m</c>. Defaults: lr 0.001, ρ 0.9, μ 0, ε 1e-7.
    /// </summary>
    public sealed class RmsProp : Optimizer
    {
        /// <summary>RMSprop (Keras <c>RMSprop</c>): rates scaled by a running root mean square of the gradients.</summary>
        public RmsProp(double learningRate = 0.001, double rho = 0.9, double momentum = 0, double epsilon = 1e-7, bool centered = false, double weightDecay = 0)
            : base(learningRate, weightDecay)
        {
            if (!(rho >= 0 && rho < 1) || !(momentum >= 0 && momentum <= 1) || !(epsilon > 0))
            {
                throw new ArgumentOutOfRangeException(nameof(rho), "rho must lie in [0, 1), momentum in [0, 1] and epsilon be > 0.");
            }

            Rho = rho;
            Momentum = momentum;
            Epsilon = epsilon;
            Centered = centered;
        }

        /// <summary>The decay of the running mean of squared gradients.</summary>
        public double Rho { get; }

        /// <summary>The momentum (0: none).</summary>
        public double Momentum { get; }

        /// <summary>Added to the root mean square for stability.</summary>
        public double Epsilon { get; }

        /// <summary>Whether the mean gradient is subtracted (centered RMSprop).</summary>
        public bool Centered { get; }

        /// <inheritdoc/>
        public override double? ConfiguredMomentum => Momentum;

        /// <inheritdoc/>
        protected override string[] SlotNames => new[] { "velocity", "momentum", "average_gradient" };

        /// <inheritdoc/>
        public override string Describe() => "rmsprop(lr=" + F(LearningRate) + ", rho=" + F(Rho) + ", momentum=" + F(Momentum) + ", epsilon=" + F(Epsilon) + ", centered=" + (Centered ? "true" : "false") + ", weight_decay=" + F(WeightDecay) + ")";

        /// <inheritdoc/>

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        protected override void Update(Span<float> value, ReadOnlySpan<float> gradient, float[][] slots, float lr) => UpdateSlice(value, gradient, slots, 0, lr, Scratch.AsSpan(0, value.Length));

        private protected override bool IsElementwise => true;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private protected override void UpdateSlice(Span<float> value, ReadOnlySpan<float> gradient, float[][] slots, int start, float lr, Span<float> scratch)
        {
            float rho = (float)Rho;
            float eps = (float)Epsilon;
            float mu = (float)CurrentMomentum;
            Span<float> velocity = slots[0].AsSpan(start, value.Length);
            Span<float> momentum = slots[1].AsSpan(start, value.Length);
            Span<float> average = slots[2].AsSpan(start, value.Length);
            for (int i = 0; i < value.Length; i++)
            {
                float g = gradient[i];
                velocity[i] = rho * velocity[i] + (1 - rho) * g * g;
                float denominator = velocity[i] + eps;
                if (Centered)
                {
                    average[i] = rho * average[i] + (1 - rho) * g;
                    denominator -= average[i] * average[i];
                }

                float increment = lr * g / MathF.Sqrt(denominator);
                if (mu > 0)
                {
                    momentum[i] = mu * momentum[i] + increment;
                    value[i] -= momentum[i];
                }
                else
                {
                    value[i] -= increment;
                }
            }
        }
    }
}
